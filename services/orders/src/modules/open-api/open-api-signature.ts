import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { constantTimeEqual } from '@pay/common';
import { MerchantStatus } from '../merchant/merchant.entity';
import { OpenApiApp } from './open-api-app.entity';

export type OpenApiVerdict =
  { ok: true; merchantId: number } | { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };

const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The string the official Fubei SDKs sign (LEGACY-PROTOCOLS.md): every parameter but
 * `sign`, sorted by name, `key=value` with raw values (empty ones kept), joined with
 * `&`, then the app secret appended directly — no `&key=` separator.
 */
export function openApiSignString(params: Record<string, string>, secret: string): string {
  const parts = Object.keys(params)
    .filter((key) => key !== 'sign')
    .sort(byteOrder)
    .map((key) => `${key}=${params[key]}`);
  return `${parts.join('&')}${secret}`;
}

/** MD5 of the string to sign, upper-case hex. */
export function openApiSign(params: Record<string, string>, secret: string): string {
  return createHash('md5').update(openApiSignString(params, secret), 'utf8').digest('hex').toUpperCase();
}

/**
 * Checks an open API request's signature with its app's secret and answers the merchant
 * the app speaks for. The secrets never leave this service: the gateway sends the
 * parameters and gets a verdict. An unknown or disabled app, or a disabled merchant,
 * answers MERCHANT_DISABLED; a wrong signature SIGNATURE_INVALID.
 */
export async function verifyOpenApiSignature(
  em: EntityManager,
  params: Record<string, string>,
): Promise<OpenApiVerdict> {
  const appId = params.app_id ?? '';
  const sign = params.sign ?? '';
  if (!appId || appId.length > 32 || !sign) return { ok: false, code: 'SIGNATURE_INVALID' };
  const app = await em.findOne(OpenApiApp, { appId }, { populate: ['secret', 'merchant'] });
  if (!app || !app.enabled || app.merchant.status !== MerchantStatus.ACTIVE) {
    return { ok: false, code: 'MERCHANT_DISABLED' };
  }
  // Exactly the upper-case hex every official Fubei SDK sends (LEGACY-PROTOCOLS.md): a
  // lower-case sign is refused, as the merchant and account-clearing APIs refuse theirs.
  return constantTimeEqual(sign, openApiSign(params, app.secret))
    ? { ok: true, merchantId: app.merchant.id }
    : { ok: false, code: 'SIGNATURE_INVALID' };
}

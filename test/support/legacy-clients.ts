import { createHash } from 'node:crypto';
import type { Platform } from './platform';

/**
 * Legacy clients as merchants' integrations are written: signatures computed here, from
 * the specs, independently of the platform's own signing code.
 */

/** The standard test world's merchants (services/orders/src/db/seeders/builders.ts). */
export const MERCHANT_KEYS = {
  merchant: { id: 2024164, key: 'key-2024164-demo' },
  other: { id: 2023100, key: 'key-2023100-demo' },
  disabled: { id: 2020001, key: 'key-2020001-demo' },
} as const;
/** The orders service's default (demo) master key. */
export const MASTER_KEY = 'demo-merchant-api-master-key';

type Param = string | number | boolean | null | undefined | Param[];

/** merchant-api.md §1: sorted, empty dropped (0/false/"0" kept), arrays as PHP json_encode, `&key=`, MD5 upper. */
export function legacyMerchantSign(params: Record<string, Param>, secret: string): string {
  const parts = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0))
    .filter((k) => params[k] !== '' && params[k] !== null && params[k] !== undefined)
    .map((k) => {
      const v = params[k];
      return `${k}=${Array.isArray(v) ? JSON.stringify(v).replace(/\//g, '\\/') : String(v)}`;
    });
  return createHash('md5')
    .update([...parts, `key=${secret}`].join('&'), 'utf8')
    .digest('hex')
    .toUpperCase();
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface LegacyResponse<T = unknown> {
  status: number;
  body: T;
}

/** The gateway's root URL (the merchant API's base address). */
export const gatewayRoot = (platform: Platform): string => platform.gatewayUrl.replace(/\/graphql$/, '');

/**
 * POSTs a merchant API request as a form (the spec's content type), signed with `secret`
 * unless `sign` is given. `timestamp` defaults to now and `merchant_id` to the merchant.
 */
export async function merchantApiCall<T = { code: number; message: string; data: unknown }>(
  platform: Platform,
  path: string,
  params: Record<string, Param> = {},
  options: { secret?: string; merchant?: { id: number; key: string } | null; json?: boolean } = {},
): Promise<LegacyResponse<T>> {
  const merchant = options.merchant === undefined ? MERCHANT_KEYS.merchant : options.merchant;
  const full: Record<string, Param> = {
    ...(merchant ? { merchant_id: merchant.id } : {}),
    timestamp: nowSeconds(),
    ...params,
  };
  if (full.sign === undefined) full.sign = legacyMerchantSign(full, options.secret ?? merchant?.key ?? '');
  const body = options.json ? JSON.stringify(full) : formEncode(full);
  const response = await fetch(`${gatewayRoot(platform)}${path}`, {
    method: 'POST',
    headers: { 'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, body: (await response.json()) as T };
}

function formEncode(params: Record<string, Param>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) form.append(`${key}[]`, String(item));
    else form.append(key, String(value));
  }
  return form.toString();
}

import { AppError, type SignableValue } from '@pay/common';
import type { RestContext } from '../rest-context';
import { MerchantVerdict } from './merchant-verdict';

/** merchant-api.md §1: a timestamp of 10 (s) or 13 (ms) digits within ±300 s. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export function checkTimestamp(value: SignableValue, now: Date = new Date()): void {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^(\d{10}|\d{13})$/.test(text))
    throw new AppError('TIMESTAMP_EXPIRED', 'timestamp must have 10 or 13 digits');
  const seconds = text.length === 13 ? Number(text) / 1000 : Number(text);
  if (Math.abs(now.getTime() / 1000 - seconds) > TIMESTAMP_WINDOW_SECONDS)
    throw new AppError('TIMESTAMP_EXPIRED', 'timestamp is outside ±300 s of the server time');
}

/**
 * Authenticates a legacy merchant API request: the parameters it must carry and the
 * timestamp here, the signature at the orders service (which keeps the merchants' keys
 * and the master key; they never reach the gateway) — asked on its own or carried by the
 * route's first operation (MerchantVerdict). Answers the request's verdict, whose `claim`
 * is the actor the route's operations run as once orders accepts the signature.
 */
export async function authenticateMerchantRequest(
  ctx: RestContext,
  params: Record<string, SignableValue>,
  options: { platformOnly: boolean; ip: string | undefined },
): Promise<MerchantVerdict> {
  const missing = ['timestamp', 'sign', ...(options.platformOnly ? ['access_key'] : ['merchant_id'])].filter(
    (name) => params[name] === undefined || params[name] === null || params[name] === '',
  );
  if (missing.length) {
    if (missing.includes('sign') || missing.includes('access_key')) throw new AppError('SIGNATURE_INVALID');
    if (missing.includes('merchant_id')) throw new AppError('MERCHANT_DISABLED');
    throw new AppError('TIMESTAMP_EXPIRED');
  }
  checkTimestamp(params.timestamp ?? '');
  return MerchantVerdict.start(ctx, params, options);
}

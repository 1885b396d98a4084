import { randomInt } from 'node:crypto';
import { formatChinaDateTime } from '../time/china-time';

/**
 * Platform order numbers look like the merchant API's `H25111623144996156788`:
 * `H` + yyMMddHHmmss (China time) + 8 random digits. Uniqueness is enforced by the
 * database's unique index; callers retry on the rare collision.
 */
export function newPlatformOrderNo(now: Date = new Date()): string {
  const stamp = formatChinaDateTime(now).replace(/\D/g, '').slice(2);
  return `H${stamp}${randomDigits(8)}`;
}

/** Withdraw numbers look like `qzf1763323862322992`: `qzf` + Unix ms + 3 random digits. */
export function newWithdrawNo(now: Date = new Date()): string {
  return `qzf${now.getTime()}${randomDigits(3)}`;
}

/** Merchant order numbers generated when a merchant sends none: yyyyMMddHHmmss + 4 random digits (the legacy 18-digit form; clashes are drawn again by the caller). */
export function newMerchantOrderNo(now: Date = new Date()): string {
  return `${formatChinaDateTime(now).replace(/\D/g, '')}${randomDigits(4)}`;
}

export function randomDigits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += randomInt(10).toString();
  return out;
}

import { AppError, amountArgument, type Fen } from '@pay/common';

/** API recharges: -1000.00 to 10000.00 yuan, never zero (the legacy `mch_api_recharge` range). */
export const API_RECHARGE_MIN: Fen = -100_000;
export const API_RECHARGE_MAX: Fen = 1_000_000;
/** Alipay recharge links: up to 10000.00 yuan. */
export const ALIPAY_RECHARGE_MAX: Fen = 1_000_000;

/** A signed yuan amount of an API recharge in fen: INVALID_AMOUNT when malformed, RECHARGE_AMOUNT_OUT_OF_RANGE when zero or outside the range. */
export function apiRechargeAmount(text: string): Fen {
  let fen: Fen;
  try {
    fen = amountArgument(text, 'amount', 'nonZero');
  } catch (error) {
    // Zero is well-formed: it is out of range, as the registry describes the code.
    if (error instanceof AppError && /must not be zero/.test(error.message))
      throw outOfRange('an API recharge must not be zero');
    throw error;
  }
  if (fen < API_RECHARGE_MIN || fen > API_RECHARGE_MAX)
    throw outOfRange('an API recharge is from -1000.00 to 10000.00 yuan');
  return fen;
}

/** The amount of an Alipay recharge link in fen: 0.01 to 10000.00 yuan. */
export function alipayRechargeAmount(text: string): Fen {
  const fen = amountArgument(text, 'amount', 'positive');
  if (fen > ALIPAY_RECHARGE_MAX) throw outOfRange('an Alipay recharge is from 0.01 to 10000.00 yuan');
  return fen;
}

const outOfRange = (message: string) =>
  new AppError('RECHARGE_AMOUNT_OUT_OF_RANGE', message, { argument: 'amount' });

/** "::ffff:127.0.0.1" and "127.0.0.1" are the same caller: compare IPv4-mapped addresses as IPv4. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * API recharges come only from allow-listed IPs: the platform's list, and the
 * merchant's own list as well when it has one. A call without an IP (not through the
 * gateway) is refused.
 */
export function checkRechargeIp(
  ip: string | undefined,
  platformList: readonly string[],
  merchantList: readonly string[],
): void {
  if (!ip) throw new AppError('IP_NOT_ALLOWED', 'the caller has no IP address to check');
  const caller = normalizeIp(ip);
  if (!platformList.some((allowed) => normalizeIp(allowed) === caller))
    throw new AppError('IP_NOT_ALLOWED', `IP ${ip} may not make API recharges`, { ip });
  if (merchantList.length > 0 && !merchantList.some((allowed) => normalizeIp(allowed) === caller))
    throw new AppError('IP_NOT_ALLOWED', `IP ${ip} is not on the merchant's allow-list`, { ip });
}

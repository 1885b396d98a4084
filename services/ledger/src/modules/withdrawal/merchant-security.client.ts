import { createInternalClient, logger, verifyTotpContract } from '@pay/common';
import type { LedgerConfig } from '../../config';

export interface TotpCheck {
  /** Whether the merchant has two-factor authentication on (a code is needed). */
  required: boolean;
  /** Whether the code given is right (and unused). */
  valid: boolean;
}

/**
 * Merchants' security data (TOTP secrets) lives in the orders service, which owns the
 * merchant; the ledger only asks whether a withdrawal's code is right.
 */
export interface MerchantSecurity {
  verifyTotp(merchantId: number, code: string | null): Promise<TotpCheck>;
}

/** Without an orders service (development and tests only) no merchant needs a code. */
export const noMerchantSecurity: MerchantSecurity = {
  verifyTotp: async () => ({ required: false, valid: false }),
};

/**
 * Asks the orders service (`POST /internal/merchants/:id/verify-totp`, the contract in
 * services/common/src/internal/merchant-security.contract.ts) as a signed SYSTEM actor,
 * through the one internal client: NOT_FOUND for an unknown merchant, anything else that
 * goes wrong DEPENDENCY_UNAVAILABLE (the withdrawal then changes nothing).
 */
export function httpMerchantSecurity(
  ordersUrl: string,
  internalSecret: string,
  timeoutMs = 5000,
): MerchantSecurity {
  const call = createInternalClient({
    service: 'the two-factor check (orders)',
    baseUrl: ordersUrl,
    caller: { sub: 'service:ledger', role: 'SYSTEM' },
    internalSecret,
    timeoutMs,
  });
  return {
    verifyTotp: (merchantId, code) => call(verifyTotpContract, { code: code ?? '' }, { id: merchantId }),
  };
}

/** The merchant security client the configuration asks for. */
export function merchantSecurityFor(config: LedgerConfig): MerchantSecurity {
  return config.ordersUrl
    ? httpMerchantSecurity(
        config.ordersUrl,
        config.auth.internalSecret,
        config.internalCallTimeoutMs ?? undefined,
      )
    : noMerchantSecurity;
}

/** Logged once at start: without ORDERS_URL, withdrawals never ask for a two-factor code. */
export function warnWithoutMerchantSecurity(config: LedgerConfig): void {
  if (!config.ordersUrl) {
    logger().warn('ORDERS_URL is not set: withdrawals will not require two-factor (TOTP) codes');
  }
}

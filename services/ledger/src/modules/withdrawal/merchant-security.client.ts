import { ACTOR_HEADER, AppError, logger, signActorHeader } from '@pay/common';
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

/** Asks the orders service (`POST /internal/merchants/:id/verify-totp`) as a signed SYSTEM actor. */
export function httpMerchantSecurity(
  ordersUrl: string,
  internalSecret: string,
  timeoutMs = 5000,
): MerchantSecurity {
  const base = ordersUrl.replace(/\/+$/, '');
  return {
    async verifyTotp(merchantId, code) {
      let response: Response;
      try {
        response = await fetch(`${base}/internal/merchants/${merchantId}/verify-totp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [ACTOR_HEADER]: signActorHeader({ sub: 'service:ledger', role: 'SYSTEM' }, internalSecret),
          },
          body: JSON.stringify({ code: code ?? '' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        logger().warn({ err: error, merchantId }, 'orders service unreachable for a TOTP check');
        throw new AppError(
          'DEPENDENCY_UNAVAILABLE',
          'the two-factor check is unavailable; nothing was changed',
        );
      }
      if (response.status === 404) {
        throw new AppError('NOT_FOUND', `merchant ${merchantId} not found`, { merchantId });
      }
      const body = (await response.json().catch(() => null)) as Partial<TotpCheck> | null;
      if (!response.ok || typeof body?.required !== 'boolean' || typeof body.valid !== 'boolean') {
        logger().warn({ status: response.status, merchantId }, 'orders service refused a TOTP check');
        throw new AppError(
          'DEPENDENCY_UNAVAILABLE',
          'the two-factor check is unavailable; nothing was changed',
        );
      }
      return { required: body.required, valid: body.valid };
    },
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

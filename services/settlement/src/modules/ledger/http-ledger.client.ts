import {
  createInternalClient,
  settlementPayoutContract,
  walletCollectionContract,
  walletRechargeContract,
  type Actor,
} from '@pay/common';
import type { LedgerClient } from './ledger.client';

export interface LedgerClientOptions {
  /** The ledger's base URL (e.g. http://127.0.0.1:4002); null: every call is DEPENDENCY_UNAVAILABLE. */
  ledgerUrl: string | null;
  /** Signs the SYSTEM actor header the ledger's internal endpoints require. */
  internalSecret: string;
  /** How long one call may take; the callers hold database locks meanwhile. */
  timeoutMs?: number;
}

const SETTLEMENT_SERVICE: Actor = { sub: 'service:settlement', role: 'SYSTEM' };

/**
 * The ledger's internal money endpoints (services/common/src/internal/settlement-money.contract.ts)
 * through the one internal client: signed SYSTEM actor, deadline, the ledger's refusals
 * with their codes, everything else DEPENDENCY_UNAVAILABLE (nothing may be assumed posted;
 * retrying with the same id is safe).
 */
export function createLedgerClient(options: LedgerClientOptions): LedgerClient {
  const call = createInternalClient({
    service: 'the ledger',
    baseUrl: options.ledgerUrl,
    caller: SETTLEMENT_SERVICE,
    internalSecret: options.internalSecret,
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  return {
    async postSettlementPayout(input) {
      const { postingId } = await call(settlementPayoutContract, input);
      return { postingId };
    },
    async postWalletRecharge(input) {
      const { postingId } = await call(walletRechargeContract, input);
      return { postingId };
    },
    collectFromWallet: (input) => call(walletCollectionContract, input),
  };
}

import type { SettlementPayoutCommand, WalletCollectionCommand, WalletRechargeCommand } from '@pay/common';

/**
 * The settlement service's money movements, posted in the ledger (every movement of
 * money goes through it). Each call is idempotent on the caller's id: a retry after a
 * timeout answers the first posting instead of moving money again. Amounts are integer
 * fen. Failures are AppErrors: the ledger's refusal keeps its code (INSUFFICIENT_BALANCE,
 * BAD_USER_INPUT — e.g. an id reused for another merchant or amount); a ledger that is
 * not configured, unreachable or failing is DEPENDENCY_UNAVAILABLE, and then nothing
 * may be assumed posted (retrying with the same id is safe).
 */
export interface LedgerClient {
  /**
   * Debits the merchant's available balance to the settlement payout account, once per
   * settlement code (ledger key `stl_<code>`); amount > 0. INSUFFICIENT_BALANCE when the
   * available balance is short (nothing posted).
   */
  postSettlementPayout(input: SettlementPayoutCommand): Promise<{ postingId: string }>;
  /**
   * Credits (amount > 0) or debits (amount < 0) the merchant's prepaid wallet, once per
   * recharge id (ledger key `rcg_<id>`). A debit the wallet cannot cover is
   * INSUFFICIENT_BALANCE (nothing posted).
   */
  postWalletRecharge(input: WalletRechargeCommand): Promise<{ postingId: string }>;
  /**
   * Moves min(wallet balance, maxAmount) from the wallet to platform revenue, once per
   * collection id (ledger key `bcl_<id>`; maxAmount > 0); answers what moved, or what the
   * first call with this id moved. An empty wallet moves nothing ({collected: 0,
   * postingId: null}) and leaves the id free, so a later call may collect.
   */
  collectFromWallet(input: WalletCollectionCommand): Promise<{ collected: number; postingId: string | null }>;
}

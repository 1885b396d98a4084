// PLACEHOLDER: the ledger helper replaces this file with the HTTP client.
export interface LedgerClient {
  /** Debits the merchant's available balance to the settlement payout account, once per settlement code. */
  postSettlementPayout(input: {
    settlementCode: string;
    merchantId: number;
    amount: number;
    actor: string;
  }): Promise<{ postingId: string }>;
  /** Credits (amount > 0) or debits (amount < 0) the merchant's prepaid wallet, once per recharge id. */
  postWalletRecharge(input: {
    rechargeId: string;
    merchantId: number;
    amount: number;
    method: 'ALIPAY' | 'API';
    actor: string;
  }): Promise<{ postingId: string }>;
  /** Moves up to maxAmount from the wallet to platform revenue, once per collection id; answers what moved. */
  collectFromWallet(input: {
    collectionId: string;
    merchantId: number;
    maxAmount: number;
    description: string;
    actor: string;
  }): Promise<{ collected: number; postingId: string | null }>;
}

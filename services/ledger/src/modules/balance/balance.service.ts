import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type Fen } from '@pay/common';
import { AccountPurpose, OwnerType } from '../account/account-purpose';

export interface MerchantBalances {
  merchantId: number;
  available: Fen;
  frozen: Fen;
  pendingWithdrawal: Fen;
  prepaidFee: Fen;
  /** Last change of any of the merchant's accounts (null: never had one). */
  updatedAt: Date | null;
}

/** The balances of many merchants in one query (for loaders). */
export async function merchantBalances(
  em: EntityManager,
  merchantIds: readonly number[],
): Promise<MerchantBalances[]> {
  const rows = (await em.getConnection().execute(
    `select owner_id, purpose, balance, updated_at from account_balance
      where owner_type = ? and owner_id = any(?::text[])`,
    [OwnerType.MERCHANT, pgArray(merchantIds.map(String))],
    'all',
    em.getTransactionContext(),
  )) as { owner_id: string; purpose: AccountPurpose; balance: string; updated_at: Date }[];
  const byMerchant = new Map<number, MerchantBalances>(
    merchantIds.map((id) => [
      id,
      { merchantId: id, available: 0, frozen: 0, pendingWithdrawal: 0, prepaidFee: 0, updatedAt: null },
    ]),
  );
  for (const row of rows) {
    const b = byMerchant.get(Number(row.owner_id))!;
    const amount = Number(row.balance);
    if (row.purpose === AccountPurpose.MERCHANT_AVAILABLE) b.available = amount;
    if (row.purpose === AccountPurpose.MERCHANT_FROZEN) b.frozen = amount;
    if (row.purpose === AccountPurpose.MERCHANT_PENDING_WITHDRAWAL) b.pendingWithdrawal = amount;
    if (row.purpose === AccountPurpose.MERCHANT_PREPAID_FEE) b.prepaidFee = amount;
    const updated = new Date(row.updated_at);
    if (!b.updatedAt || updated > b.updatedAt) b.updatedAt = updated;
  }
  return merchantIds.map((id) => byMerchant.get(id)!);
}

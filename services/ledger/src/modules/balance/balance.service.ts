import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, pgArray, startOfChinaDay, type Fen } from '@pay/common';
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

/** `history_days` bounds (merchant-api §3): default 1, at least 1, at most 365. */
export const HISTORY_DAYS = { default: 1, min: 1, max: 365 } as const;

/** Clamps a requested `history_days` into 1–365 (absent: 1). */
export function clampHistoryDays(days: number | null | undefined): number {
  if (days == null || !Number.isFinite(days)) return HISTORY_DAYS.default;
  return Math.min(HISTORY_DAYS.max, Math.max(HISTORY_DAYS.min, Math.trunc(days)));
}

/** The end of the China day `days` days before `now`'s (exclusive): 1 → today's midnight. */
export function historyCutoff(days: number, now: Date = new Date()): Date {
  return addDays(startOfChinaDay(now), 1 - days);
}

/**
 * The available balance of many merchants at given instants: the running balance of the
 * last MERCHANT_AVAILABLE leg before each instant (0 when there is none), in one query
 * through the (account_id, created_at) index.
 */
export async function availableBalancesAt(
  em: EntityManager,
  keys: readonly { merchantId: number; at: Date }[],
): Promise<Fen[]> {
  const rows = (await em.getConnection().execute(
    `select k.ord, coalesce((
        select l.balance_after from leg l
         where l.account_id = a.id and l.created_at < k.at
         order by l.created_at desc, l.id desc limit 1), 0) as balance
       from unnest(?::text[], ?::timestamptz[]) with ordinality as k(owner_id, at, ord)
       left join account a on a.owner_type = ? and a.owner_id = k.owner_id and a.purpose = ?`,
    [
      pgArray(keys.map((k) => String(k.merchantId))),
      pgArray(keys.map((k) => k.at.toISOString())),
      OwnerType.MERCHANT,
      AccountPurpose.MERCHANT_AVAILABLE,
    ],
    'all',
    em.getTransactionContext(),
  )) as { ord: string; balance: string }[];
  const byOrd = new Map(rows.map((r) => [Number(r.ord), Number(r.balance)]));
  return keys.map((_, i) => byOrd.get(i + 1) ?? 0);
}

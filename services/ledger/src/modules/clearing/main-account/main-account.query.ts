import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type Fen, type PageWindow } from '@pay/common';
import { AccountPurpose, OwnerType } from '../../account/account-purpose';
import { MainAccount } from './main-account.entity';
import { IncomingPaymentStatus } from '../incoming-payment/incoming-payment.entity';
import { money, sql, type Page, type Row } from '../clearing-sql';

export async function listMainAccounts(
  em: EntityManager,
  filter: { merchantId?: number },
  window: PageWindow,
): Promise<Page<MainAccount>> {
  const where: FilterQuery<MainAccount> =
    filter.merchantId !== undefined ? { merchantId: filter.merchantId } : {};
  const [items, total] = await em.findAndCount(MainAccount, where, {
    orderBy: { id: 'asc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

/** The API key of a main account (for signature checks by the account API); null when unknown. */
export async function mainAccountApiKey(em: EntityManager, unionId: string): Promise<string | null> {
  const main = await em.findOne(MainAccount, { unionId }, { populate: ['apiKey'] });
  return main?.apiKey ?? null;
}

// ---------------------------------------------------------------------------------------
// Totals and balances

/** What the balance endpoint shows (`/api/account/v1/balance`), in fen. */
export interface MainAccountTotals {
  mainAccountId: number;
  /** Sum of PAID incoming amounts. */
  totalInAmount: Fen;
  totalInFee: Fen;
  totalShareAmount: Fen;
  totalShareFee: Fen;
  totalWithdrawAmount: Fen;
  totalWithdrawFee: Fen;
  /** The MAIN_ACCOUNT ledger balance: what is left to clear. */
  balance: Fen;
  /** Last change of the balance; null when it never had one. */
  balanceUpdatedAt: Date | null;
}

/** Totals of many main accounts in one query (for loaders). */
export async function mainAccountTotals(
  em: EntityManager,
  mainAccountIds: readonly number[],
): Promise<MainAccountTotals[]> {
  const rows = await sql<Row>(
    em,
    `select m.id,
            coalesce(i.amount, 0)::bigint as in_amount, coalesce(i.fee, 0)::bigint as in_fee,
            coalesce(c.amount, 0)::bigint as share_amount, coalesce(c.fee, 0)::bigint as share_fee,
            coalesce(w.amount, 0)::bigint as withdraw_amount, coalesce(w.fee, 0)::bigint as withdraw_fee,
            coalesce(b.balance, 0)::bigint as balance, b.updated_at
       from main_account m
       left join lateral (select sum(p.amount) as amount, sum(p.in_fee) as fee from incoming_payment p
                           where p.main_account_id = m.id and p.status = ?) i on true
       left join lateral (select sum(x.amount) as amount, sum(x.fee) as fee from clearing x
                           where x.main_account_id = m.id) c on true
       left join lateral (select sum(cw.amount) as amount, sum(cw.fee) as fee
                            from child_withdrawal cw join child_account ca on ca.id = cw.child_account_id
                           where ca.main_account_id = m.id) w on true
       left join account_balance b
              on b.owner_type = ? and b.owner_id = m.id::text and b.purpose = ?
      where m.id = any(?::bigint[])`,
    [
      IncomingPaymentStatus.PAID,
      OwnerType.MAIN_ACCOUNT,
      AccountPurpose.MAIN_ACCOUNT,
      pgArray(mainAccountIds),
    ],
  );
  const byId = new Map(
    rows.map((r) => [
      Number(r.id),
      {
        mainAccountId: Number(r.id),
        totalInAmount: money(r.in_amount),
        totalInFee: money(r.in_fee),
        totalShareAmount: money(r.share_amount),
        totalShareFee: money(r.share_fee),
        totalWithdrawAmount: money(r.withdraw_amount),
        totalWithdrawFee: money(r.withdraw_fee),
        balance: money(r.balance),
        balanceUpdatedAt: r.updated_at ? new Date(r.updated_at as string) : null,
      } satisfies MainAccountTotals,
    ]),
  );
  return mainAccountIds.map(
    (id) =>
      byId.get(id) ?? {
        mainAccountId: id,
        totalInAmount: 0,
        totalInFee: 0,
        totalShareAmount: 0,
        totalShareFee: 0,
        totalWithdrawAmount: 0,
        totalWithdrawFee: 0,
        balance: 0,
        balanceUpdatedAt: null,
      },
  );
}

// ---------------------------------------------------------------------------------------
// Invariants (the lead's verify command)

export interface ClearingDrift {
  mainAccountId: number;
  /** totalInAmount − totalInFee − totalShareAmount − totalShareFee, from the records. */
  expected: Fen;
  /** The MAIN_ACCOUNT ledger balance. */
  actual: Fen;
}

/**
 * Main accounts whose ledger balance breaks the spec's invariant
 *   balance + totalShareFee + totalShareAmount = totalInAmount − totalInFee
 * (see clearing-commands.ts). One set-based query; [] when every account holds.
 */
export async function clearingDrift(em: EntityManager): Promise<ClearingDrift[]> {
  const rows = await sql<{ main_account_id: string; expected: string; actual: string }>(
    em,
    `select m.id as main_account_id,
            (coalesce(i.net, 0) - coalesce(c.total, 0))::bigint as expected,
            coalesce(b.balance, 0)::bigint as actual
       from main_account m
       left join (select main_account_id, sum(amount - in_fee) as net from incoming_payment
                   where status = ? group by main_account_id) i on i.main_account_id = m.id
       left join (select main_account_id, sum(amount + fee) as total from clearing
                   group by main_account_id) c on c.main_account_id = m.id
       left join account_balance b
              on b.owner_type = ? and b.owner_id = m.id::text and b.purpose = ?
      where coalesce(i.net, 0) - coalesce(c.total, 0) <> coalesce(b.balance, 0)
      order by m.id`,
    [IncomingPaymentStatus.PAID, OwnerType.MAIN_ACCOUNT, AccountPurpose.MAIN_ACCOUNT],
  );
  return rows.map((r) => ({
    mainAccountId: Number(r.main_account_id),
    expected: Number(r.expected),
    actual: Number(r.actual),
  }));
}

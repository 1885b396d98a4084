import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type Fen, type PageWindow } from '@pay/common';
import { AccountPurpose, OwnerType } from '../account/account-purpose';
import { PostingType } from '../posting/posting-type';
import { MainAccount } from './main-account/main-account.entity';
import { ChildAccount } from './child-account/child-account.entity';
import { IncomingPayment, IncomingPaymentStatus } from './incoming-payment/incoming-payment.entity';
import { Clearing } from './clearing-record/clearing-record.entity';
import { ChildWithdrawal } from './child-withdrawal/child-withdrawal.entity';
import type { TimeRange } from './clearing-rules';

type Row = Record<string, unknown>;

async function sql<T extends Row>(em: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(text, params, 'all', em.getTransactionContext())) as T[];
}

const money = (value: unknown): Fen => Number(value ?? 0);

export interface Page<T> {
  items: T[];
  total: number;
}

function timeFilter(range: TimeRange): { $gte?: Date; $lt?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
}

// ---------------------------------------------------------------------------------------
// Lists

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

/** Incoming payments of a main account, newest first (`in_detail`). */
export async function listIncomingPayments(
  em: EntityManager,
  mainAccountId: number,
  filter: { range: TimeRange; status?: IncomingPaymentStatus | null },
  window: PageWindow,
): Promise<Page<IncomingPayment>> {
  const genTime = timeFilter(filter.range);
  const where: FilterQuery<IncomingPayment> = {
    mainAccount: mainAccountId,
    ...(genTime ? { genTime } : {}),
    ...(filter.status != null ? { status: filter.status } : {}),
  };
  const [items, total] = await em.findAndCount(IncomingPayment, where, {
    orderBy: { genTime: 'desc', id: 'desc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

/** Clearings of a main account, newest first (`shared_detail`). */
export async function listClearings(
  em: EntityManager,
  mainAccountId: number,
  range: TimeRange,
  window: PageWindow,
): Promise<Page<Clearing>> {
  const genTime = timeFilter(range);
  const [items, total] = await em.findAndCount(
    Clearing,
    { mainAccount: mainAccountId, ...(genTime ? { genTime } : {}) },
    { orderBy: { genTime: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
}

/** Withdrawals of all children of a main account, newest first (`withdraw_detail`). */
export async function listChildWithdrawals(
  em: EntityManager,
  mainAccountId: number,
  range: TimeRange,
  window: PageWindow,
): Promise<Page<ChildWithdrawal>> {
  const genTime = timeFilter(range);
  const [items, total] = await em.findAndCount(
    ChildWithdrawal,
    { child: { mainAccount: mainAccountId }, ...(genTime ? { genTime } : {}) },
    { orderBy: { genTime: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
}

/** Children of a main account, oldest first, optionally only the one with a phone (`children_detail`). */
export async function listChildAccounts(
  em: EntityManager,
  mainAccountId: number,
  phone: string | null,
  window: PageWindow,
): Promise<Page<ChildAccount>> {
  const [items, total] = await em.findAndCount(
    ChildAccount,
    { mainAccount: mainAccountId, ...(phone ? { phone } : {}) },
    { orderBy: { id: 'asc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
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

export interface ChildBalance {
  childAccountId: number;
  /** The ledger account, null until the child first received money. */
  accountId: number | null;
  balance: Fen;
  /** Last balance change; null when it never had one. */
  updatedAt: Date | null;
}

/** Balances of many child accounts in one query (for loaders). */
export async function childBalances(em: EntityManager, childIds: readonly number[]): Promise<ChildBalance[]> {
  const rows = await sql<{ id: string; owner_id: string; balance: string; updated_at: Date }>(
    em,
    `select id, owner_id, balance, updated_at from account_balance
      where owner_type = ? and purpose = ? and owner_id = any(?::text[])`,
    [OwnerType.CHILD_ACCOUNT, AccountPurpose.CHILD_ACCOUNT, pgArray(childIds.map(String))],
  );
  const byId = new Map(rows.map((r) => [Number(r.owner_id), r]));
  return childIds.map((id) => {
    const row = byId.get(id);
    return {
      childAccountId: id,
      accountId: row ? Number(row.id) : null,
      balance: money(row?.balance),
      updatedAt: row ? new Date(row.updated_at) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------
// A child's balance changes

/** The legacy change types: 2 clearing in, -1 withdrawal, 0 anything else (corrections). */
export function changedTypeOf(postingType: number): number {
  if (postingType === PostingType.CLEARING_SHARE) return 2;
  if (postingType === PostingType.CLEARING_WITHDRAWAL) return -1;
  return 0;
}

export interface ChildBalanceChangeRow {
  /** The ledger leg's id. */
  id: number;
  /** Signed: positive in, negative out (a withdrawal includes its fee). */
  changedAmount: Fen;
  /** The child's balance right after this change (the leg's `balance_after`). */
  currentAmount: Fen;
  changedType: number;
  message: string;
  time: Date;
}

/**
 * One child's balance changes, oldest first, read from its CHILD_ACCOUNT legs so the
 * running amounts are exactly what the ledger recorded.
 */
export async function listChildBalanceChanges(
  em: EntityManager,
  childAccountId: number,
  range: TimeRange,
  window: PageWindow,
): Promise<Page<ChildBalanceChangeRow>> {
  const conditions = ['a.owner_type = ?', 'a.owner_id = ?', 'a.purpose = ?'];
  const params: unknown[] = [OwnerType.CHILD_ACCOUNT, String(childAccountId), AccountPurpose.CHILD_ACCOUNT];
  if (range.from) {
    conditions.push('l.created_at >= ?');
    params.push(range.from);
  }
  if (range.to) {
    conditions.push('l.created_at < ?');
    params.push(range.to);
  }
  const where = conditions.join(' and ');
  const [count] = await sql<{ total: number }>(
    em,
    `select count(*)::int as total from leg l join account a on a.id = l.account_id where ${where}`,
    params,
  );
  const rows = await sql<{
    id: string;
    amount: string;
    balance_after: string | null;
    description: string;
    created_at: Date;
    posting_type: number;
  }>(
    em,
    `select l.id, l.amount, l.balance_after, l.description, l.created_at, p.type as posting_type
       from leg l join account a on a.id = l.account_id join posting p on p.id = l.posting_id
      where ${where}
      order by l.id asc
      limit ? offset ?`,
    [...params, window.limit, window.offset],
  );
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      changedAmount: money(r.amount),
      currentAmount: money(r.balance_after),
      changedType: changedTypeOf(Number(r.posting_type)),
      message: r.description,
      time: new Date(r.created_at),
    })),
  };
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
 * (see clearing.service.ts). One set-based query; [] when every account holds.
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

export interface ChildAccountDrift {
  childAccountId: number;
  /** Cleared to it − (withdrawn + withdraw fees), from the records. */
  expected: Fen;
  /** The CHILD_ACCOUNT ledger balance. */
  actual: Fen;
}

/**
 * Child accounts whose ledger balance differs from their records:
 *   balance = Σ clearing amounts − Σ (withdrawal amount + fee). One query; [] when all hold.
 */
export async function childAccountDrift(em: EntityManager): Promise<ChildAccountDrift[]> {
  const rows = await sql<{ child_account_id: string; expected: string; actual: string }>(
    em,
    `select ca.id as child_account_id,
            (coalesce(c.total, 0) - coalesce(w.total, 0))::bigint as expected,
            coalesce(b.balance, 0)::bigint as actual
       from child_account ca
       left join (select child_account_id, sum(amount) as total from clearing
                   group by child_account_id) c on c.child_account_id = ca.id
       left join (select child_account_id, sum(amount + fee) as total from child_withdrawal
                   group by child_account_id) w on w.child_account_id = ca.id
       left join account_balance b
              on b.owner_type = ? and b.owner_id = ca.id::text and b.purpose = ?
      where coalesce(c.total, 0) - coalesce(w.total, 0) <> coalesce(b.balance, 0)
      order by ca.id`,
    [OwnerType.CHILD_ACCOUNT, AccountPurpose.CHILD_ACCOUNT],
  );
  return rows.map((r) => ({
    childAccountId: Number(r.child_account_id),
    expected: Number(r.expected),
    actual: Number(r.actual),
  }));
}

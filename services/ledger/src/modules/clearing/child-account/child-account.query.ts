import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, pgArray, type Fen, type PageWindow } from '@pay/common';
import { AccountPurpose, OwnerType } from '../../account/account-purpose';
import { PostingType } from '../../posting/posting-type';
import type { MainAccount } from '../main-account/main-account.entity';
import { ChildAccount } from './child-account.entity';
import { checkPhone, type TimeRange } from '../clearing-rules';
import { money, sql, type Page } from '../clearing-sql';

export async function requireChild(
  em: EntityManager,
  main: MainAccount,
  phone: string,
): Promise<ChildAccount> {
  const child = await em.findOne(ChildAccount, {
    mainAccount: main.id,
    phone: checkPhone(phone, 'childPhone'),
  });
  if (!child) throw new AppError('NOT_FOUND', '子账户不存在', { argument: 'childPhone' });
  return child;
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

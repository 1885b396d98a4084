import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, pgArray, type KeysetWindow } from '@pay/common';
import { AccountPurpose, OwnerType } from '../account/account-purpose';
import { Leg } from './leg.entity';
import { Posting } from './posting.entity';
import { PostingType } from './posting-type';

/** The accounts whose legs are a merchant's money logs. */
export const MONEY_LOG_PURPOSES = [
  AccountPurpose.MERCHANT_AVAILABLE,
  AccountPurpose.MERCHANT_FROZEN,
] as const;

/** Filters of a money-log list; `from` inclusive, `to` exclusive. */
export interface MoneyLogFilter {
  type?: PostingType | null;
  from?: Date | null;
  to?: Date | null;
  /** Only legs of postings of this order (merchant or platform order number). */
  orderNo?: string | null;
}

export interface MoneyLogPage {
  items: Leg[];
  /** Legs matching the filter (null: not counted). */
  total: number | null;
  /** Whether more legs follow this page. */
  hasMore: boolean;
}

/** Whose logs a page lists: merchants (their available and frozen accounts) or single accounts. */
export type MoneyLogOwner = 'MERCHANT' | 'ACCOUNT';

function filterSql(filter: MoneyLogFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.type != null) {
    parts.push('and l.type = ?');
    params.push(filter.type);
  }
  if (filter.from) {
    parts.push('and l.created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('and l.created_at < ?');
    params.push(filter.to);
  }
  if (filter.orderNo) {
    parts.push(
      'and l.posting_id in (select p.id from posting p where p.order_no = ? or p.platform_order_no = ?)',
    );
    params.push(filter.orderNo, filter.orderNo);
  }
  return { sql: parts.join(' '), params };
}

const MERCHANT_PURPOSES_SQL = MONEY_LOG_PURPOSES.map((p) => `'${p}'`).join(', ');

/**
 * One page of money logs (newest first) and, when asked, the total, for many merchants or
 * accounts at once: at most two statements whatever the number of keys, so
 * `Merchant.moneyLogs` on a page of merchants stays a constant number of statements.
 * After a keyset cursor the page continues below the last leg seen (`l.id <`, legs are
 * numbered in posting order) instead of counting an OFFSET; one leg beyond the page
 * tells whether more follow.
 */
export async function moneyLogPages(
  em: EntityManager,
  owner: MoneyLogOwner,
  keys: readonly number[],
  filter: MoneyLogFilter,
  window: KeysetWindow,
  options: { total: boolean } = { total: true },
): Promise<MoneyLogPage[]> {
  const conn = em.getConnection();
  const tx = em.getTransactionContext();
  const where = filterSql(filter);
  const pageWhere = window.after
    ? { sql: `${where.sql} and l.id < ?`, params: [...where.params, window.after.id] }
    : where;
  const keyArray = pgArray(keys.map(String));
  const pageSql =
    owner === 'MERCHANT'
      ? `select k.key as page_key, l.* from unnest(?::text[]) as k(key) cross join lateral (
           select l.* from leg l
            where l.account_id in (select a.id from account a
                                    where a.owner_type = '${OwnerType.MERCHANT}' and a.owner_id = k.key
                                      and a.purpose in (${MERCHANT_PURPOSES_SQL}))
              ${pageWhere.sql}
            order by l.id desc limit ? offset ?) l`
      : `select k.key as page_key, l.* from unnest(?::text[]) as k(key) cross join lateral (
           select l.* from leg l where l.account_id = k.key::bigint ${pageWhere.sql}
            order by l.id desc limit ? offset ?) l`;
  const countSql =
    owner === 'MERCHANT'
      ? `select a.owner_id as page_key, count(*)::int as total
           from leg l join account a on a.id = l.account_id
          where a.owner_type = '${OwnerType.MERCHANT}' and a.owner_id = any(?::text[])
            and a.purpose in (${MERCHANT_PURPOSES_SQL}) ${where.sql}
          group by a.owner_id`
      : `select l.account_id::text as page_key, count(*)::int as total
           from leg l where l.account_id = any(?::text[]::bigint[]) ${where.sql}
          group by l.account_id`;
  const [rows, counts] = await Promise.all([
    conn.execute(
      pageSql,
      [keyArray, ...pageWhere.params, window.limit + 1, window.offset],
      'all',
      tx,
    ) as Promise<({ page_key: string } & Record<string, unknown>)[]>,
    options.total
      ? (conn.execute(countSql, [keyArray, ...where.params], 'all', tx) as Promise<
          { page_key: string; total: number }[]
        >)
      : Promise.resolve(null),
  ]);
  const pages = new Map<string, MoneyLogPage>(
    keys.map((k) => [String(k), { items: [], total: counts ? 0 : null, hasMore: false }]),
  );
  for (const { page_key, ...row } of rows) {
    const page = pages.get(page_key)!;
    if (page.items.length < window.limit) page.items.push(em.map(Leg, row));
    else page.hasMore = true;
  }
  for (const c of counts ?? []) pages.get(c.page_key)!.total = c.total;
  return keys.map((k) => pages.get(String(k))!);
}

/** Postings by id, in the order asked (null where none). */
export async function postingsByIds(em: EntityManager, ids: readonly number[]): Promise<(Posting | null)[]> {
  const found = await em.find(Posting, { id: { $in: [...ids] } });
  const byId = new Map(found.map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The legs of many postings, each list in leg order. */
export async function legsOfPostings(em: EntityManager, postingIds: readonly number[]): Promise<Leg[][]> {
  const legs = await em.find(Leg, { posting: { $in: [...postingIds] } }, { orderBy: { id: 'asc' } });
  const byPosting = new Map<number, Leg[]>(postingIds.map((id) => [id, []]));
  for (const leg of legs) byPosting.get(leg.posting.id)?.push(leg);
  return postingIds.map((id) => byPosting.get(id)!);
}

/** The postings of many orders by platform order number, oldest first. */
export async function postingsOfOrders(
  em: EntityManager,
  platformOrderNos: readonly string[],
): Promise<Posting[][]> {
  const postings = await em.find(
    Posting,
    { platformOrderNo: { $in: [...platformOrderNos] } },
    { orderBy: { id: 'asc' } },
  );
  const byOrder = new Map<string, Posting[]>(platformOrderNos.map((no) => [no, []]));
  for (const p of postings) byOrder.get(p.platformOrderNo!)?.push(p);
  return platformOrderNos.map((no) => byOrder.get(no)!);
}

/** One posting by id or by its idempotency key (exactly one of them). */
export async function findPosting(
  em: EntityManager,
  ref: { id?: string | null; uniqueNo?: string | null },
): Promise<Posting | null> {
  const hasId = ref.id != null && ref.id !== '';
  const hasKey = ref.uniqueNo != null && ref.uniqueNo !== '';
  if (hasId === hasKey) {
    throw new AppError('BAD_USER_INPUT', 'give exactly one of id and uniqueNo', { argument: 'id' });
  }
  if (hasId) {
    if (!/^\d{1,15}$/.test(ref.id!))
      throw new AppError('BAD_USER_INPUT', 'id must be numeric', { argument: 'id' });
    return em.findOne(Posting, { id: Number(ref.id) });
  }
  // Keys are unique in posting_key; postings are found by id (partitioned by month).
  const [key] = (await em
    .getConnection()
    .execute(
      'select id from posting_key where unique_no = ?',
      [ref.uniqueNo!],
      'all',
      em.getTransactionContext(),
    )) as {
    id: string;
  }[];
  return key ? em.findOne(Posting, { id: Number(key.id) }) : null;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, pgArray, type KeysetWindow } from '@pay/common';
import { Payment } from '../../payment/payment.entity';
import { ReconciliationStatus } from '../../payment/reconciliation-status';
import type { ReconciliationOrderFilter } from './reconciliation-order.args';
import { UNPAID_STATUSES, type ReconciliationOrderStatistics } from './reconciliation-order.type';

/**
 * The orders the list reads: `payment p` with its reconciliation status `pr`
 * (payment_reconciliation; no row = 2, not yet).
 */
const ORDERS = `payment p left join payment_reconciliation pr on pr.platform_order_no = p.platform_order_no`;
const STATUS = `coalesce(pr.status, ${ReconciliationStatus.NOT_YET})`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list filter as SQL over `payment p` and its status `pr` (see ORDERS). */
export function orderFilterSql(filter: ReconciliationOrderFilter): [string, unknown[]] {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: string, ...params: unknown[]) => {
    conditions.push(condition);
    values.push(...params);
  };
  if (filter.code) add('p.platform_order_no = ?', filter.code);
  const min = Math.max(filter.totalFeeGte ?? 0, filter.amountMin ?? 0);
  if (filter.totalFeeGte != null || filter.amountMin != null) add('p.amount >= ?', min);
  const maxes = [filter.totalFeeLte, filter.amountMax].filter((v): v is number => v != null);
  if (maxes.length > 0) add('p.amount <= ?', Math.min(...maxes));
  let status = filter.reconciliationStatus ?? null;
  if (filter.reconciliationStatusCode != null) {
    if (
      !(filter.reconciliationStatusCode in ReconciliationStatus) ||
      (status && status !== filter.reconciliationStatusCode)
    ) {
      throw new AppError(
        'BAD_USER_INPUT',
        'reconciliationStatusCode must be 1-5 and agree with reconciliationStatus',
        {
          argument: 'reconciliationStatusCode',
        },
      );
    }
    status = filter.reconciliationStatusCode;
  }
  if (status != null) add(`${STATUS} = ?`, status);
  if (filter.payMethod != null) {
    const unpaid = pgArray(UNPAID_STATUSES);
    if (filter.payMethod === 1) add('p.status = any(?::text[])', unpaid);
    else if (filter.payMethod === 2) add(`p.pay_type = 'wechat' and not p.status = any(?::text[])`, unpaid);
    else if (filter.payMethod === 3) add(`p.pay_type = 'alipay' and not p.status = any(?::text[])`, unpaid);
    else throw new AppError('BAD_USER_INPUT', 'payMethod must be 1, 2 or 3', { argument: 'payMethod' });
  }
  if (filter.merchantName) add(`p.merchant_name ilike ? escape '\\'`, `%${escapeLike(filter.merchantName)}%`);
  if (filter.merchantId != null) add('p.merchant_id = ?', filter.merchantId);
  if (filter.autoReconcile != null) add('p.auto_reconcile = ?', filter.autoReconcile);
  if (filter.startTime) add('p.created_at >= ?::timestamptz', filter.startTime.toISOString());
  if (filter.endTime) add('p.created_at <= ?::timestamptz', filter.endTime.toISOString());
  return [conditions.length > 0 ? `where ${conditions.join(' and ')}` : '', values];
}

type Sum = string | number | null;

/**
 * One page of the reconciliation list, newest first, and — when asked (`withStatistics`:
 * the legacy list always shows them, the count and pages come from them) — the
 * statistics over the whole filter. Reconciled = status 1, failed = status 3 (abnormal).
 * A keyset cursor continues after its order, `(created_at, platform_order_no)` as that
 * row has them (read by key: no precision lost in the cursor), so deep pages cost what
 * the first does and orders arriving meanwhile never shift a page.
 */
export async function listReconciliationOrders(
  em: EntityManager,
  filter: ReconciliationOrderFilter,
  window: KeysetWindow<string>,
  withStatistics: boolean,
): Promise<{ items: Payment[]; hasMore: boolean; statistics: ReconciliationOrderStatistics | null }> {
  const [where, values] = orderFilterSql(filter);
  const connection = em.getConnection();
  const statistics = withStatistics ? await statisticsOf(em, where, values) : null;
  const conditions = [where];
  const pageValues = [...values];
  if (window.after) {
    conditions.push(
      `${where ? 'and' : 'where'} (p.created_at, p.platform_order_no) <
       (select created_at, platform_order_no from payment where platform_order_no = ?)`,
    );
    pageValues.push(window.after.id);
  }
  const rows = (await connection.execute(
    `select p.*, ${STATUS} as reconciliation_status from ${ORDERS} ${conditions.join(' ')}
     order by p.created_at desc, p.platform_order_no desc limit ? offset ?`,
    [...pageValues, window.limit + 1, window.offset],
    'all',
    em.getTransactionContext(),
  )) as Record<string, unknown>[];
  return {
    items: rows.slice(0, window.limit).map((row) => em.map(Payment, row)),
    hasMore: rows.length > window.limit,
    statistics,
  };
}

async function statisticsOf(
  em: EntityManager,
  where: string,
  values: unknown[],
): Promise<ReconciliationOrderStatistics> {
  const [stats] = (await em.getConnection().execute(
    `select count(*) as order_num, sum(p.amount) as count_price,
            count(*) filter (where ${STATUS} = ${ReconciliationStatus.RECONCILED}) as success_bill,
            sum(p.amount) filter (where ${STATUS} = ${ReconciliationStatus.RECONCILED}) as success_price,
            count(*) filter (where ${STATUS} = ${ReconciliationStatus.ABNORMAL}) as fail_bill,
            sum(p.amount) filter (where ${STATUS} = ${ReconciliationStatus.ABNORMAL}) as fail_price
     from ${ORDERS} ${where}`,
    values,
    'all',
    em.getTransactionContext(),
  )) as Record<
    'order_num' | 'count_price' | 'success_bill' | 'success_price' | 'fail_bill' | 'fail_price',
    Sum
  >[];
  const fen = (v: Sum) => (v === null ? 0 : Number(v));
  return {
    orderNum: Number(stats!.order_num),
    countPrice: fen(stats!.count_price),
    successBill: Number(stats!.success_bill),
    successPrice: fen(stats!.success_price),
    failBill: Number(stats!.fail_bill),
    failPrice: fen(stats!.fail_price),
  };
}

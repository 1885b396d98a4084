import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, logger } from '@pay/common';
import type { SettlementConfig } from '../../config';
import { SettlementPeriod } from './settlement-codes';
import { latestPeriodBoundary } from './settlement-period';

/** The person recorded on scheduled runs (legacy `person: "auto"`). */
export const AUTO_PERSON = 'auto';

/** Runs never interleave: one lock for all of them (they touch every periodic account). */
const RUN_LOCK = `select pg_advisory_xact_lock(hashtext('settlement-run'))`;

/** How far in the future an on-demand `until` may lie (clock skew between operator and server). */
const FUTURE_SKEW_MS = 60_000;

export interface SettlementRunRequest {
  /**
   * Scheduled: the run's clock (each account settles up to its latest period boundary at
   * or before it). On demand: the period end for every account settled.
   */
  until: Date;
  /** `auto`, or the operator who asked. */
  person: string;
  /** Only this merchant's account. */
  merchantId?: number | null;
  /** A scheduled run: only accounts with a period, up to their period boundary. */
  scheduled: boolean;
}

export interface SettlementRunResult {
  settlementsCreated: number;
  ordersSettled: number;
  /** Fen: the merchants' income of the settled orders. */
  total: number;
}

interface RunRow {
  accounts: number;
  settlements_created: number;
  orders_settled: number;
  total: string;
}

function validate(request: SettlementRunRequest): void {
  if (Number.isNaN(request.until.getTime())) {
    throw new AppError('BAD_USER_INPUT', 'until is not a valid time', { argument: 'until' });
  }
  if (!request.scheduled && request.until.getTime() > Date.now() + FUTURE_SKEW_MS) {
    throw new AppError('BAD_USER_INPUT', 'until must not be in the future', { argument: 'until' });
  }
  if (request.merchantId != null && !(Number.isSafeInteger(request.merchantId) && request.merchantId > 0)) {
    throw new AppError('BAD_USER_INPUT', 'merchantId must be a positive integer', { argument: 'merchantId' });
  }
  if (request.person.trim() === '') {
    throw new AppError('BAD_USER_INPUT', 'person must not be empty', { argument: 'person' });
  }
}

/**
 * Builds settlement records from reconciled paid orders, set-based: whatever the number
 * of orders and merchants, a run is four statements (begin, lock, one data-modifying
 * statement, commit). For each account due — a live account with a period whose period
 * end is past `settled_until` (scheduled), or every periodic account up to `until` (on
 * demand; for a named merchant without a periodic account, its newest live account) —
 * the candidates are the merchant's orders in the reconciliation service's view
 * `settlement_payment_v1` that are PAID, reconciled (status 1), paid before the period
 * end and in no settlement yet. Each account with candidates gets one settlement (code
 * from its sequence, method from the account, period from `settled_until` to the period
 * end) and its `settled_order` rows; every account due has `settled_until` advanced, also
 * when there was nothing to settle. An order not yet reconciled, abnormal or doubtful is
 * left for a later run, which picks it up once reconciled (its payment time may then lie
 * before that settlement's period start). `settled_order` is keyed by the order number
 * and runs hold one advisory lock, so no order is ever settled twice.
 */
export async function runSettlement(
  em: EntityManager,
  config: Pick<SettlementConfig, 'views'>,
  request: SettlementRunRequest,
): Promise<SettlementRunResult> {
  validate(request);
  const merchantId = request.merchantId ?? null;
  const at = (period: SettlementPeriod) =>
    (request.scheduled ? latestPeriodBoundary(period, request.until)! : request.until).toISOString();
  const payments = `"${config.views.paymentsSchema}"."settlement_payment_v1"`;
  const row = await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    await connection.execute(RUN_LOCK, [], 'all', context);
    const [result] = (await connection.execute(
      `with acct as (
         -- DISTINCT ON picks a merchant's periodic account (there is at most one), or on
         -- demand for a named merchant without one, its newest live account.
         select distinct on (a.merchant_id) a.id, a.merchant_id, a.method, a.settled_until,
                case a.period when 1 then ?::timestamptz when 2 then ?::timestamptz
                              when 3 then ?::timestamptz when 4 then ?::timestamptz
                              else ?::timestamptz end as period_end
         from settlement_account a
         where not a.is_delete
           and (a.period <> 0 or (not ?::boolean and ?::int is not null))
           and (?::int is null or a.merchant_id = ?::int)
         order by a.merchant_id, (a.period <> 0) desc, a.id desc
       ),
       due as (
         select * from acct where settled_until is null or period_end > settled_until
       ),
       candidate as (
         select p.platform_order_no, p.merchant_id, p.amount, p.merchant_income, p.paid_at, d.id as account_id
         from due d
         join ${payments} p on p.merchant_id = d.merchant_id and p.paid_at < d.period_end
         where p.status = 'PAID' and p.reconciliation_status = 1
           and not exists (select 1 from settled_order s where s.platform_order_no = p.platform_order_no)
       ),
       totals as (
         select account_id, count(*)::int as order_count,
                sum(merchant_income)::bigint as total, sum(amount)::bigint as order_total
         from candidate group by account_id
       ),
       created as (
         insert into settlement (merchant_id, account_id, method, order_count, total, order_total,
                                 period_start, period_end, person)
         select d.merchant_id, d.id, d.method, t.order_count, t.total, t.order_total,
                d.settled_until, d.period_end, ?
         from due d join totals t on t.account_id = d.id
         order by d.merchant_id
         returning id, account_id, total
       ),
       settled as (
         insert into settled_order (platform_order_no, settlement_id, merchant_id, amount, merchant_income, paid_at)
         select c.platform_order_no, s.id, c.merchant_id, c.amount, c.merchant_income, c.paid_at
         from candidate c join created s on s.account_id = c.account_id
         returning 1
       ),
       advanced as (
         update settlement_account a set settled_until = d.period_end
         from due d where a.id = d.id
       )
       select (select count(*) from acct)::int as accounts,
              (select count(*) from created)::int as settlements_created,
              (select count(*) from settled)::int as orders_settled,
              (select coalesce(sum(total), 0) from created)::bigint as total`,
      [
        at(SettlementPeriod.DAILY),
        at(SettlementPeriod.WEEKLY),
        at(SettlementPeriod.MONTHLY),
        at(SettlementPeriod.YEARLY),
        // period 0 is only ever settled on demand, up to `until`
        request.until.toISOString(),
        request.scheduled,
        merchantId,
        merchantId,
        merchantId,
        request.person.trim().slice(0, 100),
      ],
      'all',
      context,
    )) as RunRow[];
    return result!;
  });
  if (!request.scheduled && merchantId !== null && row.accounts === 0) {
    throw new AppError('NOT_FOUND', 'the merchant has no live settlement account', { merchantId });
  }
  const result = {
    settlementsCreated: row.settlements_created,
    ordersSettled: row.orders_settled,
    total: Number(row.total),
  };
  logger().info(
    {
      ...result,
      scheduled: request.scheduled,
      until: request.until.toISOString(),
      merchantId,
      person: request.person,
    },
    'settlement run done',
  );
  return result;
}

import {
  ISSUE_TEXT,
  MATCHED_ISSUES,
  ABNORMAL_ISSUES,
  ReconciliationIssue,
  STATUS_OF_ISSUE,
} from './reconciliation-issue';
import { coveredPaymentSql } from '../statement/source-coverage';

/**
 * The SQL of a reconciliation run: each phase is ONE set-based statement, whatever the
 * number of lines or orders (no per-row round trips). Parameters are named (`:name`)
 * here and bound positionally by `bindNamed`.
 *
 * ## Which rows a run looks at
 *
 * - Channel side: the source's statement lines traded in [start, end) — of its current
 *   statements only: lines of a replaced statement have `current` false (set in bulk
 *   when it is replaced), so a corrected bill never counts twice. A line belongs to
 *   an order by our order number (商户订单号) first, else by the channel's transaction
 *   id = payment.upstream_order_no. All lines of one order (payment, refunds,
 *   revocations) are aggregated into one result row.
 * - Platform side: payments the source covers (its pay types or channels, see
 *   `source-coverage.ts`; none listed: every payment) paid in [start, end), and every
 *   payment a line of the run names (paid at any time: a refund today of yesterday's
 *   payment, a payment whose callback came after midnight).
 * - Platform orders without a payment line in the period look for their lines in the
 *   neighbouring days (the doubtful window on either side): the payment line of a
 *   refund-only order, or the line the channel booked just across midnight.
 * - The daily automatic run (`autoOnly`) keeps only payments whose auto flag is on, and
 *   leaves out the lines of orders whose flag is off; lines of orders the platform does
 *   not know stay in (a surplus is always reported).
 *
 * ## Classification (channel state × platform state)
 *
 * Channel: NONE (no line), PAID (payment lines only), REFUNDED (refunds add up to the
 * payment, within the tolerance), PARTIALLY_REFUNDED, REVOKED (a revocation line).
 * Platform: MISSING, PAID (merchant status code paid or withheld), REFUNDED, REVERSED (a
 * platform REVERSED status, or an unpaid status although the channel's transaction id is
 * recorded — the order was paid by a verified callback and cancelled afterwards: 撤单),
 * UNPAID.
 *
 * | channel \ platform | PAID                       | MISSING / UNPAID | REFUNDED         | REVERSED |
 * | ------------------ | -------------------------- | ---------------- | ---------------- | -------- |
 * | PAID               | 4 if amounts agree, else 3 | 1 surplus        | 3                | 3        |
 * | REFUNDED           | 3                          | 3                | 6 (amounts agree)| 5        |
 * | PARTIALLY_REFUNDED | 3                          | 3                | 3                | 3        |
 * | REVOKED            | 3                          | 5                | 5                | 5        |
 * | NONE               | 2 shortage                 | —                | 3                | 3        |
 *
 * "Amounts agree": |channel − platform| ≤ the source's tolerance (source_setting, 0 by
 * default). A surplus or shortage is 0 doubtful instead when the side that exists is
 * within the cut-off (config.matching.cutoffMinutes) of the period end — the other side
 * may show up tomorrow — or when an earlier run already doubted the order; it stays
 * doubtful until the doubtful window (config.matching.doubtfulWindowHours, counted from
 * the first doubt) closes, then becomes the surplus or shortage it would have been.
 */

/** Replaces `:name` parameters with `?` and returns the values in order (`::casts` are left alone). */
export function bindNamed(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/(?<!:):([a-zA-Z_]\w*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`missing SQL parameter :${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}

/** `expr` (non-negative fen) as yuan text with two decimals, computed exactly in SQL. */
const yuan = (expr: string) =>
  `((${expr})::bigint / 100)::text || '.' || lpad(((${expr})::bigint % 100)::text, 2, '0')`;

/** A CASE turning an issue code into its word. */
export const issueTextSql = (expr: string) =>
  `(case ${expr} ${Object.entries(ISSUE_TEXT)
    .map(([code, text]) => `when ${code} then '${text}'`)
    .join(' ')} end)`;

/** The channel side in words. */
const channelText = (expr: string) => `(case ${expr} when 'PAID' then '已支付' when 'REFUNDED' then '已退款'
  when 'PARTIALLY_REFUNDED' then '部分退款' when 'REVOKED' then '已撤销' else '无记录' end)`;
/** The platform side in words: its order status, or that it has no such order. */
const platformText = (expr: string) => `coalesce(${expr}, '无此订单')`;

const list = (issues: readonly ReconciliationIssue[]) => issues.join(', ');

/**
 * Phase 1: classify every order and orphan line of the run and write the grid.
 * Parameters: runId, source, start, end, neighbourStart, neighbourEnd, payTypes and
 * channelCodes (text[] literals; both empty: every payment), autoOnly, tolerance, cutoff (period end − cut-off), now, expiry
 * (now − doubtful window).
 */
export const CLASSIFY_SQL = `
insert into reconciliation_result (
  code, run_id, source, order_key, platform_order_no, out_trade_no, transaction_id, statement_line_id,
  channel_line_count, refund_line_count, refunded_amount, issue, pending_issue, note, trade_time, pay_money,
  channel_amount, platform_amount, channel_state, platform_state, platform_status, payer, merchant_id,
  merchant_name, equipment_id, doubtful_since)
with
period_lines as (
  select l.id, l.kind, l.trade_time, nullif(l.platform_order_no, '') as platform_order_no,
         nullif(l.transaction_id, '') as transaction_id, l.amount, l.refund_amount,
         l.platform_order_no as line_order_no, l.transaction_id as line_transaction_id, l.payer, l.device
  from statement_line l
  where l.source = :source and l.current and l.trade_time >= :start::timestamptz and l.trade_time < :end::timestamptz
),
-- Each line's order: our order number first, else the channel's transaction id — looked
-- up (an index probe) only for the few lines whose order number names no payment, not
-- hashed over every payment for every line. Not materialized itself: run_lines (read
-- three times) is, and one copy of a million lines is enough.
resolved_lines as (
  select l.*, coalesce(by_no.platform_order_no, by_tx.platform_order_no) as order_no,
         coalesce(by_no.auto_reconcile, by_tx.auto_reconcile) as order_auto
  from period_lines l
  left join payment by_no on by_no.platform_order_no = l.platform_order_no
  left join lateral (
    select t.platform_order_no, t.auto_reconcile from payment t
    where by_no.platform_order_no is null and t.upstream_order_no = l.transaction_id
      and ${coveredPaymentSql('t')}
    offset 0 -- kept a subquery: a probe per line without a payment, not a join over all payments
  ) by_tx on true
),
run_lines as materialized (
  select * from resolved_lines where not (:autoOnly::boolean and order_no is not null and not order_auto)
),
platform_keys as (
  select p.platform_order_no from payment p
  where p.paid_at >= :start::timestamptz and p.paid_at < :end::timestamptz
    and ${coveredPaymentSql('p')}
    and (not :autoOnly::boolean or p.auto_reconcile)
  union
  select order_no from run_lines where order_no is not null
),
platform as materialized (
  select p.platform_order_no, p.upstream_order_no, p.merchant_id, p.merchant_name, p.amount, p.status,
         p.status_code, p.paid_at, p.device_no, p.payer_id
  from platform_keys k join payment p on p.platform_order_no = k.platform_order_no
),
-- Platform orders without a payment or revocation line in the period look next door.
unanchored as (
  select p.platform_order_no, p.upstream_order_no from platform p
  where not exists (select 1 from run_lines l where l.order_no = p.platform_order_no and l.kind <> 'REFUND')
),
neighbour_lines as (
  select l.id, l.kind, l.trade_time, l.amount, l.refund_amount, u.platform_order_no as order_no,
         l.platform_order_no as line_order_no, l.transaction_id as line_transaction_id, l.payer, l.device
  from unanchored u join statement_line l on l.platform_order_no = u.platform_order_no
  where l.source = :source and l.current and l.trade_time >= :neighbourStart::timestamptz and l.trade_time < :neighbourEnd::timestamptz
    and (l.trade_time < :start::timestamptz or l.trade_time >= :end::timestamptz)
  union
  select l.id, l.kind, l.trade_time, l.amount, l.refund_amount, u.platform_order_no as order_no,
         l.platform_order_no as line_order_no, l.transaction_id as line_transaction_id, l.payer, l.device
  from unanchored u join statement_line l on l.transaction_id = u.upstream_order_no
  where l.source = :source and l.current and l.trade_time >= :neighbourStart::timestamptz and l.trade_time < :neighbourEnd::timestamptz
    and (l.trade_time < :start::timestamptz or l.trade_time >= :end::timestamptz)
),
all_lines as (
  select id, kind, trade_time, amount, refund_amount,
         coalesce(order_no, platform_order_no, 'tx:' || transaction_id, 'line:' || id) as order_key,
         line_order_no, line_transaction_id, payer, device
  from run_lines
  union all
  select id, kind, trade_time, amount, refund_amount, order_no, line_order_no, line_transaction_id, payer, device
  from neighbour_lines
),
channel as (
  select order_key,
         count(*) as line_count,
         count(*) filter (where kind = 'PAYMENT') as payment_lines,
         count(*) filter (where kind = 'REFUND') as refund_lines,
         count(*) filter (where kind = 'REVOKED') as revoked_lines,
         coalesce(sum(amount) filter (where kind = 'PAYMENT'), 0)::bigint as paid,
         coalesce(sum(refund_amount) filter (where kind = 'REFUND'), 0)::bigint as refunded,
         max(amount) filter (where kind = 'REVOKED') as revoked_amount,
         coalesce(min(id) filter (where kind = 'PAYMENT'), min(id) filter (where kind = 'REVOKED'), min(id)) as line_id,
         min(trade_time) filter (where kind <> 'REFUND') as pay_time,
         -- The order's line itself when it has one (most do): no second read of statement_line.
         max(trade_time) as one_trade_time, max(line_order_no) as one_order_no,
         max(line_transaction_id) as one_transaction_id,
         max(payer) as one_payer, max(device) as one_device
  from all_lines group by order_key
),
pairs as (
  select coalesce(c.order_key, p.platform_order_no) as order_key,
         c.line_count, c.payment_lines, c.refund_lines, c.refunded, c.line_id, c.pay_time,
         c.one_trade_time, c.one_order_no, c.one_transaction_id, c.one_payer, c.one_device,
         p.platform_order_no, p.upstream_order_no, p.merchant_id, p.merchant_name, p.amount as platform_amount,
         p.status as platform_status, p.paid_at, p.device_no, p.payer_id,
         case when p.platform_order_no is null then 'MISSING'
              when p.status_code in (1, 2) then 'PAID'
              when p.status = 'REFUNDED' then 'REFUNDED'
              when p.status = 'REVERSED' or p.upstream_order_no is not null then 'REVERSED'
              else 'UNPAID' end as platform_state,
         case when c.order_key is null then 'NONE'
              when c.revoked_lines > 0 then 'REVOKED'
              when c.refunded > 0 and c.refunded + :tolerance::bigint >= coalesce(nullif(c.paid, 0), p.amount, c.refunded)
                then 'REFUNDED'
              when c.refunded > 0 then 'PARTIALLY_REFUNDED'
              else 'PAID' end as channel_state,
         case when c.payment_lines > 0 then c.paid else c.revoked_amount end as channel_amount
  from channel c full join platform p on p.platform_order_no = c.order_key
),
classified as (
  select q.*,
    case channel_state
      when 'NONE' then case platform_state when 'PAID' then ${ReconciliationIssue.SHORTAGE} else ${ReconciliationIssue.ABNORMAL} end
      when 'PAID' then case
        when platform_state in ('MISSING', 'UNPAID') then ${ReconciliationIssue.SURPLUS}
        when platform_state = 'PAID' and abs(channel_amount - platform_amount) <= :tolerance::bigint then ${ReconciliationIssue.NORMAL}
        else ${ReconciliationIssue.ABNORMAL} end
      when 'REFUNDED' then case
        when platform_state = 'REFUNDED'
             and (payment_lines = 0 or abs(channel_amount - platform_amount) <= :tolerance::bigint) then ${ReconciliationIssue.REFUNDED}
        when platform_state = 'REVERSED' then ${ReconciliationIssue.REVERSED}
        else ${ReconciliationIssue.ABNORMAL} end
      when 'REVOKED' then case when platform_state = 'PAID' then ${ReconciliationIssue.ABNORMAL} else ${ReconciliationIssue.REVERSED} end
      else ${ReconciliationIssue.ABNORMAL}
    end as verdict,
    -- A surplus or shortage near the cut-off: the other side may be listed tomorrow.
    coalesce(case when channel_state = 'NONE' then paid_at else pay_time end >= :cutoff::timestamptz, false) as near_cutoff
  from pairs q
),
-- An earlier run's open doubt about the order: looked up (an index probe) only for the
-- few surpluses and shortages, not hashed against every row of the run.
doubts as (
  select k.*,
    case when k.verdict in (${ReconciliationIssue.SURPLUS}, ${ReconciliationIssue.SHORTAGE}) then (
      select min(r.doubtful_since) from reconciliation_result r
      where r.source = :source and r.order_key = k.order_key
        and r.issue = ${ReconciliationIssue.DOUBTFUL} and r.settled_by_run_id is null) end as doubted_since
  from classified k
),
decided as (
  select k.*,
    case when k.verdict in (${ReconciliationIssue.SURPLUS}, ${ReconciliationIssue.SHORTAGE})
              and (k.near_cutoff or k.doubted_since is not null)
              and coalesce(k.doubted_since, :now::timestamptz) > :expiry::timestamptz
         then ${ReconciliationIssue.DOUBTFUL} else k.verdict end as issue
  from doubts k
)
-- Result codes are 32 hex digits like the legacy ones, but ascending within a run (the
-- run code's first half, then a sequence): a million random codes would scatter inserts
-- over the whole unique index, in order they append. Rows are written in order_key order
-- (nextval runs after the sort): the (run_id, order_key) and (platform_order_no, id)
-- indexes then grow at one end or in step too, instead of a million random descents.
select left(:runCode, 16) || lpad(to_hex(nextval('reconciliation_result_code_seq')), 16, '0'), :runId, :source, x.order_key, x.platform_order_no,
  coalesce(x.platform_order_no, x.m_platform_order_no), coalesce(x.m_transaction_id, x.upstream_order_no), x.line_id,
  coalesce(x.line_count, 0), coalesce(x.refund_lines, 0), coalesce(x.refunded, 0),
  x.issue,
  case when x.issue = ${ReconciliationIssue.DOUBTFUL} then x.verdict end,
  case x.issue
    when ${ReconciliationIssue.DOUBTFUL} then case when x.verdict = ${ReconciliationIssue.SURPLUS}
      then '存疑：渠道有支付，平台无已支付订单，待后续对账复核'
      else '存疑：平台已支付，渠道暂无记录，待后续对账复核' end
    when ${ReconciliationIssue.SURPLUS} then case when x.platform_state = 'MISSING'
      then '长款：渠道有成功支付，平台无此订单'
      else '长款：渠道已支付，平台订单未支付（' || x.platform_status || '）' end
      || case when x.doubted_since is not null then '；存疑超过时限' else '' end
    when ${ReconciliationIssue.SHORTAGE} then '短款：平台已支付，渠道无记录'
      || case when x.doubted_since is not null then '；存疑超过时限' else '' end
    when ${ReconciliationIssue.ABNORMAL} then case
      when x.channel_state in ('PAID', 'REFUNDED') and x.platform_state = x.channel_state and x.payment_lines > 0
        then '异常：金额不符（渠道 ' || ${yuan('x.channel_amount')} || ' 元，平台 ' || ${yuan('x.platform_amount')} || ' 元）'
      when x.channel_state = 'PARTIALLY_REFUNDED'
        then '异常：渠道部分退款 ' || ${yuan('x.refunded')} || ' 元，平台 ' || ${platformText('x.platform_status')}
      else '异常：状态不符（渠道' || ${channelText('x.channel_state')} || '，平台 '
        || ${platformText('x.platform_status')} || '）' end
    when ${ReconciliationIssue.NORMAL} then case when x.channel_amount <> x.platform_amount
      then '正常（差额 ' || ${yuan('abs(x.channel_amount - x.platform_amount)')} || ' 元在容差内）' else '正常' end
    when ${ReconciliationIssue.REVERSED} then '已冲正'
    else '已退款' end,
  coalesce(x.m_trade_time, x.paid_at),
  coalesce(x.channel_amount, x.platform_amount, x.refunded, 0),
  x.channel_amount, x.platform_amount, x.channel_state, x.platform_state, x.platform_status,
  coalesce(x.m_payer, x.payer_id), x.merchant_id, x.merchant_name, coalesce(x.device_no, x.m_device),
  case when x.issue = ${ReconciliationIssue.DOUBTFUL} then coalesce(x.doubted_since, :now::timestamptz) end
from (
  -- The order's line (the payment line first) for its time, transaction id, payer and
  -- device: read again (by id) only for orders of several lines.
  select d.*,
    case when d.line_count > 1 then (select l.trade_time from statement_line l where l.id = d.line_id)
         else d.one_trade_time end as m_trade_time,
    case when d.line_count > 1 then (select l.platform_order_no from statement_line l where l.id = d.line_id)
         else d.one_order_no end as m_platform_order_no,
    case when d.line_count > 1 then (select l.transaction_id from statement_line l where l.id = d.line_id)
         else d.one_transaction_id end as m_transaction_id,
    case when d.line_count > 1 then (select l.payer from statement_line l where l.id = d.line_id)
         else d.one_payer end as m_payer,
    case when d.line_count > 1 then (select l.device from statement_line l where l.id = d.line_id)
         else d.one_device end as m_device
  from decided d
) x
order by x.order_key`;

/**
 * Phase 2: earlier runs' open doubtful rows of the same orders are decided by this run
 * (matched → its verdict; still doubtful → superseded, the doubt goes on in this run's row).
 * Parameters: runId, runCode, source, now.
 */
export const SETTLE_DOUBTS_SQL = `
update reconciliation_result o set
  issue = m.issue,
  pending_issue = case when m.issue = ${ReconciliationIssue.DOUBTFUL} then o.pending_issue end,
  settled_by_run_id = :runId, settled_at = :now::timestamptz,
  note = left(o.note || case when m.issue = ${ReconciliationIssue.DOUBTFUL} then '；仍存疑，见对账 ' || :runCode
    else '；对账 ' || :runCode || ' 复核为' || ${issueTextSql('m.issue')} end, 500)
from (
  select distinct on (old_id) old_id, issue from (
    select d.id as old_id, n.issue from reconciliation_result d
    join reconciliation_result n on n.run_id = :runId and n.order_key = d.order_key
    where d.source = :source and d.issue = ${ReconciliationIssue.DOUBTFUL} and d.settled_by_run_id is null and d.run_id <> :runId
    union all
    select d.id, n.issue from reconciliation_result d
    join reconciliation_result n on n.run_id = :runId and n.transaction_id = d.transaction_id
    -- a line known only by its transaction id when doubted: its order may have shown up since
    where d.source = :source and d.issue = ${ReconciliationIssue.DOUBTFUL} and d.settled_by_run_id is null and d.run_id <> :runId
      and d.order_key like 'tx:%'
  ) found order by old_id, issue desc
) m
where o.id = m.old_id`;

/**
 * Phase 3: open doubtful rows of the source whose window has closed become the surplus or
 * shortage they would have been; their orders are flagged abnormal.
 * Parameters: runId, runCode, source, now, expiry.
 */
export const EXPIRE_DOUBTS_SQL = `
with expired as (
  update reconciliation_result r set
    issue = r.pending_issue, settled_by_run_id = :runId, settled_at = :now::timestamptz,
    note = left(r.note || '；存疑超过时限未解除，对账 ' || :runCode || ' 判定为' || ${issueTextSql('r.pending_issue')}, 500)
  where r.source = :source and r.issue = ${ReconciliationIssue.DOUBTFUL} and r.settled_by_run_id is null
    and r.run_id <> :runId and r.doubtful_since <= :expiry::timestamptz
  returning r.platform_order_no
)
insert into payment_reconciliation (platform_order_no, status)
select distinct e.platform_order_no, ${STATUS_OF_ISSUE[ReconciliationIssue.SURPLUS]}::smallint
from expired e where e.platform_order_no is not null
on conflict (platform_order_no) do update set status = excluded.status
where payment_reconciliation.status <> excluded.status`;

/**
 * Phase 4: every order of the run gets its reconciliation status, in the narrow
 * `payment_reconciliation` table (no row = 2, not yet); unchanged statuses are not
 * rewritten. Parameters: runId.
 */
export const ORDER_STATUS_SQL = `
insert into payment_reconciliation (platform_order_no, status)
select r.platform_order_no, case r.issue ${Object.entries(STATUS_OF_ISSUE)
  .map(([issue, status]) => `when ${issue} then ${status}`)
  .join(' ')} end
from reconciliation_result r
where r.run_id = :runId and r.platform_order_no is not null
on conflict (platform_order_no) do update set status = excluded.status
where payment_reconciliation.status <> excluded.status`;

/**
 * Phase 5: the header of this run, and of the earlier runs whose doubtful rows it decided.
 * Parameters: runId, source, start, end.
 */
export const HEADER_SQL = `
with affected as (
  select :runId::bigint as run_id
  union
  select run_id from reconciliation_result where settled_by_run_id = :runId
),
sums as (
  select a.run_id,
    count(r.id) as line_count, coalesce(sum(r.pay_money), 0) as line_amount,
    count(r.id) filter (where r.issue in (${list(MATCHED_ISSUES)})) as matched_count,
    coalesce(sum(r.pay_money) filter (where r.issue in (${list(MATCHED_ISSUES)})), 0) as matched_amount,
    count(r.id) filter (where r.issue in (${list(ABNORMAL_ISSUES)})) as abnormal_count,
    coalesce(sum(r.pay_money) filter (where r.issue in (${list(ABNORMAL_ISSUES)})), 0) as abnormal_amount,
    count(r.id) filter (where r.issue = ${ReconciliationIssue.DOUBTFUL}) as doubtful_count,
    coalesce(sum(r.pay_money) filter (where r.issue = ${ReconciliationIssue.DOUBTFUL}), 0) as doubtful_amount
  from affected a left join reconciliation_result r on r.run_id = a.run_id
  group by a.run_id
)
update reconciliation_run h set
  line_count = s.line_count, line_amount = s.line_amount,
  matched_count = s.matched_count, matched_amount = s.matched_amount,
  abnormal_count = s.abnormal_count, abnormal_amount = s.abnormal_amount,
  doubtful_count = s.doubtful_count, doubtful_amount = s.doubtful_amount,
  status = case when h.id = :runId then 'DONE' else h.status end,
  finished_at = case when h.id = :runId then clock_timestamp() else h.finished_at end,
  statement_line_count = case when h.id = :runId then (
    select count(*) from statement_line l
    where l.source = :source and l.current and l.trade_time >= :start::timestamptz and l.trade_time < :end::timestamptz
  ) else h.statement_line_count end
from sums s where h.id = s.run_id`;

import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  AppError,
  formatChinaDate,
  isDateOnly,
  parseChinaDateTime,
  startOfChinaDay,
  type Fen,
  CHINA_TIME_ZONE,
} from '@pay/common';
import { OrderStatus, STATUS_PRESENTATION } from '../order/order-status';

/**
 * Statistics and summaries of orders (`/stats`, `/summarybyday*`, `/feestatement`,
 * `/riskstats`, `/rates`, `/channelstatus`). Each function is one set-based query;
 * amounts come back as integer fen (PostgreSQL sums are bigint, returned as strings).
 */

/**
 * Paid as the legacy `status_code = 1` means it (STATUS_PRESENTATION): PAID and the refund
 * and intervention statuses whose money the merchant still holds. Merchant summaries count these.
 */
const PAID_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus).filter(
  (s) => STATUS_PRESENTATION[s].merchantCode === 1,
);

/** Legacy `status > 0`: paid (as above) or withheld. The platform's pzid summary counts these. */
const PAID_OR_WITHHELD_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus).filter(
  (s) => STATUS_PRESENTATION[s].merchantCode > 0,
);

/** What the routing's daily quota check counts (`usedToday` in order.service). */
const QUOTA_STATUSES: readonly OrderStatus[] = [OrderStatus.PAID, OrderStatus.WITHHELD];

const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

/** The China calendar day of `paid_at`, as 'YYYY-MM-DD'. */
const PAID_DAY = `to_char(o.paid_at at time zone '${CHINA_TIME_ZONE}', 'YYYY-MM-DD')`;

/** count, gross, merchant income and agent income of the rows matching `cond` (all rows when omitted). */
function totalsColumns(prefix = '', cond?: string): string {
  const filter = cond ? ` filter (where ${cond})` : '';
  return [
    `count(*)${filter}::int as ${prefix}order_count`,
    `coalesce(sum(o.amount)${filter}, 0)::bigint as ${prefix}gross_amount`,
    `coalesce(sum(o.merchant_income)${filter}, 0)::bigint as ${prefix}merchant_income`,
    `coalesce(sum(o.agent_income)${filter}, 0)::bigint as ${prefix}agent_income`,
  ].join(',\n    ');
}

type Row = Record<string, unknown>;

function totalsFrom(row: Row | undefined, prefix = ''): PeriodTotals {
  return {
    orderCount: Number(row?.[`${prefix}order_count`] ?? 0),
    grossAmount: Number(row?.[`${prefix}gross_amount`] ?? 0),
    merchantIncome: Number(row?.[`${prefix}merchant_income`] ?? 0),
    agentIncome: Number(row?.[`${prefix}agent_income`] ?? 0),
  };
}

/**
 * Statistics are read from the read replica when one is configured (DATABASE_READ_URL):
 * analysts' aggregates stay off the primary, at the cost of the replica's lag. Inside a
 * transaction they stay on the transaction's connection.
 */
async function query(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const tx = em.getTransactionContext();
  const connection = tx ? em.getConnection() : em.getConnection('read');
  return (await connection.execute(sql, params, 'all', tx)) as Row[];
}

// ---------------------------------------------------------------------------------------
// Date ranges

/** A half-open instant range [from, to) and the China dates it covers, inclusive. */
export interface DateRange {
  from: Date;
  /** Exclusive upper bound. */
  to: Date;
  startDate: string;
  endDate: string;
}

function parseBound(text: string, argument: string): Date {
  const date = parseChinaDateTime(text);
  if (!date) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${argument} must be a date (YYYY-MM-DD), a date and time (YYYY-MM-DD HH:mm:ss) or a Unix timestamp`,
      { argument },
    );
  }
  return date;
}

/**
 * The range of a summary query from the legacy `start_time`/`end_time` (China time). A
 * date-only end means through the end of that day; a date-time end is inclusive to the
 * second. With neither given: the last `defaultDays` China days including today. With
 * one given, the other defaults to the end of today or to `defaultDays` days before the end.
 */
export function resolveDateRange(
  input: { start?: string | null; end?: string | null },
  defaultDays: number,
  now: Date = new Date(),
): DateRange {
  const start = input.start?.trim() ? input.start.trim() : null;
  const end = input.end?.trim() ? input.end.trim() : null;
  let to: Date;
  if (end === null) {
    to = addDays(startOfChinaDay(now), 1);
  } else {
    const parsed = parseBound(end, 'endTime');
    to = isDateOnly(end) ? addDays(parsed, 1) : new Date(parsed.getTime() + 1000);
  }
  const from =
    start !== null
      ? parseBound(start, 'startTime')
      : addDays(startOfChinaDay(new Date(to.getTime() - 1)), 1 - defaultDays);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('BAD_USER_INPUT', '时间范围有误', { argument: 'startTime' });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError('BAD_USER_INPUT', `the time range may cover at most ${MAX_RANGE_DAYS} days`, {
      argument: 'startTime',
    });
  }
  return { from, to, startDate: formatChinaDate(from), endDate: formatChinaDate(new Date(to.getTime() - 1)) };
}

// ---------------------------------------------------------------------------------------
// Merchant overview (/stats)

export interface PeriodTotals {
  orderCount: number;
  grossAmount: Fen;
  merchantIncome: Fen;
  agentIncome: Fen;
}

export interface MerchantStatsResult {
  today: PeriodTotals;
  yesterday: PeriodTotals;
  total: PeriodTotals;
  pending: { orderCount: number; grossAmount: Fen };
}

/** Today's, yesterday's (China days, by payment time) and all-time paid totals, and what is still pending. */
export async function merchantStats(
  em: EntityManager,
  merchantId: number,
  now: Date = new Date(),
): Promise<MerchantStatsResult> {
  const today = startOfChinaDay(now);
  const paid = `o.status <> 'PENDING'`;
  const [row] = await query(
    em,
    `select
    ${totalsColumns('today_', `${paid} and o.paid_at >= b.today and o.paid_at < b.tomorrow`)},
    ${totalsColumns('yesterday_', `${paid} and o.paid_at >= b.yesterday and o.paid_at < b.today`)},
    ${totalsColumns('total_', paid)},
    count(*) filter (where o.status = 'PENDING')::int as pending_order_count,
    coalesce(sum(o.amount) filter (where o.status = 'PENDING'), 0)::bigint as pending_gross_amount
  from (select ?::timestamptz as yesterday, ?::timestamptz as today, ?::timestamptz as tomorrow) b
  cross join "order" o
  where o.merchant_id = ? and o.status in (?)`,
    [addDays(today, -1), today, addDays(today, 1), merchantId, [...PAID_STATUSES, OrderStatus.PENDING]],
  );
  return {
    today: totalsFrom(row, 'today_'),
    yesterday: totalsFrom(row, 'yesterday_'),
    total: totalsFrom(row, 'total_'),
    pending: {
      orderCount: Number(row?.pending_order_count ?? 0),
      grossAmount: Number(row?.pending_gross_amount ?? 0),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Daily summaries (/summarybyday, /summarybydaychannel, /summarybydaypzid)

export interface DailyTotals extends PeriodTotals {
  /** China calendar date, 'YYYY-MM-DD'. */
  date: string;
}

export interface DailyChannelTotals extends DailyTotals {
  channelCode: string;
  channelName: string;
}

/** A merchant's paid orders per China day of payment; only days with orders, oldest first. */
export async function dailySummary(
  em: EntityManager,
  filter: { merchantId: number; from: Date; to: Date; channelCode?: string | null },
): Promise<DailyTotals[]> {
  const params: unknown[] = [filter.merchantId, PAID_STATUSES, filter.from, filter.to];
  let channel = '';
  if (filter.channelCode) {
    channel = ' and o.channel_code = ?';
    params.push(filter.channelCode);
  }
  const rows = await query(
    em,
    `select ${PAID_DAY} as date,
    ${totalsColumns()}
  from "order" o
  where o.merchant_id = ? and o.status in (?) and o.paid_at >= ? and o.paid_at < ?${channel}
  group by 1
  order by 1`,
    params,
  );
  return rows.map((r) => ({ date: String(r.date), ...totalsFrom(r) }));
}

/** A merchant's paid orders per China day and channel, ordered by date then channel code. */
export async function dailyChannelSummary(
  em: EntityManager,
  filter: { merchantId: number; from: Date; to: Date; channelCodes?: readonly string[] | null },
): Promise<DailyChannelTotals[]> {
  const params: unknown[] = [filter.merchantId, PAID_STATUSES, filter.from, filter.to];
  let channels = '';
  if (filter.channelCodes && filter.channelCodes.length > 0) {
    channels = ' and o.channel_code in (?)';
    params.push([...filter.channelCodes]);
  }
  const rows = await query(
    em,
    `select ${PAID_DAY} as date, o.channel_code, c.name as channel_name,
    ${totalsColumns()}
  from "order" o
  join channel c on c.code = o.channel_code
  where o.merchant_id = ? and o.status in (?) and o.paid_at >= ? and o.paid_at < ?${channels}
  group by 1, o.channel_code, c.name
  order by 1, o.channel_code`,
    params,
  );
  return rows.map((r) => ({
    date: String(r.date),
    channelCode: String(r.channel_code),
    channelName: String(r.channel_name),
    ...totalsFrom(r),
  }));
}

/**
 * Paid and withheld orders (legacy `status > 0`) of every merchant on one upstream config,
 * per China day of payment. Null when the pzid is unknown.
 */
export async function dailyUpstreamSummary(
  em: EntityManager,
  filter: { pzid: number; from: Date; to: Date },
): Promise<{ pzid: number; pzName: string; items: DailyTotals[] } | null> {
  // The config row left-joined to its daily groups: no row means an unknown pzid,
  // one row with a null date means a known pzid without orders in the range.
  const rows = await query(
    em,
    `select u.name as pz_name, d.*
  from upstream_config u
  left join (
    select ${PAID_DAY} as date,
    ${totalsColumns()}
    from "order" o
    where o.upstream_config_pzid = ? and o.status in (?) and o.paid_at >= ? and o.paid_at < ?
    group by 1
  ) d on true
  where u.pzid = ?
  order by d.date`,
    [filter.pzid, PAID_OR_WITHHELD_STATUSES, filter.from, filter.to, filter.pzid],
  );
  if (rows.length === 0) return null;
  return {
    pzid: filter.pzid,
    pzName: String(rows[0]!.pz_name),
    items: rows.filter((r) => r.date != null).map((r) => ({ date: String(r.date), ...totalsFrom(r) })),
  };
}

// ---------------------------------------------------------------------------------------
// Fee statement (/feestatement)

export interface FeeStatementTotals extends PeriodTotals {
  /** Sum of platform profit (channel fee minus upstream cost). */
  platformIncome: Fen;
  /** Sum of channel fees (merchant fee minus agent commission). */
  platformFee: Fen;
}

/** Totals and the fee split of a merchant's paid orders in a range of payment times. */
export async function feeStatement(
  em: EntityManager,
  filter: { merchantId: number; from: Date; to: Date },
): Promise<FeeStatementTotals> {
  const [row] = await query(
    em,
    `select
    ${totalsColumns()},
    coalesce(sum(o.platform_profit), 0)::bigint as platform_income,
    coalesce(sum(o.channel_fee), 0)::bigint as platform_fee
  from "order" o
  where o.merchant_id = ? and o.status in (?) and o.paid_at >= ? and o.paid_at < ?`,
    [filter.merchantId, PAID_STATUSES, filter.from, filter.to],
  );
  return {
    ...totalsFrom(row),
    platformIncome: Number(row?.platform_income ?? 0),
    platformFee: Number(row?.platform_fee ?? 0),
  };
}

// ---------------------------------------------------------------------------------------
// Risk overview (/riskstats)

export interface RiskCounts {
  generatedAt: Date;
  /** Pending orders created more than 30 minutes ago. */
  pendingOver30m: number;
  /** Orders created today (China time) of at least `highAmount`, in any status. */
  highValueToday: number;
  /** Orders whose merchant notification failed. */
  failedNotifications: number;
  /** Withheld (扣量) orders. */
  withheld: number;
}

export async function riskStats(
  em: EntityManager,
  filter: { merchantId: number; highAmount: Fen; now?: Date },
): Promise<RiskCounts> {
  const now = filter.now ?? new Date();
  const today = startOfChinaDay(now);
  const [row] = await query(
    em,
    `select
    count(*) filter (where o.status = 'PENDING' and o.created_at < ?)::int as pending_over_30m,
    count(*) filter (where o.created_at >= ? and o.created_at < ? and o.amount >= ?)::int as high_value_today,
    count(*) filter (where o.notify_status = 'FAILED')::int as failed_notifications,
    count(*) filter (where o.status = 'WITHHELD')::int as withheld
  from "order" o
  where o.merchant_id = ?`,
    [
      new Date(now.getTime() - 30 * 60 * 1000),
      today,
      addDays(today, 1),
      filter.highAmount,
      filter.merchantId,
    ],
  );
  return {
    generatedAt: now,
    pendingOver30m: Number(row?.pending_over_30m ?? 0),
    highValueToday: Number(row?.high_value_today ?? 0),
    failedNotifications: Number(row?.failed_notifications ?? 0),
    withheld: Number(row?.withheld ?? 0),
  };
}

// ---------------------------------------------------------------------------------------
// Rates and channel status (/rates, /channelstatus)

export interface MerchantRateRow {
  channelCode: string;
  channelName: string;
  systemSwitch: boolean;
  merchantSwitch: boolean;
  /** Both switches on. */
  enabled: boolean;
  /** The merchant's rate when enabled, else 0 (as the legacy API shows it). */
  ratePpm: number;
  userDefinedRate: boolean;
}

/** Every channel with the merchant's switch and rate on it, in display order. */
export async function merchantRates(em: EntityManager, merchantId: number): Promise<MerchantRateRow[]> {
  const rows = await query(
    em,
    `select c.code, c.name, c.system_enabled,
    coalesce(mc.enabled, false) as merchant_enabled,
    coalesce(mc.rate_ppm, 0) as rate_ppm,
    coalesce(mc.user_defined_rate, false) as user_defined_rate
  from channel c
  left join merchant_channel mc on mc.channel_code = c.code and mc.merchant_id = ?
  order by c.sort_order, c.code`,
    [merchantId],
  );
  return rows.map((r) => {
    const enabled = Boolean(r.system_enabled) && Boolean(r.merchant_enabled);
    return {
      channelCode: String(r.code),
      channelName: String(r.name),
      systemSwitch: Boolean(r.system_enabled),
      merchantSwitch: Boolean(r.merchant_enabled),
      enabled,
      ratePpm: enabled ? Number(r.rate_ppm) : 0,
      userDefinedRate: Boolean(r.user_defined_rate),
    };
  });
}

export interface ChannelStatusRow {
  channelCode: string;
  channelName: string;
  systemEnabled: boolean;
  merchantEnabled: boolean;
  /** The merchant's rate when its switch is on, else 0 (as the legacy API shows it). */
  ratePpm: number;
  userDefinedRate: boolean;
  roundRobin: boolean;
  minAmount: Fen;
  maxAmount: Fen | null;
  dailyQuota: Fen | null;
  /** Paid and withheld amount on the channel today across all merchants; null without a quota. */
  dailyUsed: Fen | null;
  /** When this merchant last created an order on the channel. */
  lastUsedAt: Date | null;
}

/** Every channel with its limits, today's use of its quota and the merchant's settings and last use. */
export async function channelStatus(
  em: EntityManager,
  merchantId: number,
  now: Date = new Date(),
): Promise<ChannelStatusRow[]> {
  const today = startOfChinaDay(now);
  const rows = await query(
    em,
    `select c.code, c.name, c.system_enabled, c.min_amount, c.max_amount, c.daily_quota,
    coalesce(mc.enabled, false) as merchant_enabled,
    coalesce(mc.rate_ppm, 0) as rate_ppm,
    coalesce(mc.user_defined_rate, false) as user_defined_rate,
    coalesce(mc.round_robin, false) as round_robin,
    used.amount as daily_used,
    last.created_at as last_used_at
  from channel c
  left join merchant_channel mc on mc.channel_code = c.code and mc.merchant_id = ?
  left join lateral (
    select coalesce(sum(o.amount), 0)::bigint as amount
      from "order" o
     where o.channel_code = c.code and o.status in (?) and o.paid_at >= ? and o.paid_at < ?
  ) used on c.daily_quota is not null
  left join lateral (
    select o.created_at
      from "order" o
     where o.merchant_id = ? and o.channel_code = c.code
     order by o.created_at desc
     limit 1
  ) last on true
  order by c.sort_order, c.code`,
    [merchantId, QUOTA_STATUSES, today, addDays(today, 1), merchantId],
  );
  const fenOrNull = (v: unknown): Fen | null => (v == null ? null : Number(v));
  return rows.map((r) => ({
    channelCode: String(r.code),
    channelName: String(r.name),
    systemEnabled: Boolean(r.system_enabled),
    merchantEnabled: Boolean(r.merchant_enabled),
    ratePpm: r.merchant_enabled ? Number(r.rate_ppm) : 0,
    userDefinedRate: Boolean(r.user_defined_rate),
    roundRobin: Boolean(r.round_robin),
    minAmount: Number(r.min_amount),
    maxAmount: fenOrNull(r.max_amount),
    dailyQuota: fenOrNull(r.daily_quota),
    dailyUsed: r.daily_quota == null ? null : Number(r.daily_used ?? 0),
    lastUsedAt: r.last_used_at == null ? null : new Date(r.last_used_at as string | Date),
  }));
}

// ---------------------------------------------------------------------------------------
// Platform overview (the operators' dashboard)

/** Orders of one China day of creation (or of a whole window), and the paid part of them. */
export interface CreatedTotals {
  orderCount: number;
  paidCount: number;
  paidAmount: Fen;
}

export interface PlatformDay extends CreatedTotals {
  /** China calendar date, 'YYYY-MM-DD'. */
  date: string;
}

export interface PlatformChannel extends CreatedTotals {
  channelCode: string;
  channelName: string;
}

export interface PlatformOverviewResult {
  startDate: string;
  endDate: string;
  /** One entry per China day of the window, oldest first, days without orders included. */
  days: PlatformDay[];
  total: CreatedTotals;
  /** Channels with orders in the window, largest paid amount first. */
  channels: PlatformChannel[];
  /** Orders (of any day) whose merchant notification failed for good. */
  failedNotifications: number;
  generatedAt: Date;
}

export const MAX_OVERVIEW_DAYS = 90;

/** count of the rows, and count and amount of those paid or withheld (legacy `status > 0`). */
const CREATED_TOTALS = `count(o.id)::int as order_count,
    count(o.id) filter (where o.status in (?))::int as paid_count,
    coalesce(sum(o.amount) filter (where o.status in (?)), 0)::bigint as paid_amount`;

function createdTotalsFrom(row: Row): CreatedTotals {
  return {
    orderCount: Number(row.order_count ?? 0),
    paidCount: Number(row.paid_count ?? 0),
    paidAmount: Number(row.paid_amount ?? 0),
  };
}

/**
 * Every merchant's orders of the last `days` China days including today, grouped by the day
 * they were created, with the part that got paid (paid or withheld: the payer paid), so the
 * success rate paid / created of a day never exceeds one; the same per channel over the
 * window; and the orders whose merchant notification failed. Two statements.
 */
export async function platformOverview(
  em: EntityManager,
  options: { days: number; now?: Date },
): Promise<PlatformOverviewResult> {
  const now = options.now ?? new Date();
  const to = addDays(startOfChinaDay(now), 1);
  const from = addDays(to, -options.days);
  const startDate = formatChinaDate(from);
  const endDate = formatChinaDate(new Date(to.getTime() - 1));
  const paid = [...PAID_OR_WITHHELD_STATUSES];
  // The days come from generate_series so that a day without orders still shows (as zeros).
  const dayRows = await query(
    em,
    `select to_char(d.day, 'YYYY-MM-DD') as date,
    ${CREATED_TOTALS}
  from generate_series(?::timestamp, ?::timestamp, interval '1 day') as d(day)
  left join "order" o
    on o.created_at >= (d.day at time zone '${CHINA_TIME_ZONE}')
   and o.created_at < ((d.day + interval '1 day') at time zone '${CHINA_TIME_ZONE}')
  group by d.day
  order by d.day`,
    [paid, paid, startDate, endDate],
  );
  // One row with null channel columns when no channel had orders in the window.
  const channelRows = await query(
    em,
    `select (select count(*)::int from "order" where notify_status = 'FAILED') as failed_notifications, ch.*
  from (select 1) one
  left join (
    select o.channel_code, c.name as channel_name,
    ${CREATED_TOTALS}
    from "order" o
    join channel c on c.code = o.channel_code
    where o.created_at >= ? and o.created_at < ?
    group by o.channel_code, c.name
  ) ch on true
  order by ch.paid_amount desc nulls last, ch.order_count desc, ch.channel_code`,
    [paid, paid, from, to],
  );
  const days = dayRows.map((r) => ({ date: String(r.date), ...createdTotalsFrom(r) }));
  const total = days.reduce<CreatedTotals>(
    (sum, d) => ({
      orderCount: sum.orderCount + d.orderCount,
      paidCount: sum.paidCount + d.paidCount,
      paidAmount: sum.paidAmount + d.paidAmount,
    }),
    { orderCount: 0, paidCount: 0, paidAmount: 0 },
  );
  return {
    startDate,
    endDate,
    days,
    total,
    channels: channelRows
      .filter((r) => r.channel_code != null)
      .map((r) => ({
        channelCode: String(r.channel_code),
        channelName: String(r.channel_name),
        ...createdTotalsFrom(r),
      })),
    failedNotifications: Number(channelRows[0]?.failed_notifications ?? 0),
    generatedAt: now,
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { formatFen, pgArray } from '@pay/common';
import type { ChannelAnswer, ChannelQuery } from './channel-query.client';
import { mapWithConcurrency } from './channel-query.client';
import {
  bindNamed,
  CLASSIFY_SQL,
  EXPIRE_DOUBTS_SQL,
  HEADER_SQL,
  ORDER_STATUS_SQL,
  SETTLE_DOUBTS_SQL,
} from './matching.sql';
import { ReconciliationIssue } from './reconciliation-issue';
import { coverageParams, type SourceCoverage } from '../statement/source-coverage';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface MatchingParams {
  runId: number;
  runCode: string;
  source: string;
  periodStart: Date;
  periodEnd: Date;
  /** The payments the source covers (its pay types or channels; none: every payment). */
  coverage: SourceCoverage;
  /** Only payments with automatic reconciliation on (the daily run). */
  autoOnly: boolean;
  toleranceFen: number;
  cutoffMinutes: number;
  doubtfulWindowHours: number;
  /** The run's clock: doubtful windows are measured against it. */
  now: Date;
}

async function exec(em: EntityManager, sql: string, values: Record<string, unknown>): Promise<void> {
  const [text, params] = bindNamed(sql, values);
  await em.getConnection().execute(text, params, 'run', em.getTransactionContext());
}

/**
 * Classifies a run's lines and orders, decides earlier doubtful rows, sets the orders'
 * reconciliation status and the headers — five statements, whatever the volume. Call it
 * inside the run's transaction (see `matching.sql.ts` for what each phase does).
 */
export async function matchRun(em: EntityManager, p: MatchingParams): Promise<void> {
  const iso = (d: Date) => d.toISOString();
  const window = p.doubtfulWindowHours * HOUR_MS;
  const common = { runId: p.runId, runCode: p.runCode, source: p.source, now: iso(p.now) };
  const expiry = iso(new Date(p.now.getTime() - window));
  await exec(em, CLASSIFY_SQL, {
    ...common,
    start: iso(p.periodStart),
    end: iso(p.periodEnd),
    neighbourStart: iso(new Date(p.periodStart.getTime() - window)),
    neighbourEnd: iso(new Date(p.periodEnd.getTime() + window)),
    ...coverageParams(p.coverage),
    autoOnly: p.autoOnly,
    tolerance: p.toleranceFen,
    cutoff: iso(new Date(p.periodEnd.getTime() - p.cutoffMinutes * MINUTE_MS)),
    expiry,
  });
  await exec(em, SETTLE_DOUBTS_SQL, common);
  await exec(em, EXPIRE_DOUBTS_SQL, { ...common, expiry });
  await exec(em, ORDER_STATUS_SQL, { runId: p.runId });
  await exec(em, HEADER_SQL, {
    runId: p.runId,
    source: p.source,
    start: iso(p.periodStart),
    end: iso(p.periodEnd),
  });
}

/** How an answer reads in a result's note. */
export function describeAnswer(answer: ChannelAnswer): string {
  if (answer.tradeState === 'FAILED') return `渠道查询失败（${answer.error ?? '未知原因'}）`;
  const parts = [`渠道查询：${answer.tradeState}`];
  if (answer.amount !== null) parts.push(`金额 ${formatFen(answer.amount)} 元`);
  if (answer.transactionId) parts.push(`交易号 ${answer.transactionId}`);
  return parts.join('，');
}

/**
 * Asks the channel about the run's doubtful orders (at most `limit`, `concurrency` at a
 * time) and records each answer in the result's note with one statement. The answer
 * does not change the verdict: a doubtful order stays doubtful until a later run matches
 * it or its window closes. Returns the answers by result id.
 */
export async function queryDoubtfulOrders(
  em: EntityManager,
  runId: number,
  channel: ChannelQuery,
  options: { limit?: number; concurrency?: number } = {},
): Promise<Map<number, ChannelAnswer>> {
  const rows = (await em.getConnection().execute(
    `select id, out_trade_no from reconciliation_result
       where run_id = ? and issue = ? and out_trade_no is not null order by id limit ?`,
    [runId, ReconciliationIssue.DOUBTFUL, options.limit ?? 500],
  )) as { id: string | number; out_trade_no: string }[];
  const answers = new Map<number, ChannelAnswer>();
  if (rows.length === 0) return answers;
  const results = await mapWithConcurrency(rows, options.concurrency ?? 8, (row) =>
    channel.query(row.out_trade_no),
  );
  rows.forEach((row, i) => answers.set(Number(row.id), results[i]!));
  await em.getConnection().execute(
    `update reconciliation_result r set note = left(r.note || '；' || v.answer, 500)
     from unnest(?::bigint[], ?::text[]) as v(id, answer) where r.id = v.id`,
    [pgArray([...answers.keys()]), pgArray([...answers.values()].map(describeAnswer))],
  );
  return answers;
}

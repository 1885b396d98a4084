import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { KeysetPosition, PageWindow } from '@pay/common';
import { ReconciliationRun } from '../../run/reconciliation-run.entity';
import { ReconciliationIssue } from '../reconciliation-issue';
import { ReconciliationResult } from './reconciliation-result.entity';

/** Filters of a run's grid. */
export interface ResultFilter {
  issue?: ReconciliationIssue | null;
  /** Only lines whose verdict is not normal. */
  discrepanciesOnly?: boolean | null;
  platformOrderNo?: string | null;
}

/** The grid filter as SQL conditions over `reconciliation_result r` (each starting with `and`). */
export function resultFilterSql(filter: ResultFilter): [string, unknown[]] {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter.issue != null) {
    conditions.push('and r.issue = ?');
    values.push(filter.issue);
  }
  if (filter.discrepanciesOnly) {
    conditions.push('and r.issue <> ?');
    values.push(ReconciliationIssue.NORMAL);
  }
  if (filter.platformOrderNo) {
    conditions.push('and r.out_trade_no = ?');
    values.push(filter.platformOrderNo);
  }
  return [conditions.join(' '), values];
}

export interface DiscrepancyFilter {
  issue?: ReconciliationIssue | null;
  runCode?: string | null;
  source?: string | null;
  resolved?: boolean | null;
  platformOrderNo?: string | null;
  startTime?: Date | null;
  endTime?: Date | null;
  /** Only ids below this one (keyset paging for exports). */
  beforeId?: number | null;
}

/**
 * Discrepancies, newest first: results whose verdict is not normal — without doubtful
 * rows a later run superseded (the doubt goes on in the later run's row).
 */
export async function listDiscrepancies(
  em: EntityManager,
  filter: DiscrepancyFilter,
  window: PageWindow & { after?: KeysetPosition | null },
  options: { total: boolean } = { total: true },
): Promise<{ items: ReconciliationResult[]; total: number | null; hasMore: boolean }> {
  const where: FilterQuery<ReconciliationResult>[] = [
    { issue: { $ne: ReconciliationIssue.NORMAL } },
    { $not: { issue: ReconciliationIssue.DOUBTFUL, settledByRunId: { $ne: null } } },
  ];
  if (filter.issue != null) where.push({ issue: filter.issue });
  if (filter.source) where.push({ source: filter.source });
  if (filter.resolved != null) where.push({ resolved: filter.resolved });
  if (filter.platformOrderNo) where.push({ outTradeNo: filter.platformOrderNo });
  if (filter.startTime) where.push({ createdAt: { $gte: filter.startTime } });
  if (filter.endTime) where.push({ createdAt: { $lte: filter.endTime } });
  if (filter.beforeId != null) where.push({ id: { $lt: filter.beforeId } });
  if (filter.runCode) {
    const run = await em.findOne(ReconciliationRun, { code: filter.runCode });
    if (!run) return { items: [], total: options.total ? 0 : null, hasMore: false };
    where.push({ runId: run.id });
  }
  // Results are numbered in the order runs wrote them: after a keyset cursor the page
  // continues below the last one seen (id <) instead of counting an OFFSET.
  const page: FilterQuery<ReconciliationResult>[] = window.after
    ? [...where, { id: { $lt: window.after.id } }]
    : where;
  const [rows, total] = await Promise.all([
    em.find(
      ReconciliationResult,
      { $and: page },
      { orderBy: { id: 'desc' }, limit: window.limit + 1, offset: window.offset },
    ),
    options.total ? em.count(ReconciliationResult, { $and: where }) : Promise.resolve(null),
  ]);
  return { items: rows.slice(0, window.limit), total, hasMore: rows.length > window.limit };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { formatChinaDateTime, formatFen } from '@pay/common';
import { ReconciliationRun } from '../../run/reconciliation-run.entity';
import { ISSUE_TEXT, ReconciliationIssue } from '../reconciliation-issue';
import type { ReconciliationResult } from './reconciliation-result.entity';
import { listDiscrepancies, type DiscrepancyFilter } from './result.service';

/** A discrepancy with the code of the run that wrote it. */
export interface DiscrepancyRow {
  result: ReconciliationResult;
  runCode: string;
}

/**
 * Every discrepancy matching the filter, newest first, read in pages by id (keyset, so a
 * long list costs the same per page) with the runs' codes — for exports, not the graph.
 */
export async function* eachDiscrepancy(
  em: EntityManager,
  filter: DiscrepancyFilter,
  pageSize = 1000,
): AsyncGenerator<DiscrepancyRow> {
  let beforeId: number | null = null;
  for (;;) {
    const page = em.fork();
    const { items } = await listDiscrepancies(
      page,
      { ...filter, beforeId },
      { limit: pageSize, offset: 0, page: 1, pageSize },
      { total: false },
    );
    if (items.length === 0) return;
    const runIds = [...new Set(items.map((r) => r.runId))];
    const codes = new Map(
      (await page.find(ReconciliationRun, { id: { $in: runIds } })).map((r) => [r.id, r.code]),
    );
    for (const result of items) yield { result, runCode: codes.get(result.runId) ?? '' };
    if (items.length < pageSize) return;
    beforeId = items[items.length - 1]!.id;
  }
}

/** The CSV columns, in order (amounts in yuan, times in China time). */
export const DISCREPANCY_CSV_HEADER = [
  'code',
  'run_code',
  'source',
  'issue',
  'issue_text',
  'platform_order_no',
  'transaction_id',
  'trade_time',
  'amount',
  'channel_amount',
  'platform_amount',
  'merchant_id',
  'merchant_name',
  'resolved',
  'note',
  'created_at',
] as const;

/** Fen as yuan text, exactly (integer arithmetic; no floats); empty for none. */
const yuan = (fen: number | null) => (fen === null ? '' : formatFen(fen));

/** One discrepancy as CSV fields, in `DISCREPANCY_CSV_HEADER` order. */
export function discrepancyCsvFields({ result: r, runCode }: DiscrepancyRow): string[] {
  return [
    r.code,
    runCode,
    r.source,
    ReconciliationIssue[r.issue],
    ISSUE_TEXT[r.issue],
    r.outTradeNo ?? '',
    r.transactionId ?? '',
    r.tradeTime ? formatChinaDateTime(r.tradeTime) : '',
    yuan(r.payMoney),
    yuan(r.channelAmount),
    yuan(r.platformAmount),
    r.merchantId === null ? '' : String(r.merchantId),
    r.merchantName ?? '',
    r.resolved ? 'true' : 'false',
    r.note,
    formatChinaDateTime(r.createdAt),
  ].map(String);
}

/** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled), CRLF-terminated. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\r\n`;
}

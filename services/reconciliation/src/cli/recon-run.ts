import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, AppError, formatChinaDateTime, formatFen, parseChinaDateTime } from '@pay/common';
import type { ReconciliationRun } from '../modules/run/reconciliation-run.entity';
import { startReconciliationRun, type RunDependencies } from '../modules/run/run.service';
import { statementsOfRuns } from '../modules/run/run-statements';
import { checkBillDate } from '../modules/statement/statement.service';

export interface RunCommand {
  source: string;
  /** First China day, YYYY-MM-DD. */
  date: string;
  /** Last China day (inclusive); the first by default. */
  to?: string;
  remark?: string;
  person: string;
}

/** The period of China days `date` … `to` (inclusive): [midnight of date, midnight after to). */
export function chinaDaysPeriod(date: string, to: string | undefined): { start: Date; end: Date } {
  const first = parseChinaDateTime(checkBillDate(date, 'date'))!;
  const last = parseChinaDateTime(checkBillDate(to ?? date, 'to'))!;
  if (last < first)
    throw new AppError('BAD_USER_INPUT', '--to must not be before --date', { argument: 'to' });
  return { start: first, end: addDays(last, 1) };
}

/**
 * `recon run`: reconciles a source over China days, printing what it does and then the
 * run's header (counts and amounts in yuan) and the statements it used. Refusals are the
 * graph's (AppError); a failed run is left FAILED with its reason, as through the graph.
 */
export async function reconRun(
  em: EntityManager,
  deps: RunDependencies,
  command: RunCommand,
  out: (text: string) => void,
): Promise<ReconciliationRun> {
  const { start, end } = chinaDaysPeriod(command.date, command.to);
  const days = command.to && command.to !== command.date ? `${command.date} … ${command.to}` : command.date;
  out(`reconciling ${command.source} for ${days} (China time) as ${command.person} …`);
  const began = Date.now();
  const run = await startReconciliationRun(em, deps, {
    source: command.source,
    periodStart: start,
    periodEnd: end,
    remark: command.remark ?? null,
    person: command.person,
  });
  const statements = (await statementsOfRuns(em, [run.id])).get(run.id) ?? [];
  out(`run ${run.code} ${run.status} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  out(`  period      ${formatChinaDateTime(run.periodStart)} – ${formatChinaDateTime(run.periodEnd)}`);
  for (const s of statements)
    out(`  statement   ${s.id} ${s.fileName} (${s.billDate}, ${s.lineCount} lines)`);
  out(
    `  lines       ${run.statementLineCount} channel lines → ${run.lineCount} results, ${formatFen(run.lineAmount)}`,
  );
  out(`  matched     ${run.matchedCount}, ${formatFen(run.matchedAmount)}`);
  out(`  abnormal    ${run.abnormalCount}, ${formatFen(run.abnormalAmount)}`);
  out(`  doubtful    ${run.doubtfulCount}, ${formatFen(run.doubtfulAmount)}`);
  return run;
}

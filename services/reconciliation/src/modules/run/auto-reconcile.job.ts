import { addDays, AppError, formatChinaDate, logger, startOfChinaDay, CHINA_TIME_ZONE } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { RunStatus, type ReconciliationRun } from './reconciliation-run.entity';
import { runDependencies, startReconciliationRun } from './run.service';

/** The pg-boss queue of the daily automatic reconciliation. */
export const AUTO_RECONCILE_QUEUE = 'auto-reconcile';

/** The person recorded on automatic runs (`person: "auto"` in `/pay/check_record`). */
export const AUTO_PERSON = 'auto';

/**
 * The daily automatic run. For every source with a statement of yesterday (China time),
 * reconciles yesterday — but only orders whose automatic reconciliation is on: payments
 * with the flag off are not matched, and channel lines of such orders are left out of
 * the grid (lines of orders the platform does not know stay: a surplus is always
 * reported). A source already reconciled automatically for that day is skipped, so a
 * retried job does not reconcile it twice; a failing source does not stop the others.
 */
export async function runAutoReconciliation(
  runtime: Pick<ReconciliationRuntime, 'orm' | 'config'>,
  now: Date = new Date(),
): Promise<ReconciliationRun[]> {
  const periodEnd = startOfChinaDay(now);
  const periodStart = addDays(periodEnd, -1);
  const sources = (await runtime.orm.em
    .fork()
    .getConnection()
    .execute(
      `select distinct s.source from statement s
     where s.bill_date = ?::date
       and not exists (
         select 1 from reconciliation_run r
         where r.source = s.source and r.auto_only and r.status = ?
           and r.period_start = ?::timestamptz and r.period_end = ?::timestamptz)
     order by s.source`,
      [formatChinaDate(periodStart), RunStatus.DONE, periodStart.toISOString(), periodEnd.toISOString()],
    )) as { source: string }[];
  const runs: ReconciliationRun[] = [];
  const failed: string[] = [];
  for (const { source } of sources) {
    try {
      runs.push(
        await startReconciliationRun(runtime.orm.em.fork(), runDependencies(runtime.config), {
          source,
          periodStart,
          periodEnd,
          person: AUTO_PERSON,
          autoOnly: true,
          now,
        }),
      );
    } catch (error) {
      failed.push(source);
      logger().error({ err: error, source }, 'automatic reconciliation failed');
    }
  }
  logger().info(
    { day: formatChinaDate(periodStart), runs: runs.map((r) => r.code), failed },
    'automatic reconciliation done',
  );
  // pg-boss retries the job; sources already done are skipped then.
  if (failed.length > 0) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'automatic reconciliation failed for some sources', {
      failed: failed.join(', '),
    });
  }
  return runs;
}

/** Works the queue and schedules it daily (config.autoReconcileCron, China time). */
export async function startAutoReconcileWorker(runtime: ReconciliationRuntime): Promise<void> {
  await runtime.jobs.work(AUTO_RECONCILE_QUEUE, async () => {
    await runAutoReconciliation(runtime);
  });
  await runtime.jobs.schedule(
    AUTO_RECONCILE_QUEUE,
    runtime.config.autoReconcileCron,
    {},
    { tz: CHINA_TIME_ZONE },
  );
}

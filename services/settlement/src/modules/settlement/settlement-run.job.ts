import { CHINA_TIME_ZONE } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { AUTO_PERSON, runSettlement, type SettlementRunResult } from './settlement-run.service';

/** The pg-boss queue of scheduled settlement runs. */
export const SETTLEMENT_RUN_QUEUE = 'settlement-run';

/**
 * One scheduled run: every live account with a period is settled up to its latest period
 * boundary before now (China time), as `auto`. Accounts already settled through their
 * boundary are skipped, so a retried or repeated job settles nothing twice.
 */
export function runScheduledSettlement(
  runtime: Pick<SettlementRuntime, 'orm' | 'config'>,
  now: Date = new Date(),
): Promise<SettlementRunResult> {
  return runSettlement(runtime.orm.em.fork(), runtime.config, {
    until: now,
    person: AUTO_PERSON,
    scheduled: true,
  });
}

/** Works the queue and schedules it (config.settlementCron, China time). */
export async function startSettlementRunWorker(runtime: SettlementRuntime): Promise<void> {
  await runtime.jobs.work(SETTLEMENT_RUN_QUEUE, async () => {
    await runScheduledSettlement(runtime);
  });
  await runtime.jobs.schedule(
    SETTLEMENT_RUN_QUEUE,
    runtime.config.settlementCron,
    {},
    { tz: CHINA_TIME_ZONE },
  );
}

import { logger, CHINA_TIME_ZONE } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { previousChinaMonth } from './bill-month';
import { issueMonthlyBills } from './bill-issue.service';
import { redrivePendingCollections } from './wallet-collection.service';
import { redrivePendingApiRecharges } from './wallet-recharge.service';

/** The pg-boss queue of the monthly bill issue (config.billingCron, China time). */
export const MONTHLY_BILLS_QUEUE = 'billing-monthly-bills';

/** The pg-boss queue that finishes wallet collections and API recharges left pending. */
export const BILLING_REDRIVE_QUEUE = 'billing-redrive';

/** The person recorded on bills the schedule issues. */
export const AUTO_PERSON = 'auto';

/** Pending work younger than this is probably still being driven by its request. */
const REDRIVE_AFTER_MS = 30_000;

/** Issues last month's bills (China time) as `auto`; failed collections make pg-boss retry the job, which finishes them. */
export async function runMonthlyBilling(
  runtime: Pick<SettlementRuntime, 'orm' | 'config' | 'ledger'>,
  now: Date = new Date(),
): Promise<void> {
  const result = await issueMonthlyBills(runtime, {
    month: previousChinaMonth(now),
    person: AUTO_PERSON,
    now,
  });
  if (result.failedCollections.length > 0)
    throw new Error(`bill collections failed for merchants ${result.failedCollections.join(', ')}`);
}

/** Finishes pending collections and API recharges; a failure is retried on the next run. */
export async function runBillingRedrive(
  runtime: Pick<SettlementRuntime, 'orm' | 'config' | 'ledger'>,
  olderThanMs = REDRIVE_AFTER_MS,
): Promise<void> {
  const recharges = await redrivePendingApiRecharges(runtime, { olderThanMs });
  const collections = await redrivePendingCollections(runtime, { olderThanMs });
  if (recharges.driven + recharges.failed + collections.driven + collections.failed > 0)
    logger().info({ recharges, collections }, 'pending billing work re-driven');
}

/**
 * Works both queues: the monthly issue on config.billingCron, the re-drive every minute
 * and once at start-up (a crash may have left collections pending).
 */
export async function startBillingWorkers(runtime: SettlementRuntime): Promise<void> {
  await runtime.jobs.work(MONTHLY_BILLS_QUEUE, async () => {
    await runMonthlyBilling(runtime);
  });
  await runtime.jobs.schedule(MONTHLY_BILLS_QUEUE, runtime.config.billingCron, {}, { tz: CHINA_TIME_ZONE });
  await runtime.jobs.work(BILLING_REDRIVE_QUEUE, async () => {
    await runBillingRedrive(runtime);
  });
  await runtime.jobs.schedule(BILLING_REDRIVE_QUEUE, '* * * * *', {}, { tz: CHINA_TIME_ZONE });
  await runtime.jobs.send(BILLING_REDRIVE_QUEUE, {});
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { maintainMonthlyPartitions, type MonthlyPartitioning } from '../db/monthly-partitions';
import type { ServiceModule } from '../http/subgraph-service';
import { logger } from '../logging/logger';
import { CHINA_TIME_ZONE } from '../time/china-time';
import type { JobQueue } from './job-queue';

/** Daily at 03:17 China time (quiet hours, off the hour when other schedules run). */
const MAINTENANCE_CRON = '17 3 * * *';

/**
 * A service's monthly partitions kept up: the months ahead created and the months past
 * the retention dropped, once at start-up (a service down for a while catches up) and then
 * daily on the job queue (one replica runs each day's job).
 */
export function partitionMaintenanceModule<R extends { orm: MikroORM; jobs: JobQueue }>(
  queue: string,
  tables: (runtime: R) => MonthlyPartitioning[],
): ServiceModule<R> {
  const maintain = async (runtime: R) => {
    for (const spec of tables(runtime)) {
      const { created, dropped } = await maintainMonthlyPartitions(runtime.orm.em.getConnection(), spec);
      if (created.length || dropped.length)
        logger().info({ table: spec.table, created, dropped }, 'monthly partitions maintained');
    }
  };
  return {
    resolvers: [],
    queues: [queue],
    startWorkers: async (runtime) => {
      await runtime.jobs.work(queue, () => maintain(runtime));
      await runtime.jobs.schedule(queue, MAINTENANCE_CRON, {}, { tz: CHINA_TIME_ZONE });
      try {
        await maintain(runtime);
      } catch (error) {
        // The daily job retries; start-up goes on (PARTITION_MONTHS_AHEAD months are there).
        logger().error({ err: error, queue }, 'start-up partition maintenance failed');
      }
    },
  };
}

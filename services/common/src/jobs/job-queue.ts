import PgBoss from 'pg-boss';
import { logger } from '../logging/logger';

export type JobQueue = PgBoss;

const MAINTENANCE_INTERVAL_SECONDS = 5;

/**
 * The PostgreSQL-backed job queue (pg-boss) for scheduled and retried work. Each
 * service keeps its jobs in its own schema (`<service>_jobs`) so services stay
 * separable; a restarted service picks up every job that was not completed.
 */
export async function startJobQueue(options: {
  url: string;
  schema: string;
  queues: string[];
}): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema,
    max: 4,
    application_name: `${options.schema}-worker`,
    // Maintenance is what hands out again the jobs of a worker that died mid-job (their
    // expiry passed); pg-boss's default of every two minutes would leave them waiting
    // that long after a crash. One locked update every few seconds is cheap.
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on('error', (error: unknown) => {
    // 57P01: the server is shutting down (Ctrl-C reaches PostgreSQL too); not a fault.
    if ((error as { code?: string }).code === '57P01')
      logger().debug('job queue connection closed by server shutdown');
    else logger().error({ err: error }, 'job queue error');
  });
  await boss.start();
  for (const name of options.queues) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  return boss;
}

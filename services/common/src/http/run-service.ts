import type { Constructor, MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfigOrExit } from '../config/config';
import { openDatabase } from '../db/orm';
import { serviceDatabaseUrl } from '../db/database-url';
import { configureLogger, logger } from '../logging/logger';
import { stopOnSignals } from './shutdown';
import type { Listening } from './service-app';
import { startMetricsServer, type MetricsListenConfig } from '../metrics/metrics-server';
import { stopTracing } from '../tracing/lifecycle';

interface RunnableConfig {
  logLevel: string;
  db: { url: string | undefined; poolMax?: number; readUrl?: string; directUrl?: string };
  /** The internal `/metrics` listener. */
  metrics: MetricsListenConfig;
}

/**
 * A subgraph's process entry, the same for every service: config (one clear line per
 * problem) → database (configured or embedded) with migrations → optional start-up work
 * → server → listen, and `/metrics` on the internal metrics listener → graceful stop on
 * SIGINT/SIGTERM, or when the parent's IPC channel closes (see `stopOnSignals`).
 *
 * With `--migrate` the process only brings its schema up to date and exits (0 once the
 * migrations are applied): a release step or init container that runs before the new
 * version's replicas, and how another service's tests get this service's schema without
 * importing its code.
 */
export function runService<C extends RunnableConfig>(options: {
  name: string;
  schema: string;
  loadConfig: () => C;
  entities: Constructor[];
  migrations: MigrationObject[];
  beforeStart?: (orm: MikroORM, config: C) => Promise<unknown> | void;
  createServer: (deps: { orm: MikroORM; config: C; databaseUrl: string }) => Promise<{
    start: () => Promise<Listening>;
    stop: () => Promise<void>;
  }>;
}): void {
  const main = async () => {
    const config = loadConfigOrExit(options.loadConfig);
    configureLogger({ service: options.name, level: config.logLevel });
    const database = await serviceDatabaseUrl(config.db.url);
    const orm = await openDatabase({
      url: database.url,
      schema: options.schema,
      entities: options.entities,
      migrations: options.migrations,
      poolMax: config.db.poolMax,
      ...(config.db.readUrl ? { readUrl: config.db.readUrl } : {}),
      ...(config.db.directUrl ? { directUrl: config.db.directUrl } : {}),
    });
    if (process.argv.includes('--migrate')) {
      logger().info(`${options.name} schema up to date; exiting (--migrate)`);
      await orm.close();
      await database.stop();
      process.exit(0);
    }
    await options.beforeStart?.(orm, config);
    const server = await options.createServer({ orm, config, databaseUrl: database.url });
    const listening = await server.start();
    logger().info({ url: listening.url }, `${options.name} subgraph listening`);
    const metrics = await startMetricsServer(config.metrics);
    logger().info({ url: `${metrics.url}/metrics` }, 'metrics listening (internal)');
    stopOnSignals([
      () => server.stop(),
      () => metrics.close(),
      () => orm.close(),
      () => database.stop(),
      () => stopTracing(),
    ]);
  };
  main().catch((error: unknown) => {
    logger().fatal({ err: error }, `${options.name} service failed to start`);
    process.exit(1);
  });
}

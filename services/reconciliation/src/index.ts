import 'reflect-metadata';
import {
  configureLogger,
  loadConfigOrExit,
  logger,
  openDatabase,
  serviceDatabaseUrl,
  stopOnSignals,
} from '@pay/common';
import { loadReconciliationConfig } from './config';
import { reconciliationEntities } from './db/entities';
import { reconciliationMigrations } from './db/migrations';
import { createReconciliationServer } from './server';

/** Process entry: config → database → server → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadReconciliationConfig());
  configureLogger({ service: 'reconciliation', level: config.logLevel });
  const database = await serviceDatabaseUrl(config.db.url);
  const orm = await openDatabase({
    url: database.url,
    schema: 'reconciliation',
    entities: reconciliationEntities,
    migrations: reconciliationMigrations,
  });
  const server = await createReconciliationServer({ orm, config, databaseUrl: database.url });
  const listening = await server.start();
  logger().info({ url: listening.url }, 'reconciliation subgraph listening');
  stopOnSignals([() => server.stop(), () => orm.close(), () => database.stop()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'reconciliation service failed to start');
  process.exit(1);
});

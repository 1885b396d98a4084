import 'reflect-metadata';
import {
  configureLogger,
  loadConfigOrExit,
  logger,
  openDatabase,
  serviceDatabaseUrl,
  stopOnSignals,
} from '@pay/common';
import { loadOrdersConfig } from './config';
import { ordersEntities } from './db/entities';
import { ordersMigrations } from './db/migrations';
import { createOrdersServer } from './server';
import { seedDemoData } from './db/seeders/demo-data';

/** Process entry: config → database → server → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadOrdersConfig());
  configureLogger({ service: 'orders', level: config.logLevel });
  const database = await serviceDatabaseUrl(config.db.url);
  const url = database.url;
  const orm = await openDatabase({
    url,
    schema: 'orders',
    entities: ordersEntities,
    migrations: ordersMigrations,
  });
  if (config.seedDemoData) await seedDemoData(orm.em.fork());
  const server = await createOrdersServer({ orm, config, databaseUrl: url });
  const listening = await server.start();
  logger().info({ url: listening.url }, 'orders subgraph listening');

  stopOnSignals([() => server.stop(), () => orm.close(), () => database.stop()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'orders service failed to start');
  process.exit(1);
});

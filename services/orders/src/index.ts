import 'reflect-metadata';
import {
  configureLogger,
  loadConfigOrExit,
  logger,
  openDatabase,
  startEmbeddedPostgres,
  stopOnSignals,
} from '@pay/common';
import { join } from 'node:path';
import { loadOrdersConfig } from './config';
import { ordersEntities } from './db/entities';
import { ordersMigrations } from './db/migrations';
import { createOrdersServer } from './server';
import { seedDemoData } from './db/seeders/demo-data';

/** Process entry: config → database → server → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadOrdersConfig());
  configureLogger({ service: 'orders', level: config.logLevel });
  let url = config.db.url;
  let embedded: { stop: () => Promise<void> } | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres(join(__dirname, '..', '..', '..', '.data', 'pg'));
    embedded = pg;
    url = pg.adminUrl;
  }
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

  stopOnSignals([() => server.stop(), () => orm.close(), async () => embedded?.stop()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'orders service failed to start');
  process.exit(1);
});

import 'reflect-metadata';
import {
  configureLogger,
  loadConfigOrExit,
  logger,
  openDatabase,
  serviceDatabaseUrl,
  stopOnSignals,
} from '@pay/common';
import { loadLedgerConfig } from './config';
import { ledgerEntities } from './db/entities';
import { ledgerMigrations } from './db/migrations';
import { createLedgerServer } from './server';
import { seedClearingDemo } from './db/seeders/clearing-demo';
import { warnWithoutMerchantSecurity } from './modules/withdrawal/merchant-security.client';

/** Process entry: config → database → server → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadLedgerConfig());
  configureLogger({ service: 'ledger', level: config.logLevel });
  warnWithoutMerchantSecurity(config);
  const database = await serviceDatabaseUrl(config.db.url);
  const url = database.url;
  const orm = await openDatabase({
    url,
    schema: 'ledger',
    entities: ledgerEntities,
    migrations: ledgerMigrations,
  });
  if (config.seedDemoData) await seedClearingDemo(orm.em.fork());
  const server = await createLedgerServer({ orm, config, databaseUrl: url });
  const listening = await server.start();
  logger().info({ url: listening.url }, 'ledger subgraph listening');
  stopOnSignals([() => server.stop(), () => orm.close(), () => database.stop()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'ledger service failed to start');
  process.exit(1);
});

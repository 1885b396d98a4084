// First: tracing (when the OTEL_* variables ask for it) must patch http, express and pg before they load.
import '@pay/common/dist/tracing/register';
import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadLedgerConfig } from './config';
import { ledgerEntities } from './db/entities';
import { ledgerMigrations } from './db/migrations';
import { createLedgerServer } from './server';
import { seedClearingDemo } from './db/seeders/clearing-demo';
import { warnWithoutMerchantSecurity } from './modules/withdrawal/merchant-security.client';

runService({
  name: 'ledger',
  schema: 'ledger',
  loadConfig: () => loadLedgerConfig(),
  entities: ledgerEntities,
  migrations: ledgerMigrations,
  beforeStart: async (orm, config) => {
    warnWithoutMerchantSecurity(config);
    if (config.seedDemoData) await seedClearingDemo(orm.em.fork());
  },
  createServer: createLedgerServer,
});

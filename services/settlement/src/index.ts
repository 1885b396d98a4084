// First: tracing (when the OTEL_* variables ask for it) must patch http, express and pg before they load.
import '@pay/common/dist/tracing/register';
import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadSettlementConfig } from './config';
import { settlementEntities } from './db/entities';
import { settlementMigrations } from './db/migrations';
import { seedSettlementDemo } from './db/seeders/demo-data';
import { createSettlementServer } from './server';

runService({
  name: 'settlement',
  schema: 'settlement',
  loadConfig: () => loadSettlementConfig(),
  entities: settlementEntities,
  migrations: settlementMigrations,
  beforeStart: async (orm, config) => {
    if (config.seedDemoData) await seedSettlementDemo(orm.em.fork());
  },
  createServer: createSettlementServer,
});

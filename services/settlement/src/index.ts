import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadSettlementConfig } from './config';
import { settlementEntities } from './db/entities';
import { settlementMigrations } from './db/migrations';
import { createSettlementServer } from './server';

runService({
  name: 'settlement',
  schema: 'settlement',
  loadConfig: () => loadSettlementConfig(),
  entities: settlementEntities,
  migrations: settlementMigrations,
  createServer: createSettlementServer,
});

// First: tracing (when the OTEL_* variables ask for it) must patch http, express and pg before they load.
import '@pay/common/dist/tracing/register';
import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadReconciliationConfig } from './config';
import { reconciliationEntities } from './db/entities';
import { reconciliationMigrations } from './db/migrations';
import { createReconciliationServer } from './server';

runService({
  name: 'reconciliation',
  schema: 'reconciliation',
  loadConfig: () => loadReconciliationConfig(),
  entities: reconciliationEntities,
  migrations: reconciliationMigrations,
  createServer: createReconciliationServer,
});

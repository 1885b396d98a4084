// What other workspaces (end-to-end tests, scripts, benchmarks) use.
export { createReconciliationServer, type ReconciliationServer } from './server';
export { buildReconciliationSchema } from './schema';
export { loadReconciliationConfig, testReconciliationConfig, type ReconciliationConfig } from './config';
export { reconciliationEntities } from './db/entities';
export { reconciliationMigrations } from './db/migrations';
export { statementDirOf } from './modules/statement/statement-store';

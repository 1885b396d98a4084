// What other workspaces (end-to-end tests, scripts, benchmarks) use.
export { createSettlementServer, type SettlementServer } from './server';
export { buildSettlementSchema } from './schema';
export { loadSettlementConfig, testSettlementConfig, type SettlementConfig } from './config';
export { settlementEntities } from './db/entities';
export { settlementMigrations } from './db/migrations';
export { SETTLEMENT_DEMO, seedSettlementDemo } from './db/seeders/demo-data';

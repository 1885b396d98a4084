// What other workspaces (end-to-end tests, scripts, benchmarks) use.
export { createSettlementServer, type SettlementServer } from './server';
export { buildSettlementSchema } from './schema';
export { loadSettlementConfig, testSettlementConfig, type SettlementConfig } from './config';
export { settlementEntities } from './db/entities';
export { settlementMigrations } from './db/migrations';
export { SETTLEMENT_DEMO, seedSettlementDemo } from './db/seeders/demo-data';
export {
  runSettlement,
  SETTLEMENT_RUN_QUEUE,
  type SettlementRunRequest,
  type SettlementRunResult,
} from './modules/settlement';
export {
  issueMonthlyBills,
  MONTHLY_BILLS_QUEUE,
  BILLING_REDRIVE_QUEUE,
  ALIPAY_RECHARGE_NOTIFY_PATH,
} from './modules/billing';

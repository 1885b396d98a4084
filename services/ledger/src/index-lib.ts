// What other workspaces (end-to-end tests, scripts, benchmarks) use.
export { createLedgerServer, type LedgerServer } from './server';
export { buildLedgerSchema } from './schema';
export { loadLedgerConfig, testLedgerConfig, type LedgerConfig } from './config';
export { ledgerEntities } from './db/entities';
export { ledgerMigrations } from './db/migrations';
export { post, type PostingInput, type LegInput } from './modules/posting/posting.service';
export {
  PostingBatcher,
  PostingBatchFailed,
  attachPostingBatcher,
  detachPostingBatcher,
  type PostingBatcherOptions,
} from './modules/posting/posting-batcher';
export { PostingRefused } from './modules/posting/posting-entry';
export { ADJUSTMENT, AccountPurpose, merchantAccount, OwnerType } from './modules/account/account-purpose';
export { PostingType } from './modules/posting/posting-type';
export { seedClearingDemo, CLEARING_DEMO, type ClearingDemo } from './db/seeders/clearing-demo';
export { clearingDrift } from './modules/clearing/main-account/main-account.query';
export { childAccountDrift } from './modules/clearing/child-account/child-account.query';
export { postingKeyDrift } from './modules/posting/posting-keys';
export { unfreezeMerchant } from './modules/balance/unfreeze.service';
export { verifyLedger, findingCount, formatReport } from './modules/verify/ledger-verify';

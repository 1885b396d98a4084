import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121170000_withdrawal_request_id } from './Migration20261121170000_withdrawal_request_id';
import { Migration20261121100000_ledger } from './Migration20261121100000_ledger';
import { Migration20261121121000_withdrawals } from './Migration20261121121000_withdrawals';
import { Migration20261121130000_clearing } from './Migration20261121130000_clearing';
import { Migration20261121140000_posting_order_ref } from './Migration20261121140000_posting_order_ref';
import { Migration20261121150000_posting_effective_at } from './Migration20261121150000_posting_effective_at';
import { Migration20261121180000_settlement_accounts } from './Migration20261121180000_settlement_accounts';
import { Migration20261205100000_group_commit } from './Migration20261205100000_group_commit';
import { Migration20261206100000_withdrawal_batch } from './Migration20261206100000_withdrawal_batch';
import { Migration20261206101000_batch_lock_order } from './Migration20261206101000_batch_lock_order';
import { Migration20261206140000_function_sources } from './Migration20261206140000_function_sources';
import { Migration20261208100000_leg_partitions } from './Migration20261208100000_leg_partitions';
import { Migration20261208120000_posting_partitions } from './Migration20261208120000_posting_partitions';
import { Migration20261209100000_set_based_withdrawals } from './Migration20261209100000_set_based_withdrawals';

/** Checked-in migrations, oldest first. */
export const ledgerMigrations: MigrationObject[] = [
  { name: 'Migration20261121100000_ledger', class: Migration20261121100000_ledger },
  { name: 'Migration20261121121000_withdrawals', class: Migration20261121121000_withdrawals },
  { name: 'Migration20261121130000_clearing', class: Migration20261121130000_clearing },
  { name: 'Migration20261121140000_posting_order_ref', class: Migration20261121140000_posting_order_ref },
  {
    name: 'Migration20261121150000_posting_effective_at',
    class: Migration20261121150000_posting_effective_at,
  },
  {
    name: 'Migration20261121170000_withdrawal_request_id',
    class: Migration20261121170000_withdrawal_request_id,
  },
  {
    name: 'Migration20261121180000_settlement_accounts',
    class: Migration20261121180000_settlement_accounts,
  },
  { name: 'Migration20261205100000_group_commit', class: Migration20261205100000_group_commit },
  {
    name: 'Migration20261206100000_withdrawal_batch',
    class: Migration20261206100000_withdrawal_batch,
  },
  { name: 'Migration20261206101000_batch_lock_order', class: Migration20261206101000_batch_lock_order },
  { name: 'Migration20261206140000_function_sources', class: Migration20261206140000_function_sources },
  { name: 'Migration20261208100000_leg_partitions', class: Migration20261208100000_leg_partitions },
  { name: 'Migration20261208120000_posting_partitions', class: Migration20261208120000_posting_partitions },
  {
    name: 'Migration20261209100000_set_based_withdrawals',
    class: Migration20261209100000_set_based_withdrawals,
  },
];

import { ENSURE_ACCOUNT } from './ensure-account';
import { POST_ENTRIES } from './post-entries';
import { POST_ENTRY } from './post-entry';
import { REQUEST_WITHDRAWALS } from './request-withdrawals';
import { REQUEST_WITHDRAWALS_EACH } from './request-withdrawals-each';
import { UNFREEZABLE_AMOUNT } from './unfreezable-amount';

/**
 * The ledger's PL/pgSQL functions as they are now, one file each: read them here, not
 * across the migrations that created their earlier versions. To change one, edit its
 * file and add a migration that runs `create or replace` from these sources again (as
 * Migration20261206140000_function_sources does); `test/integration/function-sources.spec.ts`
 * fails while the database's body differs from its file.
 */
export const LEDGER_FUNCTIONS: readonly { name: string; sql: string }[] = [
  { name: 'ensure_account', sql: ENSURE_ACCOUNT },
  { name: 'post_entry', sql: POST_ENTRY },
  { name: 'post_entries', sql: POST_ENTRIES },
  { name: 'unfreezable_amount', sql: UNFREEZABLE_AMOUNT },
  { name: 'request_withdrawals_each', sql: REQUEST_WITHDRAWALS_EACH },
  { name: 'request_withdrawals', sql: REQUEST_WITHDRAWALS },
];

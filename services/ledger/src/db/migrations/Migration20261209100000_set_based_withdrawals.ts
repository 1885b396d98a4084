import { Migration } from '@mikro-orm/migrations';
import { LEDGER_FUNCTIONS } from '../functions';

/**
 * Withdrawal requests set-based: `request_withdrawals` checks each entry without a
 * subtransaction, posts the debits of those that pass through `post_entries` in one
 * call, and records the withdrawals, their logs and the balances to answer one
 * statement each. The entry-by-entry version stays as `request_withdrawals_each`, what
 * it falls back to when something unforeseen fails the set. Functions reloaded from
 * their current sources (checksums below).
 */
export class Migration20261209100000_set_based_withdrawals extends Migration {
  static readonly functionChecksums: Readonly<Record<string, string>> = {
    ensure_account: 'f5ec3a35e2946061e6c1589fa96a0c34',
    post_entry: '191c0e563eacb5f961cf2c931314dabd',
    post_entries: '127434da0ee638642399c90ab45e8d74',
    unfreezable_amount: '39be8e3830f2860f809103a55af20c31',
    request_withdrawals_each: 'c27e8432a4518f600abbbfa71b98d9ff',
    request_withdrawals: 'afef3c4267562f0a9a95d40a27384b7f',
  };

  override async up(): Promise<void> {
    for (const fn of LEDGER_FUNCTIONS) this.addSql(fn.sql);
  }
}

import { Migration } from '@mikro-orm/migrations';
import { LEDGER_FUNCTIONS } from '../functions';

/**
 * Every ledger function from its current source file (src/db/functions/); nothing changes
 * in behaviour. `functionChecksums` records the md5 of each source as this migration
 * loaded it: a later edit of a source without a newer migration that reloads it (and
 * records the new checksum) fails function-sources.spec.ts, so an edit can never reach
 * fresh databases only.
 */
export class Migration20261206140000_function_sources extends Migration {
  static readonly functionChecksums: Readonly<Record<string, string>> = {
    ensure_account: 'f5ec3a35e2946061e6c1589fa96a0c34',
    post_entry: 'ef927de1ef972ffec93bdd65f88453a5',
    post_entries: '7153a2dae2f8ed649d0cef698f98b483',
    unfreezable_amount: '39be8e3830f2860f809103a55af20c31',
    request_withdrawals: '48a735de1e280c748cbc194548f323cf',
  };

  override async up(): Promise<void> {
    for (const fn of LEDGER_FUNCTIONS) this.addSql(fn.sql);
  }
}

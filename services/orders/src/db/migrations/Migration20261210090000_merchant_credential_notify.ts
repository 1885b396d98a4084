import { Migration } from '@mikro-orm/migrations';

/**
 * Tells every orders process when a merchant's status or signing key changes, however it
 * changes (a mutation, an operator's SQL, a restore): `pg_notify` on
 * `orders_merchant_credentials` with the merchant's id, or `*` when the table is
 * truncated, sent when the change commits. The merchant API's signature verdicts keep
 * what they read in memory and drop it on that notice (merchant-credentials.ts).
 */
export class Migration20261210090000_merchant_credential_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "merchant_credentials_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          perform pg_notify('orders_merchant_credentials', '*');
        elsif tg_op = 'DELETE'
           or old.status is distinct from new.status
           or old.signing_key is distinct from new.signing_key
           or old.id is distinct from new.id then
          perform pg_notify('orders_merchant_credentials', old.id::text);
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger "merchant_credentials_changed" after update or delete on "merchant"
      for each row execute function "merchant_credentials_changed"()`);
    this.addSql(`create trigger "merchant_credentials_truncated" after truncate on "merchant"
      for each statement execute function "merchant_credentials_changed"()`);
  }
}

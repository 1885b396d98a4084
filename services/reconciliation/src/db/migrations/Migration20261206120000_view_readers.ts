import { Migration } from '@mikro-orm/migrations';

/**
 * `settlement_payment_v1` is published for other services: readable by the group role of its
 * readers (`payoffice_view_readers`, made with the service roles; see
 * services/common/src/db/service-roles.ts) when that role exists. Without service roles
 * (one database user for everything, as `npm start`) there is nothing to grant. A later
 * migration that drops and re-creates the view must grant again.
 */
export class Migration20261206120000_view_readers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'payoffice_view_readers') then
        grant select on settlement_payment_v1 to payoffice_view_readers;
      end if;
    end $$`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * A read-only view the orders service publishes for other services' bulk reads
 * (ARCHITECTURE.md, "Boundaries"): the settlement service lists and filters settlement
 * accounts and bills by merchant name, shows the sales person (the merchant's agent) and
 * checks API recharges against the merchant's own IP allow-list. Versioned: a change of
 * shape is a new `_v2` view, and `_v1` stays until its readers have moved.
 */
export class Migration20261121180000_merchant_directory_view extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "merchant_directory_v1" as
      select m."id" as "merchant_id", m."name" as "merchant_name", m."status" as "status",
             a."name" as "sales_name", m."ip_allow_list" as "ip_allow_list"
      from "merchant" m left join "agent" a on a."id" = m."agent_id"`);
  }
}

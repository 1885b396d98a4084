import { Migration } from '@mikro-orm/migrations';

/**
 * The per-order reconciliation status moves out of the wide `payment` table (five
 * indexes: rewriting a million of its rows per run is most of a run's order-status
 * phase) into a narrow table of its own. No row = 2 (not yet reconciled).
 */
export class Migration20261121165000_payment_reconciliation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "payment_reconciliation" (
      "platform_order_no" varchar(32) primary key,
      "status" smallint not null check ("status" between 1 and 5)
    )`);
    this.addSql(`insert into "payment_reconciliation" ("platform_order_no", "status")
      select "platform_order_no", "reconciliation_status" from "payment" where "reconciliation_status" <> 2`);
    this.addSql(`alter table "payment" drop column "reconciliation_status"`);
  }
}

import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';

/**
 * Manual actions' audit trail grows with every operator action and is read per order:
 * `order_audit` becomes partitioned by month of `created_at`, so old months can be
 * detached and archived whole (ORDER_AUDIT_RETENTION_MONTHS; kept forever by default — it
 * is an audit trail). Nothing references it.
 */
export class Migration20261208090000_order_audit_partitions extends Migration {
  override async up(): Promise<void> {
    for (const sql of partitionByMonthSql({
      table: 'order_audit',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "order_audit" add constraint "order_audit_order_id_fkey" foreign key ("order_id") references "order" ("id")`,
        `create index "order_audit_order_index" on "order_audit" ("order_id", "created_at")`,
      ],
    }))
      this.addSql(sql);
  }
}

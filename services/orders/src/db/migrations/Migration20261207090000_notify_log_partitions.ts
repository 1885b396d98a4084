import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';

/**
 * Notification attempts grow with every paid order and are kept only for a while
 * (NOTIFY_LOG_RETENTION_MONTHS): `notify_log` becomes partitioned by month of `created_at`,
 * so old months are dropped whole instead of deleted row by row. Nothing references it.
 */
export class Migration20261207090000_notify_log_partitions extends Migration {
  override async up(): Promise<void> {
    for (const sql of partitionByMonthSql({
      table: 'notify_log',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "notify_log" add constraint "notify_log_order_id_fkey" foreign key ("order_id") references "order" ("id")`,
        `create index "notify_log_order_index" on "notify_log" ("order_id", "id")`,
      ],
    }))
      this.addSql(sql);
  }
}

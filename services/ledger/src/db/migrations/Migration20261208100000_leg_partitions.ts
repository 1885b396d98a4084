import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';

/**
 * Legs are the money logs: about five per payment, the fastest-growing table of the
 * books. `leg` becomes partitioned by month of `created_at` (China time), so a month can
 * be detached and archived whole once it is no longer read online; nothing drops a month
 * of the books (`booksPartitionsModule` only makes the months ahead). Nothing references a
 * leg; the posting functions insert into the table as before.
 */
export class Migration20261208100000_leg_partitions extends Migration {
  override async up(): Promise<void> {
    for (const sql of partitionByMonthSql({
      table: 'leg',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "leg" add constraint "leg_posting_id_fkey" foreign key ("posting_id") references "posting" ("id")`,
        `alter table "leg" add constraint "leg_account_id_fkey" foreign key ("account_id") references "account" ("id")`,
        `create index "leg_account_index" on "leg" ("account_id", "id")`,
        `create index "leg_posting_index" on "leg" ("posting_id")`,
        `create index "leg_account_created_index" on "leg" ("account_id", "created_at")`,
        `create index "leg_account_type_index" on "leg" ("account_id", "type", "id")`,
      ],
    }))
      this.addSql(sql);
  }
}

import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';

/**
 * Statement lines and reconciliation results grow with every channel's every day (a line
 * per payment and refund, a result per order and orphan line per run): both become
 * partitioned by month, China time — lines by `trade_time` (a run reads one source's lines
 * of one period, so it reads one or two months' partitions), results by `created_at`
 * (every row of a run is written in the run's transaction, so one run's results sit in one
 * month). Nothing drops a month (`reconciliationPartitionsModule` only makes the months
 * ahead): results carry resolutions, the audit trail; a month no longer read online is
 * archived by detaching its partitions (docs/production.md).
 *
 * A partitioned table's unique keys must hold the partition key: a result's code (drawn
 * from a sequence) and its (run, order key) are unique together with `created_at`, which
 * is one value per run. A resolution now names its result by (id, created_at), so its
 * foreign key still holds; results' created_at is kept to milliseconds for that.
 */
export class Migration20261209110000_reconciliation_partitions extends Migration {
  override async up(): Promise<void> {
    // Milliseconds, as JavaScript dates have them: a resolution copies its result's
    // created_at from the entity, and the foreign key compares it exactly.
    this.addSql(`update "reconciliation_result" set "created_at" = date_trunc('milliseconds', "created_at")
      where "created_at" <> date_trunc('milliseconds', "created_at")`);
    this.addSql(
      `alter table "reconciliation_result" alter column "created_at" set default date_trunc('milliseconds', now())`,
    );
    this.addSql(`alter table "resolution" drop constraint "resolution_result_id_fkey"`);
    this.addSql(`alter table "resolution" add column "result_created_at" timestamptz null`);
    this.addSql(`update "resolution" s set "result_created_at" = r."created_at"
      from "reconciliation_result" r where r."id" = s."result_id"`);
    this.addSql(`alter table "resolution" alter column "result_created_at" set not null`);
    for (const sql of partitionByMonthSql({
      table: 'reconciliation_result',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "reconciliation_result" add constraint "reconciliation_result_code_unique" unique ("code", "created_at")`,
        `alter table "reconciliation_result" add constraint "reconciliation_result_run_order_unique" unique ("run_id", "order_key", "created_at")`,
        `create index "reconciliation_result_order_index" on "reconciliation_result" ("platform_order_no", "id")`,
        `create index "reconciliation_result_discrepancy_index" on "reconciliation_result" ("issue", "id") where "issue" <> 4`,
        `create index "reconciliation_result_settled_index" on "reconciliation_result" ("settled_by_run_id") where "settled_by_run_id" is not null`,
        `create index "reconciliation_result_doubtful_index" on "reconciliation_result" ("source", "order_key") where "issue" = 0 and "settled_by_run_id" is null`,
      ],
    }))
      this.addSql(sql);
    this.addSql(`alter table "resolution" add constraint "resolution_result_fkey"
      foreign key ("result_id", "result_created_at") references "reconciliation_result" ("id", "created_at")`);

    for (const sql of partitionByMonthSql({
      table: 'statement_line',
      column: 'trade_time',
      primaryKey: ['id'],
      recreate: [
        `alter table "statement_line" add constraint "statement_line_statement_id_fkey" foreign key ("statement_id") references "statement" ("id")`,
        `create index "statement_line_statement_time_index" on "statement_line" ("statement_id", "trade_time")`,
        `create index "statement_line_order_index" on "statement_line" ("platform_order_no")`,
        `create index "statement_line_transaction_index" on "statement_line" ("transaction_id")`,
        `create index "statement_line_current_source_time_index" on "statement_line" ("source", "trade_time") where "current"`,
      ],
    }))
      this.addSql(sql);
  }
}

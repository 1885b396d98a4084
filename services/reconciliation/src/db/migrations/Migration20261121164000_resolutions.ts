import { Migration } from '@mikro-orm/migrations';

/**
 * Resolutions of discrepancies: who asked for what, with which note, whether a second
 * operator had to approve it (maker-checker above a configured amount), and what the
 * orders service answered. Rows are appended and moved forward, never deleted: they are
 * the audit trail.
 */
export class Migration20261121164000_resolutions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "resolution" (
      "id" bigserial primary key,
      "result_id" bigint not null references "reconciliation_result" ("id"),
      "action" varchar(20) not null check ("action" in ('COMPLETE_ORDER', 'CANCEL_ORDER', 'REFUND_ORDER', 'ACCEPT')),
      "state" varchar(20) not null check ("state" in ('PENDING_APPROVAL', 'APPROVED', 'EXECUTED', 'REJECTED', 'FAILED')),
      "amount" bigint not null,
      "note" varchar(500) not null,
      "requested_by" varchar(200) not null,
      "requested_at" timestamptz not null default now(),
      "approved_by" varchar(200) null,
      "decided_at" timestamptz null,
      "executed_at" timestamptz null,
      "outcome" varchar(500) null
    )`);
    this.addSql(`create index "resolution_result_index" on "resolution" ("result_id", "id")`);
    // At most one resolution in flight per result.
    this.addSql(
      `create unique index "resolution_open_unique" on "resolution" ("result_id") where "state" in ('PENDING_APPROVAL', 'APPROVED')`,
    );
  }
}

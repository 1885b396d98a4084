import { Migration } from '@mikro-orm/migrations';

/**
 * One current statement per source and bill date (issue 12): a corrected file replaces
 * the earlier one only when the operator says so, and the replaced one stays as history.
 *
 * - `statement.superseded_at` / `replaced_by_id`: set on the replaced statement; a
 *   statement is current while `superseded_at` is null, and at most one per source and
 *   bill date is (a partial unique index, the last guard against two concurrent imports).
 * - `statement_line.current`: a copy of "its statement is current", set in bulk (one
 *   UPDATE by statement id) when the statement is replaced. Matching reads lines by
 *   source and trade time over up to a million rows; a flag on the row keeps that a plain
 *   range scan instead of a join of every line with its statement. Adding it with a
 *   constant default rewrites nothing (PostgreSQL 11+).
 * - The (source, trade_time) index matching uses becomes partial (current lines only),
 *   and the statement_id index gains trade_time, so "which statements have lines in this
 *   period" is one index probe per statement.
 * - `reconciliation_run_statement`: which statements a run used.
 *
 * Days that already have several statements of one source (the double counting this
 * fixes) keep the newest as current; the older ones become its history.
 */
export class Migration20261206100000_current_statements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "statement"
      add column "superseded_at" timestamptz null,
      add column "replaced_by_id" bigint null references "statement" ("id")`);
    this.addSql(`alter table "statement_line" add column "current" boolean not null default true`);
    this.addSql(`with newest as (
        select distinct on (source, bill_date) id, source, bill_date from "statement"
        order by source, bill_date, imported_at desc, id desc
      )
      update "statement" s set superseded_at = now(), replaced_by_id = n.id
      from newest n
      where s.source = n.source and s.bill_date = n.bill_date and s.id <> n.id`);
    this.addSql(`update "statement_line" l set current = false
      from "statement" s where s.id = l.statement_id and s.superseded_at is not null`);
    this.addSql(`create unique index "statement_current_unique" on "statement" ("source", "bill_date")
      where "superseded_at" is null`);

    this
      .addSql(`create index "statement_line_current_source_time_index" on "statement_line" ("source", "trade_time")
      where "current"`);
    this.addSql(`drop index "statement_line_source_time_index"`);
    this.addSql(
      `create index "statement_line_statement_time_index" on "statement_line" ("statement_id", "trade_time")`,
    );
    this.addSql(`drop index "statement_line_statement_index"`);

    this.addSql(`create table "reconciliation_run_statement" (
      "run_id" bigint not null references "reconciliation_run" ("id"),
      "statement_id" bigint not null references "statement" ("id"),
      primary key ("run_id", "statement_id")
    )`);
  }
}

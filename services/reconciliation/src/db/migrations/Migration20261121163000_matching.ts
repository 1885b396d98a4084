import { Migration } from '@mikro-orm/migrations';

/**
 * Reconciliation runs and their per-order results (the `/pay/check_bills` header and
 * grid), and per-source matching settings.
 */
export class Migration20261121163000_matching extends Migration {
  override async up(): Promise<void> {
    // A run covers one source and a period [period_start, period_end). The counts are the
    // header of `/pay/check_bills`: line_count/line_amount over every result row (one row
    // per order or orphan channel line), matched = issues 4/5/6, abnormal = issues 1/2/3,
    // doubtful = issue 0. They are recomputed when a later run settles a doubtful row.
    this.addSql(`create table "reconciliation_run" (
      "id" bigserial primary key,
      "code" char(32) not null,
      "source" varchar(40) not null,
      "period_start" timestamptz not null,
      "period_end" timestamptz not null,
      "person" varchar(200) not null,
      "remark" varchar(500) null,
      "auto_only" boolean not null default false,
      "status" varchar(10) not null default 'RUNNING' check ("status" in ('RUNNING', 'DONE', 'FAILED')),
      "error" varchar(500) null,
      "statement_line_count" int not null default 0,
      "line_count" int not null default 0,
      "line_amount" bigint not null default 0,
      "matched_count" int not null default 0,
      "matched_amount" bigint not null default 0,
      "abnormal_count" int not null default 0,
      "abnormal_amount" bigint not null default 0,
      "doubtful_count" int not null default 0,
      "doubtful_amount" bigint not null default 0,
      "created_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      constraint "reconciliation_run_code_unique" unique ("code"),
      constraint "reconciliation_run_period_check" check ("period_end" > "period_start")
    )`);
    this.addSql(`create index "reconciliation_run_created_index" on "reconciliation_run" ("created_at")`);
    this.addSql(
      `create index "reconciliation_run_source_period_index" on "reconciliation_run" ("source", "period_start")`,
    );

    // One row per order (its payment line and all its refund lines, aggregated) or per
    // orphan channel order. order_key groups a run's lines: the platform order number when
    // the platform knows the order, else the line's order number, else 'tx:' + transaction
    // id. issue: 0 doubtful, 1 surplus, 2 shortage, 3 abnormal, 4 normal, 5 reversed,
    // 6 refunded (pay-admin-api.md). A doubtful row keeps the issue it becomes when its
    // window closes in pending_issue, and doubtful_since counts from the first run that
    // doubted the order. settled_by_run_id: the later run that decided a doubtful row
    // (matched it, or expired it into pending_issue). resolved: set by the resolution module.
    // No foreign keys, deliberately: rows are written only by a run's own set-based
    // statements (matching.sql.ts) in its transaction, and a per-row FK check would cost a
    // large run seconds. The unique (run_id, order_key) index also serves the grid's pages.
    this.addSql(`create table "reconciliation_result" (
      "id" bigserial primary key,
      "code" char(32) not null,
      "run_id" bigint not null,
      "source" varchar(40) not null,
      "order_key" varchar(80) not null,
      "platform_order_no" varchar(32) null,
      "out_trade_no" varchar(64) null,
      "transaction_id" varchar(64) null,
      "statement_line_id" bigint null,
      "channel_line_count" int not null default 0,
      "refund_line_count" int not null default 0,
      "refunded_amount" bigint not null default 0,
      "issue" smallint not null check ("issue" between 0 and 6),
      "pending_issue" smallint null check ("pending_issue" in (1, 2)),
      "note" varchar(500) not null,
      "trade_time" timestamptz null,
      "pay_money" bigint not null,
      "channel_amount" bigint null,
      "platform_amount" bigint null,
      "channel_state" varchar(20) not null,
      "platform_state" varchar(20) not null,
      "platform_status" varchar(40) null,
      "payer" varchar(128) null,
      "merchant_id" int null,
      "merchant_name" varchar(100) null,
      "equipment_id" varchar(64) null,
      "doubtful_since" timestamptz null,
      "settled_by_run_id" bigint null,
      "settled_at" timestamptz null,
      "resolved" boolean not null default false,
      "created_at" timestamptz not null default now(),
      constraint "reconciliation_result_code_unique" unique ("code"),
      constraint "reconciliation_result_run_order_unique" unique ("run_id", "order_key")
    )`);
    this.addSql(
      `create index "reconciliation_result_order_index" on "reconciliation_result" ("platform_order_no", "id")`,
    );
    // Discrepancies (every verdict but normal) across runs.
    this
      .addSql(`create index "reconciliation_result_discrepancy_index" on "reconciliation_result" ("issue", "id")
      where "issue" <> 4`);
    this
      .addSql(`create index "reconciliation_result_settled_index" on "reconciliation_result" ("settled_by_run_id")
      where "settled_by_run_id" is not null`);
    // Open doubtful rows, re-checked by every later run of their source.
    this
      .addSql(`create index "reconciliation_result_doubtful_index" on "reconciliation_result" ("source", "order_key")
      where "issue" = 0 and "settled_by_run_id" is null`);

    // Per-source matching settings. pay_type: which payments the source's lines are
    // matched against (null: derived from the source name, see source-setting.ts).
    this.addSql(`create table "source_setting" (
      "source" varchar(40) primary key,
      "amount_tolerance_fen" bigint not null default 0 check ("amount_tolerance_fen" >= 0),
      "pay_type" varchar(20) null,
      "updated_by" varchar(200) not null,
      "updated_at" timestamptz not null default now()
    )`);
  }
}

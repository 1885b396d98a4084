import { Migration } from '@mikro-orm/migrations';

/**
 * The channels' side: imported statement files and their lines. A file is imported at
 * most once (source, bill date, content hash); its lines are written with COPY in the
 * same transaction, so a bad file leaves nothing behind.
 */
export class Migration20261121161000_statements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "statement" (
      "id" bigserial primary key,
      "source" varchar(40) not null,
      "template" varchar(60) not null,
      "bill_date" date not null,
      "content_hash" char(64) not null,
      "file_name" varchar(300) not null,
      "stored_path" varchar(500) null,
      "line_count" int not null default 0,
      "payment_count" int not null default 0,
      "payment_amount" bigint not null default 0,
      "refund_count" int not null default 0,
      "refund_amount" bigint not null default 0,
      "fee_amount" bigint not null default 0,
      "person" varchar(200) not null,
      "imported_at" timestamptz not null default now(),
      constraint "statement_source_date_hash_unique" unique ("source", "bill_date", "content_hash")
    )`);
    // One row per channel line. kind: PAYMENT (a successful payment), REFUND, REVOKED.
    // Amounts are fen: amount is the payment amount (0 for refund rows), refund_amount the
    // refunded amount (positive), fee the channel's fee in fen (rounded half-up from the file).
    this.addSql(`create table "statement_line" (
      "id" bigserial primary key,
      "statement_id" bigint not null references "statement" ("id"),
      "line_no" int not null,
      "source" varchar(40) not null,
      "kind" varchar(10) not null check ("kind" in ('PAYMENT', 'REFUND', 'REVOKED')),
      "trade_time" timestamptz not null,
      "platform_order_no" varchar(64) null,
      "transaction_id" varchar(64) null,
      "refund_no" varchar(64) null,
      "amount" bigint not null,
      "refund_amount" bigint not null default 0,
      "fee" bigint not null default 0,
      "payer" varchar(128) null,
      "device" varchar(64) null,
      "product" varchar(200) null
    )`);
    this.addSql(`create index "statement_line_statement_index" on "statement_line" ("statement_id")`);
    this.addSql(`create index "statement_line_order_index" on "statement_line" ("platform_order_no")`);
    this.addSql(`create index "statement_line_transaction_index" on "statement_line" ("transaction_id")`);
    this.addSql(
      `create index "statement_line_source_time_index" on "statement_line" ("source", "trade_time")`,
    );
  }
}

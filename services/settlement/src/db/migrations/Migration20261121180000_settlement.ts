import { Migration } from '@mikro-orm/migrations';

/**
 * Settlement accounts, periodic settlements and the orders each one settled. An order is
 * settled at most once: `settled_order` is keyed by the order number. Codes come from
 * sequences so they read like the legacy examples ("1", "10001").
 */
export class Migration20261121180000_settlement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "settlement_account_code_seq" start 1`);
    this.addSql(`create table "settlement_account" (
      "id" bigserial primary key,
      "code" varchar(20) not null default nextval('settlement_account_code_seq')::text,
      "merchant_id" integer not null,
      "method" smallint not null check ("method" between 1 and 4),
      "account_name" varchar(100) not null,
      "account_no" varchar(64) not null,
      "period" smallint not null default 0 check ("period" between 0 and 4),
      "remarks" varchar(500) null,
      "settled_until" timestamptz null,
      "is_delete" boolean not null default false,
      "created_by" varchar(200) not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "settlement_account_code_unique" unique ("code")
    )`);
    // Scheduled settlement uses a merchant's one account with a period.
    this.addSql(`create unique index "settlement_account_one_periodic" on "settlement_account" ("merchant_id")
      where "period" <> 0 and not "is_delete"`);
    this.addSql(`create index "settlement_account_merchant" on "settlement_account" ("merchant_id")`);

    this.addSql(`create sequence "settlement_code_seq" start 10001`);
    this.addSql(`create table "settlement" (
      "id" bigserial primary key,
      "code" varchar(20) not null default nextval('settlement_code_seq')::text,
      "merchant_id" integer not null,
      "account_id" bigint not null references "settlement_account" ("id"),
      "method" smallint not null check ("method" between 1 and 4),
      "order_count" integer not null check ("order_count" > 0),
      "total" bigint not null,
      "order_total" bigint not null,
      "period_start" timestamptz null,
      "period_end" timestamptz not null,
      "person" varchar(100) not null,
      "state" smallint not null default 1 check ("state" in (1, 2)),
      "settlement_time" timestamptz null,
      "settled_by" varchar(200) null,
      "voucher_sha256" char(64) null,
      "voucher_content_type" varchar(100) null,
      "voucher_size" integer null,
      "voucher_file_name" varchar(200) null,
      "remark" varchar(500) null,
      "payout_posting_id" bigint null,
      "is_delete" boolean not null default false,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "settlement_code_unique" unique ("code"),
      constraint "settlement_account_period_unique" unique ("account_id", "period_end"),
      constraint "settlement_settled_has_voucher" check ("state" = 1 or ("voucher_sha256" is not null and "settlement_time" is not null))
    )`);
    this.addSql(`create index "settlement_merchant" on "settlement" ("merchant_id", "created_at" desc)`);
    this.addSql(`create index "settlement_state" on "settlement" ("state", "created_at" desc)`);

    this.addSql(`create table "settled_order" (
      "platform_order_no" varchar(32) primary key,
      "settlement_id" bigint not null references "settlement" ("id"),
      "merchant_id" integer not null,
      "amount" bigint not null,
      "merchant_income" bigint not null,
      "paid_at" timestamptz not null
    )`);
    this.addSql(`create index "settled_order_settlement" on "settled_order" ("settlement_id")`);

    // Uploaded voucher files (content-addressed on disk); a settlement points at one.
    this.addSql(`create table "voucher_file" (
      "sha256" char(64) primary key,
      "content_type" varchar(100) not null,
      "size" integer not null,
      "file_name" varchar(200) not null,
      "uploaded_by" varchar(200) not null,
      "created_at" timestamptz not null default now()
    )`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Merchant billing (crm-billing-api.md): billing terms, monthly bills, prepaid-wallet
 * recharges and collections. Money itself lives in the ledger (the merchant's
 * MERCHANT_PREPAID_FEE account); these tables record what was asked of it and what it
 * answered, so a retried call reuses the same idempotency key.
 */
export class Migration20261121181000_billing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "merchant_billing" (
      "merchant_id" integer primary key,
      "rate_ppm" integer not null check ("rate_ppm" between 0 and 1000000),
      "sales_name" varchar(100) null,
      "pay_remark" varchar(200) not null default '暂无',
      "updated_by" varchar(200) not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);

    this.addSql(`create table "merchant_bill" (
      "id" bigserial primary key,
      "merchant_id" integer not null,
      "bill_month" date not null check (extract(day from "bill_month") = 1),
      "order_count" integer not null check ("order_count" >= 0),
      "sales_total" bigint not null check ("sales_total" >= 0),
      "rate_ppm" integer not null,
      "receivable" bigint not null check ("receivable" >= 0),
      "received" bigint not null default 0,
      "pay_remark" varchar(200) not null,
      "issued_by" varchar(200) not null,
      "issued_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "merchant_bill_month_unique" unique ("merchant_id", "bill_month"),
      constraint "merchant_bill_received_range" check ("received" between 0 and "receivable")
    )`);
    this.addSql(`create index "merchant_bill_open" on "merchant_bill" ("merchant_id", "bill_month")
      where "received" < "receivable"`);

    this.addSql(`create sequence "wallet_recharge_id_seq" start 6001`);
    this.addSql(`create table "wallet_recharge" (
      "id" bigint primary key default nextval('wallet_recharge_id_seq'),
      "merchant_id" integer not null,
      "method" varchar(20) not null check ("method" in ('ALIPAY', 'API')),
      "amount" bigint not null check ("amount" <> 0),
      "state" smallint not null default 1 check ("state" in (1, 2)),
      "out_trade_no" varchar(64) not null,
      "channel_trade_no" varchar(64) null,
      "request_id" varchar(64) null,
      "client_ip" varchar(64) null,
      "requested_by" varchar(200) not null,
      "posting_id" bigint null,
      "created_at" timestamptz not null default now(),
      "paid_at" timestamptz null,
      constraint "wallet_recharge_out_trade_no_unique" unique ("out_trade_no"),
      constraint "wallet_recharge_request_unique" unique ("merchant_id", "request_id"),
      constraint "wallet_recharge_paid" check ("state" = 1 or "paid_at" is not null)
    )`);
    this.addSql(`create index "wallet_recharge_merchant" on "wallet_recharge" ("merchant_id", "created_at")`);

    // A collection asks the ledger to move up to max_amount from the wallet to revenue under
    // a fixed key; `collected` is what the ledger answered. Pending ones are re-driven.
    this.addSql(`create table "wallet_collection" (
      "id" bigserial primary key,
      "merchant_id" integer not null,
      "trigger" varchar(20) not null check ("trigger" in ('BILL', 'RECHARGE', 'MANUAL')),
      "bill_id" bigint null references "merchant_bill" ("id"),
      "recharge_id" bigint null references "wallet_recharge" ("id"),
      "max_amount" bigint not null check ("max_amount" > 0),
      "collected" bigint null check ("collected" between 0 and "max_amount"),
      "state" smallint not null default 1 check ("state" in (1, 2)),
      "posting_id" bigint null,
      "created_at" timestamptz not null default now(),
      "done_at" timestamptz null
    )`);
    // At most one collection in flight per merchant: they are serialised.
    this.addSql(
      `create unique index "wallet_collection_one_pending" on "wallet_collection" ("merchant_id") where "state" = 1`,
    );
    this.addSql(
      `create index "wallet_collection_merchant" on "wallet_collection" ("merchant_id", "created_at")`,
    );

    this.addSql(`create table "bill_payment" (
      "id" bigserial primary key,
      "bill_id" bigint not null references "merchant_bill" ("id"),
      "collection_id" bigint not null references "wallet_collection" ("id"),
      "amount" bigint not null check ("amount" > 0),
      "created_at" timestamptz not null default now(),
      constraint "bill_payment_unique" unique ("collection_id", "bill_id")
    )`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Bank cards and withdrawals. A withdrawal keeps a copy of the card it pays to (the
 * card may change later; the payout may not), its money moves only through postings
 * keyed `withdraw:<withdraw_no>[:paid|:cancel]`, and every status change is logged.
 */
export class Migration20261121121000_withdrawals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "bank_card" (
      "id" bigserial primary key,
      "merchant_id" int not null,
      "account_name" varchar(100) not null,
      "account_number" varchar(32) not null,
      "bank_name" varchar(100) not null,
      "branch" varchar(100) null,
      "province" varchar(50) null,
      "city" varchar(50) null,
      "unionpay_code" varchar(12) null,
      "approved" boolean not null default false,
      "approved_by" varchar(200) null,
      "approved_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint "bank_card_merchant_number_unique" unique ("merchant_id", "account_number")
    )`);

    this.addSql(`create table "withdrawal" (
      "id" bigserial primary key,
      "withdraw_no" varchar(32) not null,
      "merchant_id" int not null,
      "amount" bigint not null check ("amount" > 0),
      "fee" bigint not null check ("fee" >= 0),
      "status" varchar(20) not null default 'APPLIED'
        check ("status" in ('APPLIED', 'PAID', 'FROZEN', 'CANCELLED')),
      "agent_pay_status" varchar(20) not null default 'NOT_SUBMITTED'
        check ("agent_pay_status" in ('NOT_SUBMITTED', 'SUBMITTED', 'SUCCEEDED', 'FAILED')),
      "notify_status" varchar(20) not null default 'PENDING'
        check ("notify_status" in ('PENDING', 'FAILED', 'SUCCEEDED')),
      "bank_card_id" bigint null references "bank_card" ("id"),
      "account_name" varchar(100) not null,
      "account_number" varchar(32) not null,
      "bank_name" varchar(100) not null,
      "branch" varchar(100) null,
      "province" varchar(50) null,
      "city" varchar(50) null,
      "unionpay_code" varchar(12) null,
      "extend" jsonb not null default '[]',
      "request_posting_id" bigint null references "posting" ("id"),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "withdrawal_withdraw_no_unique" unique ("withdraw_no")
    )`);
    this.addSql(
      `create index "withdrawal_merchant_created_index" on "withdrawal" ("merchant_id", "created_at")`,
    );
    this.addSql(`create index "withdrawal_status_created_index" on "withdrawal" ("status", "created_at")`);

    this.addSql(`create table "withdrawal_log" (
      "id" bigserial primary key,
      "withdrawal_id" bigint not null references "withdrawal" ("id"),
      "from_status" varchar(20) null,
      "to_status" varchar(20) not null,
      "actor" varchar(200) not null,
      "note" varchar(500) null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "withdrawal_log_withdrawal_index" on "withdrawal_log" ("withdrawal_id", "id")`);

    // Filled by agent-pay (代付) submission and withdrawal notifications once those exist;
    // the merchant API's /withdrawdetail already shows them (`upstream_records`, `notify_logs`).
    this.addSql(`create table "agent_pay_record" (
      "id" bigserial primary key,
      "withdrawal_id" bigint not null references "withdrawal" ("id"),
      "provider" varchar(64) not null,
      "upstream_no" varchar(100) null,
      "amount" bigint not null,
      "status" varchar(20) not null
        check ("status" in ('NOT_SUBMITTED', 'SUBMITTED', 'SUCCEEDED', 'FAILED')),
      "message" varchar(500) not null default '',
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(
      `create index "agent_pay_record_withdrawal_index" on "agent_pay_record" ("withdrawal_id", "id")`,
    );
    this.addSql(`create table "withdrawal_notify_log" (
      "id" bigserial primary key,
      "withdrawal_id" bigint not null references "withdrawal" ("id"),
      "callback_url" varchar(500) not null,
      "request_payload" jsonb not null,
      "http_status" int null,
      "response_body" text not null default '',
      "delivered" boolean not null default false,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(
      `create index "withdrawal_notify_log_withdrawal_index" on "withdrawal_notify_log" ("withdrawal_id", "id")`,
    );
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Main and child accounts and clearing (清分), the account-clearing API's domain. These
 * tables are the records; the money itself lives in MAIN_ACCOUNT / CHILD_ACCOUNT ledger
 * accounts and moves only through postings written in the same transaction as the row.
 */
export class Migration20261121130000_clearing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "main_account" (
      "id" bigserial primary key,
      "main_account_uid" int not null check ("main_account_uid" > 0),
      "union_id" varchar(64) not null,
      "api_key" varchar(64) not null,
      "merchant_id" int null,
      "in_fee_rate_ppm" int not null check ("in_fee_rate_ppm" between 0 and 1000000),
      "share_fee_rate_ppm" int not null check ("share_fee_rate_ppm" between 0 and 1000000),
      "withdraw_fee_rate_ppm" int not null check ("withdraw_fee_rate_ppm" between 0 and 1000000),
      "created_at" timestamptz not null default now(),
      constraint "main_account_uid_unique" unique ("main_account_uid"),
      constraint "main_account_union_id_unique" unique ("union_id")
    )`);
    this.addSql(`create index "main_account_merchant_index" on "main_account" ("merchant_id")`);

    this.addSql(`create table "child_account" (
      "id" bigserial primary key,
      "main_account_id" bigint not null references "main_account" ("id"),
      "phone" varchar(20) not null,
      "name" varchar(100) not null default '',
      "created_at" timestamptz not null default now(),
      constraint "child_account_phone_unique" unique ("main_account_id", "phone")
    )`);

    // status: 1 paid, 0 failed, -1 waiting for the channel's result (the legacy codes).
    this.addSql(`create table "incoming_payment" (
      "id" bigserial primary key,
      "main_account_id" bigint not null references "main_account" ("id"),
      "client_sn" varchar(64) not null,
      "sn" varchar(64) not null default '',
      "amount" bigint not null check ("amount" > 0),
      "in_fee" bigint not null check ("in_fee" >= 0 and "in_fee" <= "amount"),
      "msg" varchar(200) not null default '',
      "pay_way" varchar(40) not null,
      "status" smallint not null check ("status" in (-1, 0, 1)),
      "gen_time" timestamptz not null default now(),
      "pay_time" timestamptz null,
      constraint "incoming_payment_client_sn_unique" unique ("main_account_id", "client_sn")
    )`);
    this.addSql(
      `create index "incoming_payment_main_gen_index" on "incoming_payment" ("main_account_id", "gen_time")`,
    );

    this.addSql(`create table "clearing" (
      "id" bigserial primary key,
      "client_sn" varchar(64) not null,
      "main_account_id" bigint not null references "main_account" ("id"),
      "child_account_id" bigint not null references "child_account" ("id"),
      "amount" bigint not null check ("amount" > 0),
      "fee" bigint not null check ("fee" >= 0),
      "gen_time" timestamptz not null default now(),
      "complete_time" timestamptz null,
      constraint "clearing_client_sn_unique" unique ("main_account_id", "client_sn")
    )`);
    this.addSql(`create index "clearing_main_gen_index" on "clearing" ("main_account_id", "gen_time")`);
    this.addSql(`create index "clearing_child_index" on "clearing" ("child_account_id")`);

    // status: 1 paid out (withdrawals complete when they are posted).
    this.addSql(`create table "child_withdrawal" (
      "id" bigserial primary key,
      "client_sn" varchar(64) not null,
      "child_account_id" bigint not null references "child_account" ("id"),
      "amount" bigint not null check ("amount" > 0),
      "fee" bigint not null check ("fee" >= 0),
      "status" smallint not null default 1,
      "gen_time" timestamptz not null default now(),
      "complete_time" timestamptz null,
      constraint "child_withdrawal_client_sn_unique" unique ("child_account_id", "client_sn")
    )`);
    this.addSql(
      `create index "child_withdrawal_child_gen_index" on "child_withdrawal" ("child_account_id", "gen_time")`,
    );
  }
}

import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_MIGRATION_SQL } from '@pay/common';

/** The orders schema: merchants, channels, upstream configs, orders, notifications, audit, outbox. */
export class Migration20261121000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agent" (
      "id" serial primary key,
      "name" varchar(100) not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "merchant" (
      "id" int primary key,
      "name" varchar(100) not null,
      "status" text not null default 'active' check ("status" in ('active', 'disabled')),
      "signing_key" varchar(64) not null,
      "agent_id" int null references "agent" ("id"),
      "two_factor_enabled" boolean not null default false,
      "ip_allow_list" jsonb not null default '[]',
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "channel" (
      "code" varchar(32) primary key,
      "name" varchar(100) not null,
      "pay_type" text not null check ("pay_type" in ('wechat', 'alipay', 'qq', 'unionpay', 'other')),
      "system_enabled" boolean not null default true,
      "min_amount" bigint not null default 0 check ("min_amount" >= 0),
      "max_amount" bigint null check ("max_amount" is null or "max_amount" >= "min_amount"),
      "daily_quota" bigint null check ("daily_quota" is null or "daily_quota" >= 0),
      "sort_order" int not null default 0,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "merchant_channel" (
      "merchant_id" int not null references "merchant" ("id"),
      "channel_code" varchar(32) not null references "channel" ("code"),
      "enabled" boolean not null default false,
      "rate_ppm" int not null default 0 check ("rate_ppm" between 0 and 1000000),
      "agent_rate_ppm" int not null default 0 check ("agent_rate_ppm" between 0 and 1000000 and "agent_rate_ppm" <= "rate_ppm"),
      "user_defined_rate" boolean not null default false,
      "round_robin" boolean not null default false,
      "round_robin_cursor" int not null default 0,
      "withhold_every" int not null default 0 check ("withhold_every" >= 0),
      "paid_counter" int not null default 0,
      primary key ("merchant_id", "channel_code")
    )`);
    this.addSql(`create table "upstream_config" (
      "pzid" int primary key,
      "name" varchar(100) not null,
      "channel_code" varchar(32) not null references "channel" ("code"),
      "adapter" text not null check ("adapter" in ('sandbox-alipay', 'sandbox-wechat')),
      "cost_rate_ppm" int not null default 0 check ("cost_rate_ppm" between 0 and 1000000),
      "weight" int not null default 1 check ("weight" >= 0),
      "enabled" boolean not null default true
    )`);
    this.addSql(`create index "upstream_config_channel_code_index" on "upstream_config" ("channel_code")`);
    this.addSql(`create table "order" (
      "id" bigserial primary key,
      "merchant_id" int not null references "merchant" ("id"),
      "merchant_order_no" varchar(64) not null,
      "platform_order_no" varchar(32) not null unique,
      "upstream_order_no" varchar(64) null,
      "channel_code" varchar(32) not null references "channel" ("code"),
      "upstream_config_pzid" int not null references "upstream_config" ("pzid"),
      "amount" bigint not null check ("amount" > 0),
      "status" text not null default 'PENDING' check ("status" in ('PENDING', 'PAID', 'WITHHELD', 'EXPIRED', 'REFUNDED',
        'REFUND_UNDER_REVIEW', 'REFUND_CONFIRMED', 'REFUND_REJECTED', 'PLATFORM_INTERVENTION', 'INTERVENTION_APPROVED',
        'INTERVENTION_REJECTED', 'CANCELLED_BY_USER')),
      "notify_status" text not null default 'PENDING' check ("notify_status" in ('PENDING', 'FAILED', 'SUCCESS')),
      "notify_attempts" int not null default 0,
      "merchant_income" bigint not null,
      "agent_income" bigint not null,
      "channel_fee" bigint not null,
      "upstream_cost" bigint not null,
      "platform_profit" bigint not null,
      "merchant_rate_ppm" int not null,
      "agent_rate_ppm" int not null,
      "upstream_cost_rate_ppm" int not null,
      "agent_id" int null,
      "product_title" varchar(200) not null,
      "attach" varchar(500) not null default '',
      "notify_url" varchar(500) not null,
      "return_url" varchar(500) not null,
      "notify_style" text not null default 'FORM' check ("notify_style" in ('FORM', 'JSON')),
      "request_ip" varchar(64) not null,
      "client_attach" jsonb not null,
      "order_style" int not null default 0,
      "cashier" boolean not null default false,
      "deduct_status" int not null default 2,
      "store_id" varchar(32) null,
      "cashier_id" varchar(32) null,
      "device_no" varchar(64) null,
      "payer_id" varchar(128) null,
      "payer_nickname" varchar(128) null,
      "created_at" timestamptz not null default now(),
      "paid_at" timestamptz null,
      "updated_at" timestamptz not null default now(),
      "version" int not null default 1,
      constraint "order_split_adds_up" check ("merchant_income" + "agent_income" + "channel_fee" = "amount"
        and "upstream_cost" + "platform_profit" = "channel_fee"),
      constraint "order_merchant_order_no_unique" unique ("merchant_id", "merchant_order_no")
    )`);
    this.addSql(`create index "order_merchant_created_index" on "order" ("merchant_id", "created_at")`);
    this.addSql(
      `create index "order_merchant_status_paid_index" on "order" ("merchant_id", "status", "paid_at")`,
    );
    this.addSql(`create index "order_channel_paid_index" on "order" ("channel_code", "paid_at")`);
    this.addSql(`create index "order_upstream_paid_index" on "order" ("upstream_config_pzid", "paid_at")`);
    this.addSql(
      `create index "order_pending_created_index" on "order" ("created_at") where "status" = 'PENDING'`,
    );
    this.addSql(`create table "notify_log" (
      "id" bigserial primary key,
      "order_id" bigint not null references "order" ("id"),
      "event_id" uuid not null,
      "attempt" int not null,
      "callback_url" varchar(500) not null,
      "request_payload" jsonb not null,
      "http_status" int null,
      "response_body" text not null default '',
      "delivered" boolean not null default false,
      "duration_ms" int not null default 0,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "notify_log_order_index" on "notify_log" ("order_id", "id")`);
    this.addSql(`create table "order_audit" (
      "id" bigserial primary key,
      "order_id" bigint not null references "order" ("id"),
      "action" varchar(40) not null,
      "actor" varchar(200) not null,
      "actor_role" varchar(20) not null,
      "from_status" text not null,
      "to_status" text not null,
      "note" varchar(500) null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "order_audit_order_index" on "order_audit" ("order_id", "created_at")`);
    for (const sql of OUTBOX_MIGRATION_SQL) this.addSql(sql);
  }
}

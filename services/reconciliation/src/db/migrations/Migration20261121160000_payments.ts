import { Migration } from '@mikro-orm/migrations';

/**
 * The platform's side of reconciliation: a copy of every order's state, kept from the
 * orders service's `order.state` events (the highest outbox `seq` wins, so late or
 * repeated deliveries change nothing), plus this service's own per-order settings and
 * verdict (auto-reconcile flag, reconciliation status).
 */
export class Migration20261121160000_payments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "payment" (
      "platform_order_no" varchar(32) primary key,
      "upstream_order_no" varchar(64) null,
      "merchant_id" int not null,
      "merchant_name" varchar(100) not null,
      "merchant_order_no" varchar(64) not null,
      "channel_code" varchar(32) not null,
      "pay_type" varchar(20) not null,
      "amount" bigint not null,
      "fee" bigint not null default 0,
      "status" varchar(40) not null,
      "status_code" smallint not null,
      "admin_status_code" smallint not null,
      "created_at" timestamptz not null,
      "paid_at" timestamptz null,
      "store_id" varchar(32) null,
      "cashier_id" varchar(32) null,
      "device_no" varchar(64) null,
      "payer_id" varchar(128) null,
      "payer_nickname" varchar(128) null,
      "seq" bigint not null,
      "auto_reconcile" boolean not null default false,
      "reconciliation_status" smallint not null default 2 check ("reconciliation_status" between 1 and 5),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "payment_upstream_order_no_index" on "payment" ("upstream_order_no")`);
    this.addSql(`create index "payment_paid_at_index" on "payment" ("paid_at")`);
    this.addSql(`create index "payment_created_at_index" on "payment" ("created_at")`);
    this.addSql(`create index "payment_merchant_index" on "payment" ("merchant_id", "created_at")`);
  }
}

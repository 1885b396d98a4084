import { Migration } from '@mikro-orm/migrations';

/**
 * The sandbox channel's own book: what the simulated channel did that the platform was
 * never told about — a payment whose callback was lost, a refund made on the channel's
 * side, an amount the channel's bill books differently. Its statements and its order
 * query read this beside the orders, so reconciliation meets the discrepancies a real
 * channel produces. One entry of each kind per order.
 */
export class Migration20261205090000_sandbox_channel_book extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sandbox_channel_entry" (
      "id" bigserial primary key,
      "kind" varchar(16) not null check ("kind" in ('PAYMENT', 'REFUND', 'BILLED_AMOUNT')),
      "platform_order_no" varchar(32) not null,
      "trade_no" varchar(64) not null,
      "amount" bigint not null check ("amount" > 0),
      "occurred_at" timestamptz not null,
      "created_at" timestamptz not null default now(),
      unique ("platform_order_no", "kind")
    )`);
    this.addSql(
      `create index "sandbox_channel_entry_occurred_at_index" on "sandbox_channel_entry" ("occurred_at")`,
    );
  }
}

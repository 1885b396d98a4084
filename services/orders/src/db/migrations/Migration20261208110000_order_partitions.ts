import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';

/**
 * Orders grow with every payment: `order` becomes partitioned by month of `created_at`
 * (China time), so old months can be detached and archived whole.
 *
 * A partitioned table's unique keys must contain the partition key, so the order's
 * numbers move their uniqueness into `order_key` (id, platform order number, the
 * merchant's order number), a plain table beside it: a trigger claims an order's numbers
 * when the order is inserted — a taken number fails the insert with a unique violation
 * naming `platform_order_no` or `merchant_order_no`, as before — and another refuses any
 * change of an order's id or numbers. The notify log and the audit trail now reference
 * `order_key` (an order's id exists there exactly when the order does).
 */
export class Migration20261208110000_order_partitions extends Migration {
  override async up(): Promise<void> {
    // What references "order" comes off first (it returns, pointing at order_key).
    this.addSql(`alter table "notify_log" drop constraint "notify_log_order_id_fkey"`);
    this.addSql(`alter table "order_audit" drop constraint "order_audit_order_id_fkey"`);
    this.addSql(`create table "order_key" (
      "id" bigint primary key,
      "merchant_id" int not null,
      "merchant_order_no" varchar(64) not null,
      "platform_order_no" varchar(32) not null,
      constraint "order_key_platform_order_no_unique" unique ("platform_order_no"),
      constraint "order_key_merchant_order_no_unique" unique ("merchant_id", "merchant_order_no")
    )`);
    this.addSql(`insert into "order_key" (id, merchant_id, merchant_order_no, platform_order_no)
      select id, merchant_id, merchant_order_no, platform_order_no from "order"`);
    for (const sql of partitionByMonthSql({
      table: 'order',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "order" add constraint "order_merchant_id_fkey" foreign key ("merchant_id") references "merchant" ("id")`,
        `alter table "order" add constraint "order_channel_code_fkey" foreign key ("channel_code") references "channel" ("code")`,
        `alter table "order" add constraint "order_upstream_config_pzid_fkey" foreign key ("upstream_config_pzid") references "upstream_config" ("pzid")`,
        `create index "order_platform_order_no_index" on "order" ("platform_order_no")`,
        `create index "order_merchant_order_no_index" on "order" ("merchant_id", "merchant_order_no")`,
        `create index "order_merchant_created_index" on "order" ("merchant_id", "created_at")`,
        `create index "order_merchant_status_paid_index" on "order" ("merchant_id", "status", "paid_at")`,
        `create index "order_channel_paid_index" on "order" ("channel_code", "paid_at")`,
        `create index "order_upstream_paid_index" on "order" ("upstream_config_pzid", "paid_at")`,
        `create index "order_pending_created_index" on "order" ("created_at") where "status" = 'PENDING'`,
        `create index "order_merchant_store_created_index" on "order" ("merchant_id", "store_id", "created_at")`,
        `create index "order_created_index" on "order" ("created_at")`,
      ],
    }))
      this.addSql(sql);
    // An order's numbers are claimed with it. A row moved to another month (its created_at
    // changed) is inserted again there: its own id is already claimed, nothing else is.
    this.addSql(`create function "order_key_claim"() returns trigger language plpgsql as $$
      begin
        insert into "order_key" (id, merchant_id, merchant_order_no, platform_order_no)
          values (new.id, new.merchant_id, new.merchant_order_no, new.platform_order_no)
          on conflict (id) do nothing;
        return null;
      end $$`);
    this.addSql(`create trigger "order_key_claim" after insert on "order"
      for each row execute function "order_key_claim"()`);
    this.addSql(`create function "order_key_fixed"() returns trigger language plpgsql as $$
      begin
        if (new.id, new.merchant_id, new.merchant_order_no, new.platform_order_no)
           is distinct from (old.id, old.merchant_id, old.merchant_order_no, old.platform_order_no) then
          raise exception 'ORDER_KEY_FIXED: an order''s id and numbers never change (order %)', old.id;
        end if;
        return new;
      end $$`);
    this
      .addSql(`create trigger "order_key_fixed" before update of id, merchant_id, merchant_order_no, platform_order_no
      on "order" for each row execute function "order_key_fixed"()`);
    this.addSql(
      `alter table "notify_log" add constraint "notify_log_order_id_fkey" foreign key ("order_id") references "order_key" ("id")`,
    );
    this.addSql(
      `alter table "order_audit" add constraint "order_audit_order_id_fkey" foreign key ("order_id") references "order_key" ("id")`,
    );
  }
}

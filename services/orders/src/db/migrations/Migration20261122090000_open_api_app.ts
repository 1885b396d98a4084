import { Migration } from '@mikro-orm/migrations';

/**
 * Fubei-style open API apps (fubei-openapi.md): an `app_id` with its signing secret,
 * speaking for one merchant. Store and cashier lookups of the reconciliation endpoint
 * filter orders by merchant, store and creation time, hence the index.
 */
export class Migration20261122090000_open_api_app extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "open_api_app" (
      "app_id" varchar(32) not null primary key,
      "secret" varchar(64) not null,
      "merchant_id" int not null references "merchant" ("id"),
      "enabled" boolean not null default true,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "open_api_app_merchant_id_index" on "open_api_app" ("merchant_id")`);
    this.addSql(
      `create index "order_merchant_store_created_index" on "order" ("merchant_id", "store_id", "created_at")`,
    );
  }
}

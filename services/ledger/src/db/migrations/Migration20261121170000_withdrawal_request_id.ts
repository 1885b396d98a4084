import { Migration } from '@mikro-orm/migrations';

/**
 * A caller's idempotency key for withdrawal requests: a retried request (a timeout, a
 * double click) with the same key returns the first withdrawal instead of debiting again.
 */
export class Migration20261121170000_withdrawal_request_id extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "withdrawal" add column "request_id" varchar(100) null`);
    this.addSql(
      `create unique index "withdrawal_merchant_request_unique" on "withdrawal" ("merchant_id", "request_id") where "request_id" is not null`,
    );
  }
}

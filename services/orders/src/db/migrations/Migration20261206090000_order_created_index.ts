import { Migration } from '@mikro-orm/migrations';

/**
 * The operators' overview (`platformOverview`) groups every merchant's orders of the last
 * days by creation time; the existing creation-time indexes all lead with the merchant.
 */
export class Migration20261206090000_order_created_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "order_created_index" on "order" ("created_at")`);
  }
}

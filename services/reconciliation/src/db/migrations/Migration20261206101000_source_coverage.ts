import { Migration } from '@mikro-orm/migrations';

/**
 * What an operator's statement source covers (issue 12): the pay types and channels of
 * the payments its lines are matched against. A payment is covered when its pay type or
 * its channel is listed; both empty: every payment (what registered sources had before).
 * Built-in sources have theirs in code (`source-coverage.ts`).
 */
export class Migration20261206101000_source_coverage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "statement_template"
      add column "pay_types" text[] not null default '{}',
      add column "channel_codes" text[] not null default '{}'`);
  }
}

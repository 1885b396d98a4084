import { Migration } from '@mikro-orm/migrations';

/** Numbers each credit of an order, so the ledger can key its postings per credit. */
export class Migration20261121110000_credit_seq extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "order" add column "credit_seq" int not null default 0`);
    // Orders credited before this column existed were credited once.
    this.addSql(
      `update "order" set "credit_seq" = 1 where "status" not in ('PENDING', 'EXPIRED', 'CANCELLED_BY_USER', 'WITHHELD')`,
    );
  }
}

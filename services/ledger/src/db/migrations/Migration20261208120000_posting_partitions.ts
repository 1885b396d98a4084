import { Migration } from '@mikro-orm/migrations';
import { partitionByMonthSql } from '@pay/common';
import { LEDGER_FUNCTIONS } from '../functions';

/**
 * Postings grow with every payment: `posting` becomes partitioned by month of
 * `created_at` (China time), never dropped — they are the books, archived by detaching a
 * month. A partitioned table's unique keys must hold the partition key, so the
 * idempotency key moves into `posting_key` (id, unique_no), a plain table beside it:
 * `post_entry` and `post_entries` claim the key first (`on conflict do nothing`, as they
 * claimed it on the posting before) and write the posting with the key's id; an entry
 * refused after its key was claimed gives the key back with the posting. What referenced
 * a posting (its legs, a reversal, a withdrawal's request) references `posting_key`.
 * The functions are reloaded from their current sources (checksums below).
 */
export class Migration20261208120000_posting_partitions extends Migration {
  static readonly functionChecksums: Readonly<Record<string, string>> = {
    ensure_account: 'f5ec3a35e2946061e6c1589fa96a0c34',
    post_entry: '191c0e563eacb5f961cf2c931314dabd',
    post_entries: '127434da0ee638642399c90ab45e8d74',
    unfreezable_amount: '39be8e3830f2860f809103a55af20c31',
    request_withdrawals: '23295b2d90032d50de55118addf785ed',
  };

  override async up(): Promise<void> {
    // What references "posting" comes off first (it returns, pointing at posting_key).
    this.addSql(`alter table "leg" drop constraint "leg_posting_id_fkey"`);
    this.addSql(`alter table "withdrawal" drop constraint "withdrawal_request_posting_id_fkey"`);
    this.addSql(`create table "posting_key" (
      "id" bigint primary key default nextval('posting_id_seq'),
      "unique_no" varchar(120) not null,
      constraint "posting_key_unique_no_unique" unique ("unique_no")
    )`);
    this.addSql(`insert into "posting_key" (id, unique_no) select id, unique_no from "posting"`);
    for (const sql of partitionByMonthSql({
      table: 'posting',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "posting" add constraint "posting_reverses_posting_id_fkey" foreign key ("reverses_posting_id") references "posting_key" ("id")`,
        `create index "posting_order_no_index" on "posting" ("order_no")`,
        `create index "posting_platform_order_no_index" on "posting" ("platform_order_no")`,
      ],
    }))
      this.addSql(sql);
    // The key table hands out the ids now; the sequence belongs to it.
    this.addSql(`alter sequence "posting_id_seq" owned by "posting_key"."id"`);
    this.addSql(`alter table "posting" alter column "id" drop default`);
    this.addSql(
      `alter table "leg" add constraint "leg_posting_id_fkey" foreign key ("posting_id") references "posting_key" ("id")`,
    );
    this.addSql(
      `alter table "withdrawal" add constraint "withdrawal_request_posting_id_fkey" foreign key ("request_posting_id") references "posting_key" ("id")`,
    );
    for (const fn of LEDGER_FUNCTIONS) this.addSql(fn.sql);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Result codes ascend within a run (see matching.sql.ts): their counter. */
export class Migration20261121163100_result_code_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "reconciliation_result_code_seq"`);
  }
}

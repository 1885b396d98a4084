import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121163100_result_code_sequence } from './Migration20261121163100_result_code_sequence';
import { Migration20261121164000_resolutions } from './Migration20261121164000_resolutions';
import { Migration20261121165000_payment_reconciliation } from './Migration20261121165000_payment_reconciliation';
import { Migration20261121180000_settlement_payment_view } from './Migration20261121180000_settlement_payment_view';
import { Migration20261121160000_payments } from './Migration20261121160000_payments';
import { Migration20261121161000_statements } from './Migration20261121161000_statements';
import { Migration20261121162000_statement_templates } from './Migration20261121162000_statement_templates';
import { Migration20261121163000_matching } from './Migration20261121163000_matching';
import { Migration20261206100000_current_statements } from './Migration20261206100000_current_statements';
import { Migration20261206101000_source_coverage } from './Migration20261206101000_source_coverage';
import { Migration20261206120000_view_readers } from './Migration20261206120000_view_readers';
import { Migration20261209110000_reconciliation_partitions } from './Migration20261209110000_reconciliation_partitions';

/** Checked-in migrations, oldest first. */
export const reconciliationMigrations: MigrationObject[] = [
  { name: 'Migration20261121160000_payments', class: Migration20261121160000_payments },
  { name: 'Migration20261121161000_statements', class: Migration20261121161000_statements },
  { name: 'Migration20261121162000_statement_templates', class: Migration20261121162000_statement_templates },
  { name: 'Migration20261121163000_matching', class: Migration20261121163000_matching },
  {
    name: 'Migration20261121163100_result_code_sequence',
    class: Migration20261121163100_result_code_sequence,
  },
  { name: 'Migration20261121164000_resolutions', class: Migration20261121164000_resolutions },
  {
    name: 'Migration20261121165000_payment_reconciliation',
    class: Migration20261121165000_payment_reconciliation,
  },
  {
    name: 'Migration20261121180000_settlement_payment_view',
    class: Migration20261121180000_settlement_payment_view,
  },
  {
    name: 'Migration20261206100000_current_statements',
    class: Migration20261206100000_current_statements,
  },
  { name: 'Migration20261206101000_source_coverage', class: Migration20261206101000_source_coverage },
  { name: 'Migration20261206120000_view_readers', class: Migration20261206120000_view_readers },
  {
    name: 'Migration20261209110000_reconciliation_partitions',
    class: Migration20261209110000_reconciliation_partitions,
  },
];

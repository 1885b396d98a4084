import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121160000_payments } from './Migration20261121160000_payments';
import { Migration20261121161000_statements } from './Migration20261121161000_statements';

/** Checked-in migrations, oldest first. */
export const reconciliationMigrations: MigrationObject[] = [
  { name: 'Migration20261121160000_payments', class: Migration20261121160000_payments },
  { name: 'Migration20261121161000_statements', class: Migration20261121161000_statements },
];

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121160000_payments } from './Migration20261121160000_payments';

/** Checked-in migrations, oldest first. */
export const reconciliationMigrations: MigrationObject[] = [
  { name: 'Migration20261121160000_payments', class: Migration20261121160000_payments },
];

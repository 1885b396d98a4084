import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121180000_settlement } from './Migration20261121180000_settlement';
import { Migration20261121181000_billing } from './Migration20261121181000_billing';

/** Checked-in migrations, oldest first. */
export const settlementMigrations: MigrationObject[] = [
  { name: 'Migration20261121180000_settlement', class: Migration20261121180000_settlement },
  { name: 'Migration20261121181000_billing', class: Migration20261121181000_billing },
];

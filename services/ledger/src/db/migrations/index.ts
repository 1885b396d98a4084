import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121100000_ledger } from './Migration20261121100000_ledger';

/** Checked-in migrations, oldest first. */
export const ledgerMigrations: MigrationObject[] = [
  { name: 'Migration20261121100000_ledger', class: Migration20261121100000_ledger },
];

import { openTestServiceDatabase, startTestSubgraph, TEST_ACTORS, type TestSubgraph } from '@pay/common';
import { createLedgerServer, type LedgerServer } from '../../src/server';
import { testLedgerConfig, type LedgerConfig } from '../../src/config';
import { ledgerEntities } from '../../src/db/entities';
import { ledgerMigrations } from '../../src/db/migrations';

export const ACTORS = TEST_ACTORS;

export type LedgerTestApp = TestSubgraph<LedgerServer, LedgerConfig>;

/** A fresh database with the ledger schema migrated, for tests that need no server. */
export const openTestLedgerDatabase = () =>
  openTestServiceDatabase({ schema: 'ledger', entities: ledgerEntities, migrations: ledgerMigrations });

/** The ledger service on a free port over a fresh database. */
export async function startLedgerTestApp(overrides: Partial<LedgerConfig> = {}): Promise<LedgerTestApp> {
  return startTestSubgraph(await openTestLedgerDatabase(), testLedgerConfig(overrides), createLedgerServer);
}

import { openTestServiceDatabase, startTestSubgraph, TEST_ACTORS, type TestSubgraph } from '@pay/common';
import { createReconciliationServer, type ReconciliationServer } from '../../src/server';
import { testReconciliationConfig, type ReconciliationConfig } from '../../src/config';
import { reconciliationEntities } from '../../src/db/entities';
import { reconciliationMigrations } from '../../src/db/migrations';

export const ACTORS = TEST_ACTORS;

/** A fresh database with the reconciliation schema migrated, for tests that need no server. */
export const openTestReconciliationDatabase = () =>
  openTestServiceDatabase({
    schema: 'reconciliation',
    entities: reconciliationEntities,
    migrations: reconciliationMigrations,
  });

export type ReconciliationTestApp = TestSubgraph<ReconciliationServer, ReconciliationConfig>;

/** The reconciliation service on a free port over a fresh database. */
export async function startReconciliationTestApp(
  overrides: Partial<ReconciliationConfig> = {},
): Promise<ReconciliationTestApp> {
  return startTestSubgraph(
    await openTestReconciliationDatabase(),
    testReconciliationConfig(overrides),
    createReconciliationServer,
  );
}

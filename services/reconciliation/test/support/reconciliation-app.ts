import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ACTOR_HEADER,
  openTestServiceDatabase,
  postGraphQL,
  signActorHeader,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
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

export interface ReconciliationTestApp {
  orm: MikroORM;
  server: ReconciliationServer;
  baseUrl: string;
  url: string;
  config: ReconciliationConfig;
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor,
  ) => ReturnType<typeof postGraphQL<T>>;
  close: () => Promise<void>;
}

/** The reconciliation service on a free port over a fresh database. */
export async function startReconciliationTestApp(
  overrides: Partial<ReconciliationConfig> = {},
): Promise<ReconciliationTestApp> {
  const db = await openTestReconciliationDatabase();
  const config = testReconciliationConfig(overrides);
  const server = await createReconciliationServer({ orm: db.orm, config, databaseUrl: db.url });
  const listening = await server.start(0);
  const url = `${listening.url}/graphql`;
  return {
    orm: db.orm,
    server,
    baseUrl: listening.url,
    url,
    config,
    gql: (query, variables = {}, actor = ACTORS.operator) =>
      postGraphQL(url, query, variables, {
        [ACTOR_HEADER]: signActorHeader(actor, config.auth.internalSecret),
      }),
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

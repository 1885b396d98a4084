import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ACTOR_HEADER,
  openTestServiceDatabase,
  postGraphQL,
  signActorHeader,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
import { createLedgerServer, type LedgerServer } from '../../src/server';
import { testLedgerConfig, type LedgerConfig } from '../../src/config';
import { ledgerEntities } from '../../src/db/entities';
import { ledgerMigrations } from '../../src/db/migrations';

export const ACTORS = TEST_ACTORS;

export interface LedgerTestApp {
  orm: MikroORM;
  server: LedgerServer;
  /** Base URL of the service (no path). */
  baseUrl: string;
  url: string;
  config: LedgerConfig;
  /** Calls the subgraph over HTTP as `actor`, with a valid gateway signature. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor,
  ) => ReturnType<typeof postGraphQL<T>>;
  close: () => Promise<void>;
}

/** A fresh database with the ledger schema migrated, for tests that need no server. */
export const openTestLedgerDatabase = () =>
  openTestServiceDatabase({ schema: 'ledger', entities: ledgerEntities, migrations: ledgerMigrations });

/** The ledger service on a free port over a fresh database. */
export async function startLedgerTestApp(overrides: Partial<LedgerConfig> = {}): Promise<LedgerTestApp> {
  const db = await openTestLedgerDatabase();
  const config = testLedgerConfig(overrides);
  const server = await createLedgerServer({ orm: db.orm, config, databaseUrl: db.url });
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

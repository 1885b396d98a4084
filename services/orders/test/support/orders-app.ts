import type { MikroORM } from '@mikro-orm/postgresql';
import { postGraphQL, signActorHeader, ACTOR_HEADER, TEST_ACTORS, type Actor } from '@pay/common';
import { createOrdersServer, type OrdersServer } from '../../src/server';
import { testOrdersConfig, type OrdersConfig } from '../../src/config';
import { buildStandardWorld } from '../../src/db/seeders/builders';
import { openTestOrdersDatabase } from './orders-database';

export const ACTORS = TEST_ACTORS;

export interface OrdersTestApp {
  orm: MikroORM;
  server: OrdersServer;
  url: string;
  config: OrdersConfig;
  world: Awaited<ReturnType<typeof buildStandardWorld>>;
  /** Calls the subgraph over HTTP as `actor`, with a valid gateway signature. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor,
  ) => ReturnType<typeof postGraphQL<T>>;
  close: () => Promise<void>;
}

/** The orders service on a free port over a fresh database with the standard world. */
export async function startOrdersTestApp(overrides: Partial<OrdersConfig> = {}): Promise<OrdersTestApp> {
  const db = await openTestOrdersDatabase();
  const world = await buildStandardWorld(db.orm.em.fork());
  const config = testOrdersConfig({
    notify: { scheduleSeconds: [0.3, 0.3, 0.3], timeoutMs: 2000 },
    outbox: { ...testOrdersConfig().outbox, intervalMs: 100 },
    ...overrides,
  });
  const server = await createOrdersServer({ orm: db.orm, config, databaseUrl: db.url });
  const listening = await server.start(0);
  const url = `${listening.url}/graphql`;
  return {
    orm: db.orm,
    server,
    url,
    config,
    world,
    gql: (query, variables = {}, actor = ACTORS.operator) =>
      postGraphQL(url, query, variables, {
        [ACTOR_HEADER]: signActorHeader(actor, config.auth.internalSecret),
      }),
    close: async () => {
      await server.stop();
      await db.close();
      // pg-boss's stop leaves a loop that re-checks its stopped workers once a second; let
      // it end before jest tears the module registry down (else a short test file can fail
      // after its tests passed, with "Cannot destructure property 'setTimeout'").
      await new Promise((resolve) => setTimeout(resolve, 1100));
    },
  };
}

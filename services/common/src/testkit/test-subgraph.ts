import type { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { ACTOR_HEADER, signActorHeader } from '../auth/actor-header';
import type { SubgraphServer } from '../http/subgraph-service';
import { TEST_ACTORS } from './actors';
import { postGraphQL } from './graphql-client';

/** Calls a subgraph over HTTP as `actor` (operator by default), with a valid gateway signature. */
export type SubgraphCaller = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  actor?: Actor,
) => ReturnType<typeof postGraphQL<T>>;

/** A service started for a test file: its server on a free port, its database, a signed caller. */
export interface TestSubgraph<S extends SubgraphServer, C> {
  orm: MikroORM;
  server: S;
  /** Base URL of the service (no path). */
  baseUrl: string;
  /** Its `/graphql`. */
  url: string;
  config: C;
  gql: SubgraphCaller;
  close: () => Promise<void>;
}

/**
 * The one test-app helper of every subgraph: builds the service over an opened database
 * (`db`, see openTestServiceDatabase), listens on a free port, and answers a caller
 * signed like the gateway; `close` stops the server, then the database.
 */
export async function startTestSubgraph<
  S extends SubgraphServer,
  C extends { auth: { internalSecret: string } },
>(
  db: { orm: MikroORM; url: string; close: () => Promise<void> },
  config: C,
  createServer: (options: { orm: MikroORM; config: C; databaseUrl: string }) => Promise<S>,
): Promise<TestSubgraph<S, C>> {
  const server = await createServer({ orm: db.orm, config, databaseUrl: db.url });
  const listening = await server.start(0);
  const url = `${listening.url}/graphql`;
  return {
    orm: db.orm,
    server,
    baseUrl: listening.url,
    url,
    config,
    gql: (query, variables = {}, actor = TEST_ACTORS.operator) =>
      postGraphQL(url, query, variables, {
        [ACTOR_HEADER]: signActorHeader(actor, config.auth.internalSecret),
      }),
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

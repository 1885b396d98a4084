import type { Express, Router } from 'express';
import type { Constructor } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { buildFederatedSchema, type ReferenceResolvers } from '../federation/federated-schema';
import type { JobQueue } from '../jobs/job-queue';
import { createServiceApp, jsonErrorHandler, listen, type Listening } from './service-app';
import { mountSubgraph, type ClaimCheck, type SubgraphContextBase } from './subgraph-server';

/**
 * What one part of a service (a folder under `modules/`) contributes to it: resolvers and
 * federation references for the schema, per-request loaders, job queues and workers,
 * HTTP routes. Every subgraph is the sum of its modules (`createSubgraphServer`).
 */
export interface ServiceModule<R = unknown, L extends object = object> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver type
  resolvers: Function[];
  /** Types reached only through federation (stub entities extended here). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  entities?: Constructor[];
  references?: ReferenceResolvers;
  /** Job queues this module works. */
  queues?: string[];
  /** Internal and public HTTP routes (uploads, notifications, internal endpoints). */
  routes?: (runtime: R) => Router;
  /** Schedules and workers, started once the server listens. */
  startWorkers?: (runtime: R) => Promise<void>;
  /** Per-request DataLoaders, merged into the context's `loaders`. */
  loaders?: (em: EntityManager) => L;
}

/** A subgraph's schema from its modules. Pure: no database, no environment. */
export function buildModulesSchema(modules: readonly ServiceModule<never>[]): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      resolvers: modules.flatMap((m) => m.resolvers) as NonEmptyArray<Function>,
      orphanedTypes: modules.flatMap((m) => m.orphanedTypes ?? []),
      validate: false,
    },
    Object.assign({}, ...modules.map((m) => m.references ?? {})) as ReferenceResolvers,
  );
}

/** Every module's loaders on one EntityManager (a request's). */
export function moduleLoaders<L extends object>(
  modules: readonly ServiceModule<never, object>[],
  em: EntityManager,
): L {
  return Object.assign({}, ...modules.map((m) => m.loaders?.(em) ?? {})) as L;
}

/** Every module's job queues. */
export const moduleQueues = (modules: readonly ServiceModule<never>[]): string[] =>
  modules.flatMap((m) => m.queues ?? []);

export interface SubgraphServer {
  app: Express;
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
}

/**
 * The one bootstrap of every subgraph service: the service app (health, readiness on a
 * database round trip, request ids, access log), the subgraph at `/graphql` behind the
 * gateway's signature, each module's routes, the JSON error handler; `start` listens and
 * then starts the modules' workers, `stop` drains the jobs, closes the listener and the
 * GraphQL server, then whatever the service adds (`onStop`).
 */
export async function createSubgraphServer<R, C extends SubgraphContextBase>(options: {
  orm: MikroORM;
  http: { port: number; host: string };
  internalSecret: string;
  schema: GraphQLSchema;
  modules: readonly ServiceModule<R>[];
  runtime: R;
  jobs: JobQueue;
  buildContext: (actor: Actor, requestId: string) => C | Promise<C>;
  /** How the subgraph checks a claimed actor's proof (orders: merchant API signatures); else claims are refused. */
  checkClaim?: ClaimCheck;
  /** Routes that belong to no module, mounted after the modules'. */
  routes?: Router[];
  /** After listening (on the port asked for, 0: any), before the modules' workers start. */
  onListening?: (listening: Listening, asked: { port: number; host: string }) => void | Promise<void>;
  /** After the jobs, listener and GraphQL server have stopped. */
  onStop?: () => Promise<void>;
  /** Before the jobs stop (e.g. a relay that still writes jobs). */
  beforeStop?: () => Promise<void>;
}): Promise<SubgraphServer> {
  const { orm } = options;
  const app = createServiceApp({
    ready: async () => {
      await orm.em.fork().getConnection().execute('select 1');
      return true;
    },
  });
  const apollo = await mountSubgraph(app, {
    schema: options.schema,
    internalSecret: options.internalSecret,
    buildContext: options.buildContext,
    checkClaim: options.checkClaim,
  });
  for (const m of options.modules) if (m.routes) app.use(m.routes(options.runtime));
  for (const router of options.routes ?? []) app.use(router);
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    async start(port = options.http.port, host = options.http.host) {
      listening = await listen(app, port, host);
      await options.onListening?.(listening, { port, host });
      for (const m of options.modules) await m.startWorkers?.(options.runtime);
      return listening;
    },
    async stop() {
      await options.beforeStop?.();
      await options.jobs.stop({ graceful: true, timeout: 5000 });
      await listening?.close();
      await apollo.stop();
      await options.onStop?.();
    },
  };
}

import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, JobQueue, SubgraphContextBase } from '@pay/common';
import type { ReconciliationConfig } from './config';
import { createReconciliationLoaders, type ReconciliationLoaders } from './loaders';

/** Long-lived collaborators shared by requests and jobs. */
export interface ReconciliationRuntime {
  orm: MikroORM;
  config: ReconciliationConfig;
  jobs: JobQueue;
}

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface ReconciliationContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: ReconciliationLoaders;
  runtime: ReconciliationRuntime;
}

export function buildReconciliationContext(
  runtime: ReconciliationRuntime,
  actor: Actor,
  requestId: string,
): ReconciliationContext {
  const em = runtime.orm.em.fork();
  return { em, actor, requestId, runtime, loaders: createReconciliationLoaders(em) };
}

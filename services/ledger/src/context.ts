import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, JobQueue, SubgraphContextBase } from '@pay/common';
import { createLedgerLoaders, type LedgerLoaders } from './loaders';
import type { LedgerConfig } from './config';
import type { LedgerHealthCache } from './modules/verify/ledger-health';

/** Long-lived collaborators shared by requests and jobs. */
export interface LedgerRuntime {
  orm: MikroORM;
  config: LedgerConfig;
  jobs: JobQueue;
  /** The server's cached ledger verification (`ledgerHealth`). */
  ledgerHealth: LedgerHealthCache;
}

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface LedgerContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: LedgerLoaders;
  config: LedgerConfig;
  /** The server's cached ledger verification (`ledgerHealth`). */
  ledgerHealth: LedgerHealthCache;
}

export function buildLedgerContext(runtime: LedgerRuntime, actor: Actor, requestId: string): LedgerContext {
  const em = runtime.orm.em.fork();
  const { config, ledgerHealth } = runtime;
  return { em, actor, requestId, config, ledgerHealth, loaders: createLedgerLoaders(em) };
}

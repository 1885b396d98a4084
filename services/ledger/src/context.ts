import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, SubgraphContextBase } from '@pay/common';
import { createLedgerLoaders, type LedgerLoaders } from './loaders';
import type { LedgerConfig } from './config';
import type { LedgerHealthCache } from './modules/verify/ledger-health';

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface LedgerContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: LedgerLoaders;
  config: LedgerConfig;
  /** The server's cached ledger verification (`ledgerHealth`). */
  ledgerHealth: LedgerHealthCache;
}

export function buildLedgerContext(
  orm: MikroORM,
  config: LedgerConfig,
  actor: Actor,
  requestId: string,
  ledgerHealth: LedgerHealthCache,
): LedgerContext {
  const em = orm.em.fork();
  return { em, actor, requestId, config, ledgerHealth, loaders: createLedgerLoaders(em) };
}

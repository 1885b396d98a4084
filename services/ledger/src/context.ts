import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, SubgraphContextBase } from '@pay/common';
import { createLedgerLoaders, type LedgerLoaders } from './loaders';
import type { LedgerConfig } from './config';

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface LedgerContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: LedgerLoaders;
  config: LedgerConfig;
}

export function buildLedgerContext(
  orm: MikroORM,
  config: LedgerConfig,
  actor: Actor,
  requestId: string,
): LedgerContext {
  const em = orm.em.fork();
  return { em, actor, requestId, config, loaders: createLedgerLoaders(em) };
}

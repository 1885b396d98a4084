import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, JobQueue, SubgraphContextBase } from '@pay/common';
import type { SettlementConfig } from './config';
import { createSettlementLoaders, type SettlementLoaders } from './loaders';
import type { LedgerClient } from './modules/ledger/ledger.client';
import type { VoucherStore } from './modules/voucher/voucher-store';

/** Long-lived collaborators shared by requests and jobs. */
export interface SettlementRuntime {
  orm: MikroORM;
  config: SettlementConfig;
  jobs: JobQueue;
  ledger: LedgerClient;
  vouchers: VoucherStore;
}

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface SettlementContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: SettlementLoaders;
  runtime: SettlementRuntime;
}

export function buildSettlementContext(
  runtime: SettlementRuntime,
  actor: Actor,
  requestId: string,
): SettlementContext {
  const em = runtime.orm.em.fork();
  return { em, actor, requestId, runtime, loaders: createSettlementLoaders(em) };
}

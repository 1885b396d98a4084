import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor, JobQueue, OutboxRelay, SubgraphContextBase } from '@pay/common';
import { createOrdersLoaders, type OrdersLoaders } from './loaders';
import type { OrdersConfig } from './config';
import type { SandboxKeys } from './modules/sandbox/sandbox-keys';
import type { EventSink } from './modules/order/event-sink.client';
import type { MerchantCredentialCache } from './modules/merchant/merchant-credentials';

/** Long-lived collaborators of the orders service, shared by requests and jobs. */
export interface OrdersRuntime {
  orm: MikroORM;
  config: OrdersConfig;
  jobs: JobQueue;
  relay: OutboxRelay;
  sandboxKeys: SandboxKeys;
  /** Merchants' status and signing keys for the merchant API's verdicts, kept until their row changes. */
  merchantCredentials: MerchantCredentialCache;
  /** The ledger, when configured: money-moving events go there and reversals ask it first. */
  ledger: EventSink | null;
  /** Base URL payers and channels reach this service at; known once it listens. */
  publicUrl: string;
}

/** Per-request context: a forked EntityManager, loaders built on it, the verified actor. */
export interface OrdersContext extends SubgraphContextBase {
  em: EntityManager;
  loaders: OrdersLoaders;
  runtime: OrdersRuntime;
}

export function buildOrdersContext(runtime: OrdersRuntime, actor: Actor, requestId: string): OrdersContext {
  const em = runtime.orm.em.fork();
  return { em, actor, requestId, loaders: createOrdersLoaders(em), runtime };
}

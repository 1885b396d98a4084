import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, SubgraphContextBase } from '@pay/common';
import { createOrdersLoaders, type OrdersLoaders } from './loaders';
import type { OrdersRuntime } from './runtime';

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

import type { EntityManager } from '@mikro-orm/postgresql';
import { moduleLoaders } from '@pay/common';
import { ordersModules } from './modules';
import type { channelModule } from './modules/channel';
import type { merchantModule } from './modules/merchant';
import type { notificationModule } from './modules/notification';
import type { orderModule } from './modules/order';
import type { upstreamModule } from './modules/upstream';

type LoadersOf<M> = M extends { loaders?: (em: EntityManager) => infer L } ? L : never;

/** A request's loaders: every module's, on the request's EntityManager. */
export type OrdersLoaders = LoadersOf<typeof orderModule> &
  LoadersOf<typeof merchantModule> &
  LoadersOf<typeof channelModule> &
  LoadersOf<typeof upstreamModule> &
  LoadersOf<typeof notificationModule>;

export function createOrdersLoaders(em: EntityManager): OrdersLoaders {
  return moduleLoaders<OrdersLoaders>(ordersModules, em);
}

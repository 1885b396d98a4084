import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { orderEventRoutes } from './order-events.routes';

/** Order events from the orders service's outbox: each posts its split (internal endpoint). */
export const orderEventsModule: ServiceModule<LedgerRuntime> = {
  resolvers: [],
  routes: (runtime) => orderEventRoutes(runtime.orm, runtime.config.auth.internalSecret),
};

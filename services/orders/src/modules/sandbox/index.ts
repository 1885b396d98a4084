import type { ServiceModule } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { sandboxRoutes } from './sandbox.routes';

/** The sandbox upstream channel: cashier and pay pages, its Alipay-style gateway and statements. */
export const sandboxModule: ServiceModule<OrdersRuntime> = {
  resolvers: [],
  routes: sandboxRoutes,
};

import type { ServiceModule } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { StatsResolver } from './stats.resolver';

/** Statistics over orders (merchant API summaries, risk, the console's overview). */
export const statsModule: ServiceModule<OrdersRuntime> = {
  resolvers: [StatsResolver],
};

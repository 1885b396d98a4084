import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { settlementMoneyRoutes } from './settlement-money.routes';

/** Money movements the settlement service asks for (payouts, wallet collections; internal endpoint). */
export const settlementMoneyModule: ServiceModule<LedgerRuntime> = {
  resolvers: [],
  routes: (runtime) => settlementMoneyRoutes(runtime.orm, runtime.config.auth.internalSecret),
};

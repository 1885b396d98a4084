// PLACEHOLDER: the settlement helper replaces this with the real module.
import type { SettlementServiceModule } from '../service-module';

export const settlementModule: SettlementServiceModule = {
  resolvers: [],
  entities: [],
  queues: [],
  loaders: () => ({}),
};

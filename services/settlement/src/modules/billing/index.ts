// PLACEHOLDER: the billing helper replaces this with the real module.
import type { SettlementServiceModule } from '../service-module';

export const billingModule: SettlementServiceModule = {
  resolvers: [],
  entities: [],
  queues: [],
  loaders: () => ({}),
};

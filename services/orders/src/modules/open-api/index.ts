import type { ServiceModule } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { OpenApiApp } from './open-api-app.entity';
import { openApiSignatureRoutes } from './open-api-signature.routes';

/** Open API apps and their request signatures (verdicts for the gateway; internal endpoint). */
export const openApiModule: ServiceModule<OrdersRuntime> = {
  resolvers: [],
  entities: [OpenApiApp],
  routes: ({ orm, config }) => openApiSignatureRoutes(orm, config.auth.internalSecret),
};

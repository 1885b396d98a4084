import type { ServiceModule } from '@pay/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { keyedLoader, numericKey } from '@pay/common';
import type { OrdersContext, OrdersRuntime } from '../../context';
import { callbackRoutes } from './callback.routes';
import { UpstreamConfig } from './upstream-config.entity';

const upstreamLoaders = (em: EntityManager) => ({
  upstreamConfig: keyedLoader<number, UpstreamConfig>(
    (ids) => em.find(UpstreamConfig, { pzid: { $in: [...ids] } }),
    (u) => u.pzid,
  ),
});

/** Upstream channels' configs (`pzid`), their adapters, routing and payment callbacks. */
export const upstreamModule: ServiceModule<OrdersRuntime, ReturnType<typeof upstreamLoaders>> = {
  resolvers: [],
  entities: [UpstreamConfig],
  references: {
    UpstreamConfig: {
      __resolveReference: (ref: { pzid: number | string }, ctx: OrdersContext) => {
        const pzid = numericKey(ref.pzid);
        return pzid === null ? null : ctx.loaders.upstreamConfig.load(pzid);
      },
    },
  },
  routes: callbackRoutes,
  loaders: upstreamLoaders,
};

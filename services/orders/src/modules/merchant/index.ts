import type { ServiceModule } from '@pay/common';
import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findByKeys, keyedLoader, numericKey } from '@pay/common';
import type { OrdersContext, OrdersRuntime } from '../../context';
import { MerchantResolver } from './merchant.resolver';
import { Agent } from './agent.entity';
import { Merchant } from './merchant.entity';
import { merchantApiSignatureRoutes } from './merchant-api-signature.routes';
import { merchantSecurityRoutes } from './merchant-security.routes';

const merchantLoaders = (em: EntityManager) => ({
  merchant: keyedLoader<number, Merchant>(
    (ids) => findByKeys(em, Merchant, 'id', ids),
    (m) => m.id,
  ),
  /** Merchants with their (lazy, hidden) signing key loaded: only for the masked key. */
  merchantWithKey: keyedLoader<number, Merchant>(
    (ids) => em.find(Merchant, { id: { $in: [...ids] } }, { populate: ['signingKey'] }),
    (m) => m.id,
  ),
  agent: keyedLoader<number, Agent>(
    (ids) => em.find(Agent, { id: { $in: [...ids] } }),
    (a) => a.id,
  ),
});

/**
 * Merchants and agents; the merchant API's signature verdicts and merchants' two-factor
 * checks for the gateway and the ledger (internal endpoints). Keys never leave here.
 */
export const merchantModule: ServiceModule<OrdersRuntime, ReturnType<typeof merchantLoaders>> = {
  resolvers: [MerchantResolver],
  entities: [Agent, Merchant],
  references: {
    // A MERCHANT actor resolves only itself.
    Merchant: {
      __resolveReference: async (ref: { id: number | string }, ctx: OrdersContext) => {
        const id = numericKey(ref.id);
        if (id === null || (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId)) return null;
        return ctx.loaders.merchant.load(id);
      },
    },
  },
  routes: (runtime) =>
    express
      .Router()
      .use(merchantSecurityRoutes(runtime.orm, runtime.config.auth.internalSecret))
      .use(merchantApiSignatureRoutes(runtime)),
  loaders: merchantLoaders,
};

import type { ReferenceResolvers } from '@pay/common';
import type { OrdersContext } from './context';
import type { Order } from './modules/order/order.entity';

/** A MERCHANT actor resolves only its own entities; others get null. */
function visibleOrder(ctx: OrdersContext, order: Order | null): Order | null {
  if (!order) return null;
  return ctx.actor.role !== 'MERCHANT' || order.merchant.id === ctx.actor.merchantId ? order : null;
}

/**
 * A representation's numeric key, or null when it is not one: a NaN reaching a loader
 * would fail the whole batched `where id in (…)` query, valid keys included.
 */
function numericKey(value: number | string | undefined): number | null {
  return /^\d{1,15}$/.test(String(value ?? '')) ? Number(value) : null;
}

/** `__resolveReference` for every entity this subgraph owns, each through a loader. */
export const ordersReferenceResolvers: ReferenceResolvers = {
  Merchant: {
    __resolveReference: async (ref: { id: number | string }, ctx: OrdersContext) => {
      const id = numericKey(ref.id);
      if (id === null || (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId)) return null;
      return ctx.loaders.merchant.load(id);
    },
  },
  Order: {
    __resolveReference: async (ref: { id?: string; platformOrderNo?: string }, ctx: OrdersContext) => {
      const id = numericKey(ref.id);
      const order = ref.platformOrderNo
        ? await ctx.loaders.orderByPlatformNo.load(ref.platformOrderNo)
        : id === null
          ? null
          : await ctx.loaders.orderById.load(id);
      return visibleOrder(ctx, order);
    },
  },
  Channel: {
    __resolveReference: (ref: { code: string }, ctx: OrdersContext) => ctx.loaders.channel.load(ref.code),
  },
  UpstreamConfig: {
    __resolveReference: (ref: { pzid: number | string }, ctx: OrdersContext) => {
      const pzid = numericKey(ref.pzid);
      return pzid === null ? null : ctx.loaders.upstreamConfig.load(pzid);
    },
  },
};

import type { ReferenceResolvers } from '@pay/common';
import type { OrdersContext } from './context';
import type { Order } from './modules/order/order.entity';

/** A MERCHANT actor resolves only its own entities; others get null. */
function visibleOrder(ctx: OrdersContext, order: Order | null): Order | null {
  if (!order) return null;
  return ctx.actor.role !== 'MERCHANT' || order.merchant.id === ctx.actor.merchantId ? order : null;
}

/** `__resolveReference` for every entity this subgraph owns, each through a loader. */
export const ordersReferenceResolvers: ReferenceResolvers = {
  Merchant: {
    __resolveReference: async (ref: { id: number | string }, ctx: OrdersContext) => {
      const id = Number(ref.id);
      if (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId) return null;
      return ctx.loaders.merchant.load(id);
    },
  },
  Order: {
    __resolveReference: async (ref: { id?: string; platformOrderNo?: string }, ctx: OrdersContext) => {
      const order = ref.platformOrderNo
        ? await ctx.loaders.orderByPlatformNo.load(ref.platformOrderNo)
        : await ctx.loaders.orderById.load(Number(ref.id));
      return visibleOrder(ctx, order);
    },
  },
  Channel: {
    __resolveReference: (ref: { code: string }, ctx: OrdersContext) => ctx.loaders.channel.load(ref.code),
  },
  UpstreamConfig: {
    __resolveReference: (ref: { pzid: number | string }, ctx: OrdersContext) => ctx.loaders.upstreamConfig.load(Number(ref.pzid)),
  },
};

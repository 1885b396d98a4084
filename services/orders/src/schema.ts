import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pay/common';
import { OrderConnectionResolver, OrderResolver } from './modules/order/order.resolver';
import { MerchantResolver } from './modules/merchant/merchant.resolver';
import { ChannelResolver, UpstreamConfigResolver } from './modules/channel/channel.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';
import { NotifyLogResolver } from './modules/notification/notification.resolver';
import { ordersReferenceResolvers } from './references';
import { StoreOrdersResolver } from './modules/order/store-orders.resolver';

/** The orders subgraph's schema. Pure: no database, no environment. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        OrderResolver,
        OrderConnectionResolver,
        MerchantResolver,
        ChannelResolver,
        UpstreamConfigResolver,
        StatsResolver,
        NotifyLogResolver,
        StoreOrdersResolver,
      ],
      validate: false,
    },
    ordersReferenceResolvers,
  );
}

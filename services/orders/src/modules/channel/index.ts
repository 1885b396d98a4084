import type { ServiceModule } from '@pay/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findByKeys, keyedLoader } from '@pay/common';
import type { OrdersContext, OrdersRuntime } from '../../context';
import { ChannelResolver, UpstreamConfigResolver } from './channel.resolver';
import { Channel } from './channel.entity';
import { MerchantChannel } from './merchant-channel.entity';

const channelLoaders = (em: EntityManager) => ({
  channel: keyedLoader<string, Channel>(
    (codes) => findByKeys(em, Channel, 'code', codes),
    (c) => c.code,
  ),
});

/** Payment channels, merchants' channel rates, and the upstream configs behind them. */
export const channelModule: ServiceModule<OrdersRuntime, ReturnType<typeof channelLoaders>> = {
  resolvers: [ChannelResolver, UpstreamConfigResolver],
  entities: [Channel, MerchantChannel],
  references: {
    Channel: {
      __resolveReference: (ref: { code: string }, ctx: OrdersContext) => ctx.loaders.channel.load(ref.code),
    },
  },
  loaders: channelLoaders,
};

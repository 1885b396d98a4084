import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { ppmToPercent, requireRole } from '@pay/common';
import type { OrdersContext } from '../../context';
import { Channel } from './channel.entity';
import { UpstreamConfig } from '../upstream/upstream-config.entity';

@Resolver(() => Channel)
export class ChannelResolver {
  @Query(() => [Channel], { description: 'Every channel, in display order.' })
  channels(@Ctx() ctx: OrdersContext): Promise<Channel[]> {
    return ctx.em.find(Channel, {}, { orderBy: { sortOrder: 'asc', code: 'asc' } });
  }

  @Query(() => Channel, { nullable: true, description: 'One channel by code.' })
  channel(@Ctx() ctx: OrdersContext, @Arg('code') code: string): Promise<Channel | null> {
    return ctx.loaders.channel.load(code);
  }
}

@Resolver(() => UpstreamConfig)
export class UpstreamConfigResolver {
  @Query(() => [UpstreamConfig], {
    description: 'Upstream configs (pzid), optionally of one channel (platform roles).',
  })
  upstreamConfigs(
    @Ctx() ctx: OrdersContext,
    @Arg('channelCode', () => String, { nullable: true }) channelCode?: string,
  ): Promise<UpstreamConfig[]> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    return ctx.em.find(UpstreamConfig, channelCode ? { channel: channelCode } : {}, {
      orderBy: { pzid: 'asc' },
    });
  }

  @FieldResolver(() => Float, { description: 'Upstream cost rate in percent, e.g. 0.5 (platform roles).' })
  costRate(@Root() config: UpstreamConfig, @Ctx() ctx: OrdersContext): number {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    return ppmToPercent(config.costRatePpm);
  }

  @FieldResolver(() => Channel, { description: 'The channel this config serves.' })
  async channel(@Root() config: UpstreamConfig, @Ctx() ctx: OrdersContext): Promise<Channel> {
    return (await ctx.loaders.channel.load(config.channel.code))!;
  }
}

import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { AppError, merchantScope, requireRole } from '@pay/common';
import type { OrdersContext } from '../../context';
import { parseOrderAmount } from '../order/order-input';
import {
  channelStatus,
  dailyChannelSummary,
  dailySummary,
  dailyUpstreamSummary,
  feeStatement,
  merchantRates,
  MAX_OVERVIEW_DAYS,
  merchantStats,
  platformOverview,
  resolveDateRange,
  riskStats,
} from './stats.service';
import { DailyChannelSummary, DailySummary, DailyUpstreamSummary } from './daily-summary.type';
import { ChannelStatusItem, MerchantRate, toChannelStatusItem, toMerchantRate } from './merchant-rate.type';
import { FeeStatement, MerchantStats, RiskStats } from './merchant-stats.type';
import { PlatformOverview } from './platform-overview.type';

// Argument classes rather than one @Arg per parameter: type-graphql lists parameter
// decorators' arguments last-first in the SDL, fields of an @ArgsType in declared order.

@ArgsType()
class MerchantArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; required for platform roles, implied for MERCHANT.',
  })
  merchantId?: number | null;
}

@ArgsType()
class DateRangeArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Start, China time: YYYY-MM-DD, YYYY-MM-DD HH:mm:ss or a Unix timestamp.',
  })
  startTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'End, China time, inclusive (a date means through the end of that day).',
  })
  endTime?: string | null;
}

@ArgsType()
class MerchantRangeArgs extends DateRangeArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; required for platform roles, implied for MERCHANT.',
  })
  merchantId?: number | null;
}

@ArgsType()
class DailySummaryArgs extends MerchantRangeArgs {
  @Field(() => String, { nullable: true, description: 'Only this channel.' })
  channelCode?: string | null;
}

@ArgsType()
class DailyChannelSummaryArgs extends MerchantRangeArgs {
  @Field(() => [String], { nullable: true, description: 'Only these channels; null or empty for all.' })
  channelCodes?: string[] | null;
}

@ArgsType()
class DailyUpstreamSummaryArgs extends DateRangeArgs {
  @Field(() => Int, { description: 'Upstream config id, a positive integer.' })
  pzid!: number;
}

@ArgsType()
class RiskStatsArgs extends MerchantArgs {
  @Field(() => String, { nullable: true, description: 'High-value threshold in yuan; default "1000.00".' })
  highAmount?: string | null;
}

@ArgsType()
class PlatformOverviewArgs {
  @Field(() => Int, {
    defaultValue: 7,
    description: `Number of China days, today included: 1 to ${MAX_OVERVIEW_DAYS}.`,
  })
  days!: number;
}

/** The merchant a query is about: the actor's own, or the one a platform role names. */
function scopedMerchant(ctx: OrdersContext, requested?: number | null): number {
  const merchantId = merchantScope(ctx.actor, requested);
  if (merchantId === undefined)
    throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
  return merchantId;
}

@Resolver()
export class StatsResolver {
  @Query(() => MerchantStats, {
    description: "A merchant's overview: paid today, yesterday and in total, and pending (`/stats`).",
  })
  async merchantStats(@Ctx() ctx: OrdersContext, @Args() args: MerchantArgs): Promise<MerchantStats> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    return { merchantId, ...(await merchantStats(ctx.em, merchantId)) };
  }

  @Query(() => DailySummary, {
    description: "A merchant's paid orders per China day; by default the last 7 days (`/summarybyday`).",
  })
  async dailySummary(@Ctx() ctx: OrdersContext, @Args() args: DailySummaryArgs): Promise<DailySummary> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    const range = resolveDateRange({ start: args.startTime, end: args.endTime }, 7);
    const channelCode = args.channelCode?.trim() || null;
    const items = await dailySummary(ctx.em, { merchantId, from: range.from, to: range.to, channelCode });
    return { merchantId, startDate: range.startDate, endDate: range.endDate, channelCode, items };
  }

  @Query(() => DailyChannelSummary, {
    description:
      "A merchant's paid orders per China day and channel; by default the last 7 days (`/summarybydaychannel`).",
  })
  async dailyChannelSummary(
    @Ctx() ctx: OrdersContext,
    @Args() args: DailyChannelSummaryArgs,
  ): Promise<DailyChannelSummary> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    const range = resolveDateRange({ start: args.startTime, end: args.endTime }, 7);
    const codes = args.channelCodes?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
    const channelCodes = codes.length > 0 ? codes : null;
    const items = await dailyChannelSummary(ctx.em, {
      merchantId,
      from: range.from,
      to: range.to,
      channelCodes,
    });
    return { merchantId, startDate: range.startDate, endDate: range.endDate, channelCodes, items };
  }

  @Query(() => DailyUpstreamSummary, {
    nullable: true,
    description:
      'Paid and withheld orders of all merchants on one upstream config per China day; by default the last 7 days. ' +
      'Platform roles only; null for an unknown pzid (`/summarybydaypzid`).',
  })
  async dailyUpstreamSummary(
    @Ctx() ctx: OrdersContext,
    @Args() args: DailyUpstreamSummaryArgs,
  ): Promise<DailyUpstreamSummary | null> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    if (!Number.isInteger(args.pzid) || args.pzid <= 0) {
      throw new AppError('BAD_USER_INPUT', 'pzid must be a positive integer', { argument: 'pzid' });
    }
    const range = resolveDateRange({ start: args.startTime, end: args.endTime }, 7);
    const summary = await dailyUpstreamSummary(ctx.em, { pzid: args.pzid, from: range.from, to: range.to });
    return summary && { ...summary, startDate: range.startDate, endDate: range.endDate };
  }

  @Query(() => PlatformOverview, {
    description:
      "Every merchant's orders of the last days (created, paid, volume) per China day and per channel, " +
      "and failed merchant notifications: the operators' dashboard. Platform roles only.",
  })
  async platformOverview(
    @Ctx() ctx: OrdersContext,
    @Args() args: PlatformOverviewArgs,
  ): Promise<PlatformOverview> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    if (!Number.isInteger(args.days) || args.days < 1 || args.days > MAX_OVERVIEW_DAYS) {
      throw new AppError('BAD_USER_INPUT', `days must be between 1 and ${MAX_OVERVIEW_DAYS}`, {
        argument: 'days',
      });
    }
    return platformOverview(ctx.em, { days: args.days });
  }

  @Query(() => FeeStatement, {
    description:
      "Totals and fee split of a merchant's paid orders; by default the last 30 days (`/feestatement`).",
  })
  async feeStatement(@Ctx() ctx: OrdersContext, @Args() args: MerchantRangeArgs): Promise<FeeStatement> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    const range = resolveDateRange({ start: args.startTime, end: args.endTime }, 30);
    const totals = await feeStatement(ctx.em, { merchantId, from: range.from, to: range.to });
    return { merchantId, startDate: range.startDate, endDate: range.endDate, ...totals };
  }

  @Query(() => RiskStats, {
    description:
      'Stale pending orders, high-value orders today, failed notifications and withheld orders (`/riskstats`).',
  })
  async riskStats(@Ctx() ctx: OrdersContext, @Args() args: RiskStatsArgs): Promise<RiskStats> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    const highAmount = parseOrderAmount(args.highAmount?.trim() || '1000.00', 'highAmount');
    return { merchantId, ...(await riskStats(ctx.em, { merchantId, highAmount })) };
  }

  @Query(() => [MerchantRate], {
    description: "Every channel with the merchant's switch and rate, in display order (`/rates`).",
  })
  async merchantRates(@Ctx() ctx: OrdersContext, @Args() args: MerchantArgs): Promise<MerchantRate[]> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    return (await merchantRates(ctx.em, merchantId)).map(toMerchantRate);
  }

  @Query(() => [ChannelStatusItem], {
    description:
      "Every channel's switches, limits, quota use today and the merchant's settings and last use (`/channelstatus`).",
  })
  async channelStatus(@Ctx() ctx: OrdersContext, @Args() args: MerchantArgs): Promise<ChannelStatusItem[]> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    return (await channelStatus(ctx.em, merchantId)).map(toChannelStatusItem);
  }
}

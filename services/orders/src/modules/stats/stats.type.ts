import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { MoneyScalar, ppmToPercent } from '@pay/common';
import type {
  ChannelStatusRow,
  CreatedTotals,
  MerchantRateRow,
  PlatformOverviewResult,
} from './stats.service';

@ObjectType({ description: 'Paid orders of a period: count, gross amount, merchant and agent income.' })
export class PeriodTotals {
  @Field(() => Int, { description: 'Number of paid orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of what the merchant receives.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "Sum of the agent's commission." })
  agentIncome!: number;
}

@ObjectType({ description: 'Orders still waiting for payment.' })
export class PendingTotals {
  @Field(() => Int, { description: 'Number of pending orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of their amounts.' })
  grossAmount!: number;
}

@ObjectType({
  description: "A merchant's business overview (`/stats`). Days are China calendar days, by payment time.",
})
export class MerchantStats {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => PeriodTotals, { description: 'Orders paid today.' })
  today!: PeriodTotals;

  @Field(() => PeriodTotals, { description: 'Orders paid yesterday.' })
  yesterday!: PeriodTotals;

  @Field(() => PeriodTotals, { description: 'All paid orders ever.' })
  total!: PeriodTotals;

  @Field(() => PendingTotals, { description: 'Orders waiting for payment.' })
  pending!: PendingTotals;
}

@ObjectType({ description: 'Paid orders of one China calendar day.' })
export class DailySummaryItem {
  @Field({ description: 'The day, YYYY-MM-DD (China time).' })
  date!: string;

  @Field(() => Int, { description: 'Number of paid orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of what the merchant receives.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "Sum of the agent's commission." })
  agentIncome!: number;
}

@ObjectType({
  description: "A merchant's paid orders per day (`/summarybyday`); only days with orders are listed.",
})
export class DailySummary {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;

  @Field(() => String, { nullable: true, description: 'The channel the summary is limited to, if any.' })
  channelCode!: string | null;

  @Field(() => [DailySummaryItem], { description: 'One item per day with paid orders, oldest first.' })
  items!: DailySummaryItem[];
}

@ObjectType({ description: 'Paid orders of one China calendar day on one channel.' })
export class DailyChannelSummaryItem extends DailySummaryItem {
  @Field({ description: 'Channel code.' })
  channelCode!: string;

  @Field({ description: 'Channel name.' })
  channelName!: string;
}

@ObjectType({ description: "A merchant's paid orders per day and channel (`/summarybydaychannel`)." })
export class DailyChannelSummary {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The channels the summary is limited to; null for all.',
  })
  channelCodes!: string[] | null;

  @Field(() => [DailyChannelSummaryItem], {
    description: 'One item per day and channel with paid orders, by date then channel code.',
  })
  items!: DailyChannelSummaryItem[];
}

@ObjectType({
  description:
    'Paid and withheld orders of every merchant on one upstream config, per day (`/summarybydaypzid`, platform only).',
})
export class DailyUpstreamSummary {
  @Field(() => Int, { description: 'Upstream config id (`pzid`).' })
  pzid!: number;

  @Field({ description: 'Upstream config name (`pz_name`).' })
  pzName!: string;

  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;

  @Field(() => [DailySummaryItem], { description: 'One item per day with orders, oldest first.' })
  items!: DailySummaryItem[];
}

@ObjectType({ description: "Totals and fee split of a merchant's paid orders in a range (`/feestatement`)." })
export class FeeStatement {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;

  @Field(() => Int, { description: 'Number of paid orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of what the merchant receives.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "Sum of the agent's commission." })
  agentIncome!: number;

  @Field(() => MoneyScalar, { description: "The platform's income: channel fees minus upstream costs." })
  platformIncome!: number;

  @Field(() => MoneyScalar, { description: "The platform's fee: merchant fees minus agent commissions." })
  platformFee!: number;
}

@ObjectType({ description: "Counts that need a merchant's attention (`/riskstats`)." })
export class RiskStats {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => Date, { description: 'When the counts were taken.' })
  generatedAt!: Date;

  @Field(() => Int, { description: 'Pending orders created more than 30 minutes ago.' })
  pendingOver30m!: number;

  @Field(() => Int, {
    description: 'Orders created today (China time) of at least the high amount, in any status.',
  })
  highValueToday!: number;

  @Field(() => Int, { description: 'Orders whose merchant notification failed.' })
  failedNotifications!: number;

  @Field(() => Int, { description: 'Withheld (扣量) orders.' })
  withheld!: number;
}

@ObjectType({ description: "A channel with the merchant's switch and rate on it (`/rates`)." })
export class MerchantRate {
  @Field({ description: 'Channel code.' })
  channelCode!: string;

  @Field({ description: 'Channel name.' })
  channelName!: string;

  @Field({ description: '"enabled" when both the system and the merchant switch are on, else "disabled".' })
  status!: string;

  @Field({ description: 'Merchant switch.' })
  merchantSwitch!: boolean;

  @Field({ description: 'System switch.' })
  systemSwitch!: boolean;

  @Field(() => Float, { description: 'Merchant fee rate in percent (e.g. 11.5); 0 when not enabled.' })
  rate!: number;

  @Field({ description: 'The rate as shown to people, e.g. "11.5%"; "-" when not enabled.' })
  rateDisplay!: string;

  @Field({ description: 'Whether the rate was set for this merchant rather than inherited.' })
  userDefinedRate!: boolean;
}

@ObjectType({
  description:
    "A channel's switches, limits and quota use, and the merchant's settings on it (`/channelstatus`).",
})
export class ChannelStatusItem {
  @Field({ description: 'Channel code.' })
  channelCode!: string;

  @Field({ description: 'Channel name.' })
  channelName!: string;

  @Field({ description: 'System switch.' })
  systemEnabled!: boolean;

  @Field({ description: 'Merchant switch.' })
  merchantEnabled!: boolean;

  @Field(() => Float, {
    description: 'Merchant fee rate in percent (e.g. 11.5); 0 when the merchant switch is off.',
  })
  rate!: number;

  @Field({ description: 'Whether the rate was set for this merchant rather than inherited.' })
  userDefinedRate!: boolean;

  @Field({ description: "Round robin across the channel's upstream configs (else weighted random)." })
  roundRobin!: boolean;

  @Field(() => MoneyScalar, { description: 'Smallest amount accepted.' })
  minAmount!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Largest amount accepted; null for no limit.' })
  maxAmount!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Paid amount allowed per day across all merchants; null for no quota.',
  })
  dailyQuota!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Paid and withheld amount on the channel today (China time) across all merchants; null when there is no quota.',
  })
  dailyUsed!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the merchant last created an order on this channel.',
  })
  lastUsedAt!: Date | null;
}

/** `/rates` shows a disabled channel's rate as 0 and "-". */
export function toMerchantRate(row: MerchantRateRow): MerchantRate {
  const rate = ppmToPercent(row.ratePpm);
  return {
    channelCode: row.channelCode,
    channelName: row.channelName,
    status: row.enabled ? 'enabled' : 'disabled',
    merchantSwitch: row.merchantSwitch,
    systemSwitch: row.systemSwitch,
    rate,
    rateDisplay: row.enabled ? `${rate}%` : '-',
    userDefinedRate: row.userDefinedRate,
  };
}

export function toChannelStatusItem(row: ChannelStatusRow): ChannelStatusItem {
  const { ratePpm, ...rest } = row;
  return { ...rest, rate: ppmToPercent(ratePpm) };
}

@ObjectType({
  description: 'Orders created in a period (a China day, or the whole window) and the paid part of them.',
})
export class PlatformTotals {
  @Field(() => Int, { description: 'Orders created.' })
  orderCount!: number;

  @Field(() => Int, {
    description:
      'Of those, orders paid (including withheld ones: the payer paid). Success rate = paidCount / orderCount.',
  })
  paidCount!: number;

  @Field(() => MoneyScalar, { description: "Sum of the paid orders' amounts (volume)." })
  paidAmount!: number;

  @Field(() => GraphQLSafeInt, { description: '`paidAmount` in fen (for charts).' })
  paidAmountFen!: number;
}

@ObjectType({ description: "Every merchant's orders created on one China calendar day." })
export class PlatformDay extends PlatformTotals {
  @Field({ description: 'The day, YYYY-MM-DD (China time).' })
  date!: string;
}

@ObjectType({ description: "Every merchant's orders on one channel, created in the overview's window." })
export class PlatformChannelTotals extends PlatformTotals {
  @Field({ description: 'Channel code.' })
  channelCode!: string;

  @Field({ description: 'Channel name.' })
  channelName!: string;
}

@ObjectType({
  description:
    "The platform's business at a glance (platform roles): orders of the last days by China day of creation, per channel, and failed merchant notifications.",
})
export class PlatformOverview {
  @Field({ description: 'First day of the window, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the window (today), YYYY-MM-DD.' })
  endDate!: string;

  @Field(() => [PlatformDay], {
    description: 'One item per day of the window, oldest first, empty days included.',
  })
  days!: PlatformDay[];

  @Field(() => PlatformTotals, { description: 'The whole window.' })
  total!: PlatformTotals;

  @Field(() => [PlatformChannelTotals], {
    description: 'Channels with orders in the window, largest paid amount first.',
  })
  channels!: PlatformChannelTotals[];

  @Field(() => Int, {
    description: 'Orders (created on any day) whose merchant notification failed for good.',
  })
  failedNotifications!: number;

  @Field(() => Date, { description: 'When the numbers were taken.' })
  generatedAt!: Date;
}

/** Money as the Money scalar and, for charts, as integer fen. */
const withFen = <T extends CreatedTotals>(t: T): T & { paidAmountFen: number } => ({
  ...t,
  paidAmountFen: t.paidAmount,
});

export function toPlatformOverview(result: PlatformOverviewResult): PlatformOverview {
  return {
    ...result,
    days: result.days.map(withFen),
    total: withFen(result.total),
    channels: result.channels.map(withFen),
  };
}

import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '@pay/common';

/** The days a summary covers (China calendar days): inherited fields, never a field's type itself. */
@ObjectType()
abstract class DayRange {
  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;
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
export class DailySummary extends DayRange {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

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
export class DailyChannelSummary extends DayRange {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

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
export class DailyUpstreamSummary extends DayRange {
  @Field(() => Int, { description: 'Upstream config id (`pzid`).' })
  pzid!: number;

  @Field({ description: 'Upstream config name (`pz_name`).' })
  pzName!: string;

  @Field(() => [DailySummaryItem], { description: 'One item per day with orders, oldest first.' })
  items!: DailySummaryItem[];
}

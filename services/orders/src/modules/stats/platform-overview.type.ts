import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '@pay/common';

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

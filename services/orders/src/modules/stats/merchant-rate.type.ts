import { Field, Float, ObjectType } from 'type-graphql';
import { MoneyScalar, ppmToPercent } from '@pay/common';
import type { ChannelStatusRow, MerchantRateRow } from './stats.service';

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

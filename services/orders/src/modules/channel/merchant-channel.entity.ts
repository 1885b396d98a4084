import { Entity, ManyToOne, PrimaryKeyProp, Property, type Rel, OptionalProps } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ppmToPercent } from '@pay/common';
import { Merchant } from '../merchant/merchant.entity';
import { Channel } from './channel.entity';

@ObjectType({ description: "A merchant's settings on one channel: switch, rate, routing." })
@Entity({ tableName: 'merchant_channel' })
export class MerchantChannel {
  [OptionalProps]?:
    | 'enabled'
    | 'ratePpm'
    | 'agentRatePpm'
    | 'userDefinedRate'
    | 'roundRobin'
    | 'roundRobinCursor'
    | 'withholdEvery'
    | 'paidCounter'
    | 'rate'
    | 'agentRate';
  [PrimaryKeyProp]?: ['merchant', 'channel'];

  @ManyToOne(() => Merchant, { primary: true })
  merchant!: Rel<Merchant>;

  @Field(() => Channel, { description: 'The channel.' })
  @ManyToOne(() => Channel, { primary: true })
  channel!: Rel<Channel>;

  @Field({ description: 'Merchant switch for this channel.' })
  @Property()
  enabled: boolean = false;

  /** Merchant fee rate in ppm of the amount (11.5 % = 115000), agent commission included. */
  @Property()
  ratePpm: number = 0;

  /** Agent commission in ppm of the amount, carved out of the merchant fee. */
  @Property()
  agentRatePpm: number = 0;

  @Field({ description: 'Whether the rate was set for this merchant rather than inherited.' })
  @Property()
  userDefinedRate: boolean = false;

  @Field({ description: "Round robin across the channel's upstream configs (else weighted random)." })
  @Property()
  roundRobin: boolean = false;

  /** Position of the round robin; advanced atomically per order. */
  @Property()
  roundRobinCursor: number = 0;

  @Field(() => Int, { description: 'Withhold (扣量) every Nth paid order on this channel; 0 = never.' })
  @Property()
  withholdEvery: number = 0;

  /** Paid orders counted towards `withholdEvery`. */
  @Property()
  paidCounter: number = 0;

  @Field(() => Float, { description: 'Merchant fee rate in percent, e.g. 11.5.' })
  get rate(): number {
    return ppmToPercent(this.ratePpm);
  }

  @Field(() => Float, { description: 'Agent commission rate in percent, e.g. 4.' })
  get agentRate(): number {
    return ppmToPercent(this.agentRatePpm);
  }
}

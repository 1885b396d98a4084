import {
  Entity,
  Enum,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  OptionalProps,
  PrimaryKeyProp,
} from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../channel/channel.entity';

export enum UpstreamAdapterKind {
  SANDBOX_ALIPAY = 'sandbox-alipay',
  SANDBOX_WECHAT = 'sandbox-wechat',
}
registerEnumType(UpstreamAdapterKind, {
  name: 'UpstreamAdapterKind',
  description: 'Which upstream adapter carries payments of a config.',
});

@ObjectType({
  description: 'An upstream configuration (pzid): one account at an upstream provider serving a channel.',
})
@Directive('@key(fields: "pzid")')
@Entity({ tableName: 'upstream_config' })
export class UpstreamConfig {
  [PrimaryKeyProp]?: 'pzid';
  [OptionalProps]?: 'adapter' | 'costRatePpm' | 'weight' | 'enabled';

  @Field(() => Int, { description: 'Upstream config id (`pzid`).' })
  @PrimaryKey({ autoincrement: false })
  pzid!: number;

  @Field({ description: 'Config name (`pz_name`).' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => Channel, { description: 'The channel this config serves.' })
  @ManyToOne(() => Channel)
  channel!: Rel<Channel>;

  @Field(() => UpstreamAdapterKind, { description: 'Adapter that talks to the upstream.' })
  @Enum({ items: () => UpstreamAdapterKind })
  adapter: UpstreamAdapterKind = UpstreamAdapterKind.SANDBOX_ALIPAY;

  /** What the upstream charges, in ppm of the amount. */
  @Property()
  costRatePpm: number = 0;

  @Field(() => Int, { description: 'Weight in weighted-random routing.' })
  @Property()
  weight: number = 1;

  @Field({ description: 'Whether orders may be routed to this config.' })
  @Property()
  enabled: boolean = true;
}

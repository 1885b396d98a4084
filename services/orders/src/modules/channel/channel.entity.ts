import { Entity, Enum, PrimaryKey, Property, OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';

export enum PayType {
  WECHAT = 'wechat',
  ALIPAY = 'alipay',
  QQ = 'qq',
  UNIONPAY = 'unionpay',
  OTHER = 'other',
}
registerEnumType(PayType, { name: 'PayType', description: 'How the payer pays on a channel.' });

@ObjectType({ description: 'A payment channel (通道) merchants can be switched on for, e.g. zfbwthf.' })
@Directive('@key(fields: "code")')
@Entity({ tableName: 'channel' })
export class Channel {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'systemEnabled' | 'minAmount' | 'maxAmount' | 'dailyQuota' | 'sortOrder' | 'createdAt';

  @Field({ description: 'Channel code, e.g. "zfbwthf".' })
  @PrimaryKey({ length: 32 })
  code!: string;

  @Field({ description: 'Channel name.' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => PayType, { description: 'Pay type of the channel.' })
  @Enum({ items: () => PayType })
  payType!: PayType;

  @Field({ description: 'System switch: off disables the channel for every merchant.' })
  @Property()
  systemEnabled: boolean = true;

  @Field(() => MoneyScalar, { description: 'Smallest amount accepted.' })
  @Property({ ...fenColumn() })
  minAmount: number = 0;

  @Field(() => MoneyScalar, { nullable: true, description: 'Largest amount accepted (null: no limit).' })
  @Property({ ...fenColumn(), nullable: true })
  maxAmount: number | null = null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Paid amount allowed per day across all merchants (null: no quota).',
  })
  @Property({ ...fenColumn(), nullable: true })
  dailyQuota: number | null = null;

  @Field(() => Int, { description: 'Display and default-choice order.' })
  @Property()
  sortOrder: number = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

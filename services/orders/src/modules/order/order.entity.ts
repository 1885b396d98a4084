import {
  BigIntType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
  OptionalProps,
} from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';
import { Merchant } from '../merchant/merchant.entity';
import { Channel } from '../channel/channel.entity';
import { UpstreamConfig } from '../upstream/upstream-config.entity';
import { NotifyStatus, OrderStatus } from './order-status';
import { OrderRequestParameters } from './order-request-parameters.type';

export enum NotifyStyle {
  FORM = 'FORM',
  JSON = 'JSON',
}
registerEnumType(NotifyStyle, { name: 'NotifyStyle', description: 'Body format of merchant notifications.' });

@ObjectType({
  description: 'A payment order: a merchant asks the platform to collect an amount through a channel.',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "platformOrderNo")')
@Entity({ tableName: 'order' })
@Unique({ properties: ['merchant', 'merchantOrderNo'] })
@Index({ properties: ['merchant', 'createdAt'] })
@Index({ properties: ['merchant', 'status', 'paidAt'] })
@Index({ properties: ['channel', 'paidAt'] })
@Index({ properties: ['upstreamConfig', 'paidAt'] })
export class Order {
  [OptionalProps]?:
    | 'upstreamOrderNo'
    | 'status'
    | 'notifyStatus'
    | 'notifyAttempts'
    | 'agentId'
    | 'attach'
    | 'notifyStyle'
    | 'orderStyle'
    | 'cashier'
    | 'deductStatus'
    | 'storeId'
    | 'cashierId'
    | 'deviceNo'
    | 'payerId'
    | 'payerNickname'
    | 'createdAt'
    | 'paidAt'
    | 'updatedAt'
    | 'version'
    | 'creditSeq';

  @Field(() => ID, { description: 'Order id (the legacy `order_id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => Merchant)
  merchant!: Rel<Merchant>;

  @Field({ description: "Merchant's order number, without the merchant id prefix." })
  @Property({ length: 64 })
  merchantOrderNo!: string;

  @Field({ description: 'Platform order number, e.g. H25111623144996156788.' })
  @Property({ length: 32, unique: true })
  platformOrderNo!: string;

  @Field(() => String, { nullable: true, description: "The channel's transaction id, once known." })
  @Property({ length: 64, nullable: true })
  upstreamOrderNo: string | null = null;

  @ManyToOne(() => Channel)
  channel!: Rel<Channel>;

  @ManyToOne(() => UpstreamConfig)
  upstreamConfig!: Rel<UpstreamConfig>;

  @Field(() => MoneyScalar, { description: 'Order amount (gross).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => OrderStatus, { description: 'Lifecycle status.' })
  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.PENDING;

  @Field(() => NotifyStatus, { description: 'Merchant notification status.' })
  @Enum({ items: () => NotifyStatus })
  notifyStatus: NotifyStatus = NotifyStatus.PENDING;

  @Field(() => Int, { description: 'Notification attempts made so far.' })
  @Property()
  notifyAttempts: number = 0;

  // Fee split, computed once in integers when the order is created and kept.
  @Field(() => MoneyScalar, { description: 'What the merchant receives.' })
  @Property({ ...fenColumn() })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "The agent's commission." })
  @Property({ ...fenColumn() })
  agentIncome!: number;

  @Field(() => MoneyScalar, { description: "The platform's fee (merchant fee minus agent commission)." })
  @Property({ ...fenColumn() })
  channelFee!: number;

  @Field(() => MoneyScalar, { description: 'What the upstream channel costs the platform.' })
  @Property({ ...fenColumn() })
  upstreamCost!: number;

  @Field(() => MoneyScalar, { description: 'Channel fee minus upstream cost.' })
  @Property({ ...fenColumn() })
  platformProfit!: number;

  @Property()
  merchantRatePpm!: number;

  @Property()
  agentRatePpm!: number;

  @Property()
  upstreamCostRatePpm!: number;

  @Field(() => Int, { nullable: true, description: 'Agent credited with the commission.' })
  @Property({ nullable: true })
  agentId: number | null = null;

  @Field({ description: 'Product title (`description`, `fxdesc`).' })
  @Property({ length: 200 })
  productTitle!: string;

  @Field({ description: 'Merchant data echoed back in notifications.' })
  @Property({ length: 500 })
  attach: string = '';

  @Field({ description: 'Where notifications are posted.' })
  @Property({ length: 500 })
  notifyUrl!: string;

  @Field({ description: 'Where the payer returns after paying.' })
  @Property({ length: 500 })
  returnUrl!: string;

  @Field(() => NotifyStyle, { description: 'Notification body format.' })
  @Enum({ items: () => NotifyStyle })
  notifyStyle: NotifyStyle = NotifyStyle.FORM;

  @Field({ description: 'IP address the order was requested from.' })
  @Property({ length: 64 })
  requestIp!: string;

  @Field(() => OrderRequestParameters, {
    description: 'The create-order request’s own parameters, as given.',
  })
  @Property({ type: 'json' })
  requestParameters!: OrderRequestParameters;

  @Field(() => Int, {
    description: 'Order style: 0 normal, 1 recharge, 2 deposit, 3 test, 4 merchant QR code.',
  })
  @Property()
  orderStyle: number = 0;

  @Field({ description: 'Whether the payment link is the cashier page.' })
  @Property()
  cashier: boolean = false;

  @Field(() => Int, { description: 'Withhold (扣量) state: 1 withheld, 2 not withheld.' })
  @Property()
  deductStatus: number = 2;

  @Field(() => String, { nullable: true, description: 'Store id (open API `store_id`).' })
  @Property({ length: 32, nullable: true })
  storeId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Cashier id (open API `cashier_id`).' })
  @Property({ length: 32, nullable: true })
  cashierId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Device number (`device_no`, `equipment_no`).' })
  @Property({ length: 64, nullable: true })
  deviceNo: string | null = null;

  @Field(() => String, { nullable: true, description: "Payer's id at the channel (openid, buyer id)." })
  @Property({ length: 128, nullable: true })
  payerId: string | null = null;

  @Field(() => String, { nullable: true, description: "Payer's nickname." })
  @Property({ length: 128, nullable: true })
  payerNickname: string | null = null;

  @Field({ description: 'When the order was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was paid.' })
  @Property({ type: 'timestamptz', nullable: true })
  paidAt: Date | null = null;

  @Field({ description: 'Last change.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** How many times the order has been credited (paid or released); numbers the ledger's postings. */
  @Property()
  creditSeq: number = 0;

  /** Optimistic lock: concurrent callbacks and manual actions cannot both win. */
  @Property({ version: true })
  version: number = 1;
}

import { Field, InputType, Int, ArgsType } from 'type-graphql';
import { NotifyStyle } from './order.entity';
import { OrderStatus } from './order-status';

@InputType({ description: 'Create an order (the `/createorder` rules).' })
export class CreateOrderInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; required for platform roles, implied for MERCHANT.',
  })
  merchantId?: number;

  @Field(() => String, { nullable: true, description: "Merchant's order number; generated when absent." })
  merchantOrderNo?: string;

  @Field({ description: 'Amount in yuan with at most two decimals, e.g. "100.00".' })
  amount!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Channel code; the first available channel when absent.',
  })
  channelCode?: string;

  @Field(() => String, { nullable: true, description: 'Notification URL; default https://example.com.' })
  notifyUrl?: string;

  @Field(() => String, { nullable: true, description: 'Return URL; default https://example.com.' })
  returnUrl?: string;

  @Field(() => String, { nullable: true, description: 'Product title; default 商品支付.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Data echoed in notifications.' })
  attach?: string;

  @Field(() => String, { nullable: true, description: "Payer's IP; default the caller's." })
  clientIp?: string;

  @Field(() => Int, {
    nullable: true,
    description: '0 normal, 1 recharge, 2 deposit, 3 test, 4 merchant QR code.',
  })
  orderStyle?: number;

  @Field({ nullable: true, description: 'Return the cashier page link instead of the raw pay link.' })
  cashier?: boolean;

  @Field(() => NotifyStyle, { nullable: true, description: 'Notification body: FORM (default) or JSON.' })
  notifyStyle?: NotifyStyle;

  @Field(() => String, { nullable: true, description: 'Bank code for bank channels.' })
  bankCode?: string;

  @Field(() => String, { nullable: true, description: 'Custom payment method.' })
  paymentMethod?: string;

  @Field(() => String, { nullable: true, description: 'Sub-merchant user id.' })
  subUserId?: string;

  @Field(() => String, { nullable: true, description: 'Signature separator; default |.' })
  signString?: string;

  @Field(() => String, { nullable: true, description: 'Jump flag passed to the cashier.' })
  jumpFlag?: string;

  @Field(() => String, { nullable: true, description: 'Store id.' })
  storeId?: string;

  @Field(() => String, { nullable: true, description: 'Cashier id.' })
  cashierId?: string;

  @Field(() => String, { nullable: true, description: 'Device number.' })
  deviceNo?: string;
}

@InputType({ description: 'Identifies an order for a manual action, with an optional amount check.' })
export class ManualOrderActionInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; needed with a merchant order number for platform roles.',
  })
  merchantId?: number;

  @Field(() => String, { nullable: true, description: "Merchant's order number." })
  merchantOrderNo?: string;

  @Field(() => String, { nullable: true, description: 'Platform order number.' })
  platformOrderNo?: string;

  @Field(() => String, { nullable: true, description: 'When given, must equal the order amount (yuan).' })
  amount?: string;

  @Field(() => String, { nullable: true, description: 'Note for the audit trail.' })
  note?: string;
}

@InputType({ description: 'Orders to notify their merchants about again.' })
export class ResendNotificationsInput {
  @Field(() => [String], { description: 'Platform order numbers (at most 500).' })
  platformOrderNos!: string[];
}

@InputType({ description: 'Filters of the order list.' })
export class OrderFilterInput {
  @Field(() => Int, { nullable: true, description: 'Merchant id (platform roles; implied for MERCHANT).' })
  merchantId?: number;

  @Field(() => Int, { nullable: true, description: 'Legacy status code: 0 pending, 1 paid, 2 withheld.' })
  statusCode?: number;

  @Field(() => [OrderStatus], { nullable: true, description: 'Lifecycle statuses.' })
  statuses?: OrderStatus[];

  @Field(() => String, { nullable: true, description: "Merchant's order number." })
  merchantOrderNo?: string;

  @Field(() => String, { nullable: true, description: 'Platform order number.' })
  platformOrderNo?: string;

  @Field(() => String, { nullable: true, description: 'Channel code.' })
  channelCode?: string;

  @Field(() => Int, { nullable: true, description: 'Upstream config id.' })
  pzid?: number;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  createdFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Created at or before.' })
  createdTo?: Date;

  @Field(() => Date, { nullable: true, description: 'Paid at or after.' })
  paidFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Paid at or before.' })
  paidTo?: Date;

  @Field(() => String, { nullable: true, description: 'Smallest amount (yuan).' })
  minAmount?: string;

  @Field(() => String, { nullable: true, description: 'Largest amount (yuan).' })
  maxAmount?: string;
}

@ArgsType()
export class OrderLookupArgs {
  @Field(() => String, { nullable: true, description: 'Order id.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Platform order number.' })
  platformOrderNo?: string;

  @Field(() => String, {
    nullable: true,
    description: "Merchant's order number (with merchantId for platform roles).",
  })
  merchantOrderNo?: string;

  @Field(() => Int, { nullable: true, description: 'Merchant id.' })
  merchantId?: number;
}

import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection, MoneyScalar } from '@pay/common';
import { Order } from './order.entity';
import type { OrderListFilter } from './order.query';

@ObjectType({ description: 'Totals over every order matching a list filter.' })
export class OrderSummary {
  @Field(() => Int, { description: 'Number of orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of merchant income.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: 'Sum of agent income.' })
  agentIncome!: number;
}

@ObjectType({ description: 'A page of orders with totals.' })
export class OrderConnection extends Connection(Order, 'Order') {
  /** The filter the page was built from, for the lazily computed summary. */
  filter!: OrderListFilter;
}

@ObjectType({ description: 'A created order and how the payer pays it.' })
export class CreateOrderPayload {
  @Field(() => Order, { description: 'The order.' })
  order!: Order;

  @Field({ description: 'Link the payer opens (cashier page when asked for).' })
  paymentUrl!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The upstream's raw payment fields, when it returns a structure.",
  })
  payment!: Record<string, unknown> | null;

  @Field({ description: 'Short digest identifying the order in pay links (`order_md5`).' })
  orderMd5!: string;
}

@ObjectType({ description: 'Outcome of a manual complete or cancel.' })
export class ManualOrderActionPayload {
  @Field(() => Order, { description: 'The order after the action.' })
  order!: Order;

  @Field({ description: 'True when nothing changed (e.g. completing an order already paid).' })
  unchanged!: boolean;

  @Field({ description: "The legacy API's message for this outcome." })
  message!: string;
}

@ObjectType({ description: 'Notifications queued again.' })
export class ResendNotificationsPayload {
  @Field(() => Int, { description: 'Number of orders queued.' })
  queued!: number;

  @Field(() => [String], { description: 'Platform order numbers not found, not yours, or not paid.' })
  skipped!: string[];
}

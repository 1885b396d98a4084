import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';

/**
 * An order a settlement paid out. Keyed by the order number, so an order is settled at
 * most once whatever runs overlap. Amounts are copied from the reconciliation service's
 * view at the time of the run.
 */
@ObjectType({ description: 'An order included in a settlement.' })
@Entity({ tableName: 'settled_order' })
export class SettledOrder {
  @Field({ description: 'Platform order number.' })
  @PrimaryKey({ length: 32 })
  platformOrderNo!: string;

  @Property({ ...fenColumn() })
  settlementId!: number;

  @Property()
  merchantId!: number;

  @Field(() => MoneyScalar, { description: 'The order’s gross amount.' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, { description: 'What the merchant keeps of it (paid out by this settlement).' })
  @Property({ ...fenColumn() })
  merchantIncome!: number;

  @Field(() => Date, { description: 'When it was paid.' })
  @Property({ type: 'timestamptz' })
  paidAt!: Date;
}

import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { fenColumn, MoneyScalar, ppmToPercent } from '@pay/common';
import { billGroupIndex, billMonthTimestamp } from './bill-month';

/**
 * One merchant's bill for one month (`get_mch_detail_bill`'s `detail_bill`): its paid
 * orders, the fee the platform charges on them at the merchant's rate, and how much of it
 * the prepaid wallet has paid. Issued once per month; only collections change `received`.
 */
@ObjectType({ description: "A merchant's monthly bill: the platform's fee on the month's paid orders." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'merchant_bill' })
export class MerchantBill {
  [OptionalProps]?: 'received' | 'issuedAt' | 'updatedAt';

  @Field(() => ID, { description: 'Bill id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => Int, { description: 'Merchant id (`mch_id`).' })
  @Property()
  merchantId!: number;

  @Field({ description: 'First day of the bill month, "YYYY-MM-01" (`bill_month`).' })
  @Property({ type: 'date' })
  billMonth!: string;

  @Field(() => Int, { description: 'Paid orders in the month (`order_count`).' })
  @Property()
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of the paid orders’ amounts (`total_amount`).' })
  @Property(fenColumn())
  salesTotal!: number;

  /** The billing rate applied, in ppm. */
  @Property()
  ratePpm!: number;

  @Field(() => MoneyScalar, {
    description: 'The platform’s fee: sales total × rate, rounded once half-up to the fen (`receivable`).',
  })
  @Property(fenColumn())
  receivable!: number;

  @Field(() => MoneyScalar, { description: 'Paid so far from the prepaid wallet (`recv_money`).' })
  @Property(fenColumn())
  received: number = 0;

  @Field({ description: 'Pay remark (`pay_remark`), "暂无" unless the billing terms give one.' })
  @Property({ length: 200 })
  payRemark!: string;

  @Field({ description: 'Who issued the bill: `auto` (the monthly job) or an operator.' })
  @Property({ length: 200 })
  issuedBy!: string;

  @Field({ description: 'When the bill was issued.' })
  @Property()
  issuedAt: Date = new Date();

  @Property()
  updatedAt: Date = new Date();

  @Field(() => MoneyScalar, { description: 'Still owed: receivable − received (`left_money`).' })
  get left(): number {
    return this.receivable - this.received;
  }

  @Field(() => Float, { description: 'Billing rate in percent, e.g. 5.9.' })
  get ratePercent(): number {
    return ppmToPercent(this.ratePpm);
  }

  @Field(() => Float, {
    description:
      'Bill month start in milliseconds as the legacy CRM renders it (`bill_time_stamp`): the China wall-clock midnight read as UTC, e.g. 2019-08 → 1564617600000.',
  })
  get billTimestamp(): number {
    return billMonthTimestamp(this.billMonth);
  }

  @Field({ description: 'Legacy group key "YYYY-MM_<merchant id>" (`group_index`).' })
  get groupIndex(): string {
    return billGroupIndex(this.billMonth, this.merchantId);
  }
}

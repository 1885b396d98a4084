import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '@pay/common';

@ObjectType({ description: 'Paid orders of a period: count, gross amount, merchant and agent income.' })
export class PeriodTotals {
  @Field(() => Int, { description: 'Number of paid orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of what the merchant receives.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "Sum of the agent's commission." })
  agentIncome!: number;
}

@ObjectType({ description: 'Orders still waiting for payment.' })
export class PendingTotals {
  @Field(() => Int, { description: 'Number of pending orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of their amounts.' })
  grossAmount!: number;
}

@ObjectType({
  description: "A merchant's business overview (`/stats`). Days are China calendar days, by payment time.",
})
export class MerchantStats {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => PeriodTotals, { description: 'Orders paid today.' })
  today!: PeriodTotals;

  @Field(() => PeriodTotals, { description: 'Orders paid yesterday.' })
  yesterday!: PeriodTotals;

  @Field(() => PeriodTotals, { description: 'All paid orders ever.' })
  total!: PeriodTotals;

  @Field(() => PendingTotals, { description: 'Orders waiting for payment.' })
  pending!: PendingTotals;
}

@ObjectType({ description: "Totals and fee split of a merchant's paid orders in a range (`/feestatement`)." })
export class FeeStatement {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'First day of the range, YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'Last day of the range, YYYY-MM-DD (inclusive).' })
  endDate!: string;

  @Field(() => Int, { description: 'Number of paid orders.' })
  orderCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of order amounts.' })
  grossAmount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of what the merchant receives.' })
  merchantIncome!: number;

  @Field(() => MoneyScalar, { description: "Sum of the agent's commission." })
  agentIncome!: number;

  @Field(() => MoneyScalar, { description: "The platform's income: channel fees minus upstream costs." })
  platformIncome!: number;

  @Field(() => MoneyScalar, { description: "The platform's fee: merchant fees minus agent commissions." })
  platformFee!: number;
}

@ObjectType({ description: "Counts that need a merchant's attention (`/riskstats`)." })
export class RiskStats {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => Date, { description: 'When the counts were taken.' })
  generatedAt!: Date;

  @Field(() => Int, { description: 'Pending orders created more than 30 minutes ago.' })
  pendingOver30m!: number;

  @Field(() => Int, {
    description: 'Orders created today (China time) of at least the high amount, in any status.',
  })
  highValueToday!: number;

  @Field(() => Int, { description: 'Orders whose merchant notification failed.' })
  failedNotifications!: number;

  @Field(() => Int, { description: 'Withheld (扣量) orders.' })
  withheld!: number;
}

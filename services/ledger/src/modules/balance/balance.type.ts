import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '@pay/common';

@ObjectType({ description: "A merchant's balances (`/balance`)." })
export class MerchantBalance {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => MoneyScalar, { description: 'Available: may be withdrawn now.' })
  available!: number;

  @Field(() => MoneyScalar, { description: "Frozen: today's income, withdrawable from tomorrow (T+1)." })
  frozen!: number;

  @Field(() => MoneyScalar, { description: 'In withdrawals not yet paid out.' })
  pendingWithdrawal!: number;

  @Field(() => MoneyScalar, { description: 'Prepaid fee wallet.' })
  prepaidFee!: number;

  @Field({ description: 'Currency, always CNY.' })
  currency!: string;

  @Field(() => Date, { nullable: true, description: 'Last change.' })
  updatedAt!: Date | null;
}

@ObjectType({ description: 'The available balance at the end of a past China day (`history_balance`).' })
export class HistoryBalance {
  @Field(() => Int, { description: 'Days back actually used, clamped to 1–365 (`history_days`).' })
  days!: number;

  @Field({ description: 'The end of that day (exclusive): midnight China time after it.' })
  at!: Date;

  @Field(() => MoneyScalar, {
    description: 'Available balance at the end of the China day `days` days ago (0 before any money).',
  })
  balance!: number;
}

@ArgsType()
export class HistoryBalanceArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'Days back (`history_days`): 1 is the end of yesterday; clamped to 1–365.',
  })
  days?: number | null;
}

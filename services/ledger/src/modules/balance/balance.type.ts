import { Field, Int, ObjectType } from 'type-graphql';
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

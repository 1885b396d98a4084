import { Field, ObjectType } from 'type-graphql';
import { Connection, MoneyScalar } from '@pay/common';
import { Withdrawal } from './withdrawal.entity';

@ObjectType({ description: 'A page of withdrawals, newest first.' })
export class WithdrawalConnection extends Connection(Withdrawal, 'Withdrawal') {}

@ObjectType({ description: 'A requested withdrawal and the balances it left (`/sendmoney`).' })
export class RequestWithdrawalPayload {
  @Field(() => Withdrawal, { description: 'The withdrawal.' })
  withdrawal!: Withdrawal;

  @Field(() => MoneyScalar, {
    description: 'Available balance after the amount and fee were taken (`balance_after`).',
  })
  balanceAfter!: number;

  @Field(() => MoneyScalar, {
    description: 'All money in withdrawals not yet paid out (`pending_withdraw`).',
  })
  pendingWithdrawal!: number;

  @Field(() => MoneyScalar, { description: "Today's income, withdrawable from tomorrow (`frozen_today`)." })
  frozenToday!: number;

  @Field(() => MoneyScalar, { description: 'The fee of this withdrawal (`fee`).' })
  fee!: number;
}

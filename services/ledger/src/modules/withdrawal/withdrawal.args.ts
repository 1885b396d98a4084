import { ArgsType, Field, ID, Int } from 'type-graphql';
import { AppError, PageArgs } from '@pay/common';
import { statusOfCode, WithdrawalStatus } from './withdrawal-status';
import type { WithdrawalFilter } from './withdrawal.service';

@ArgsType()
export class MerchantWithdrawalsArgs extends PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Legacy status code: 0 applied (pending), 1 paid, 2 frozen, 3 cancelled.',
  })
  statusCode?: number;

  @Field(() => WithdrawalStatus, {
    nullable: true,
    description: 'Lifecycle status (with statusCode: both must hold).',
  })
  status?: WithdrawalStatus;

  @Field(() => Date, { nullable: true, description: 'Requested at or after.' })
  startTime?: Date;

  @Field(() => Date, { nullable: true, description: 'Requested at or before.' })
  endTime?: Date;
}

@ArgsType()
export class WithdrawalListArgs extends MerchantWithdrawalsArgs {
  @Field(() => Int, { nullable: true, description: 'Merchant id (platform roles; implied for MERCHANT).' })
  merchantId?: number;
}

@ArgsType()
export class WithdrawalLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Withdrawal id (`withdraw_id`, legacy `order_no`).' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Withdraw number (`withdraw_no`).' })
  withdrawNo?: string;

  @Field(() => Int, { nullable: true, description: 'Merchant id (platform roles; implied for MERCHANT).' })
  merchantId?: number;
}

/** The status, time-range part of a list filter; statusCode and status must agree when both are given. */
export function withdrawalFilterOf(args: MerchantWithdrawalsArgs): Omit<WithdrawalFilter, 'merchantId'> {
  let status = args.status;
  if (args.statusCode != null) {
    const fromCode = statusOfCode(args.statusCode);
    if (status && status !== fromCode) {
      throw new AppError('BAD_USER_INPUT', 'statusCode and status disagree', { argument: 'statusCode' });
    }
    status = fromCode;
  }
  return { status, startTime: args.startTime ?? null, endTime: args.endTime ?? null };
}

import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { MoneyScalar, PageArgs } from '@pay/common';
import { ReconciliationStatus } from '../../payment/reconciliation-status';

@InputType({ description: 'Filters of the reconciliation list (`/pay/consume_order`); all must hold.' })
export class ReconciliationOrderFilter {
  @Field(() => String, { nullable: true, description: 'Platform order number (`code`).' })
  code?: string;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Amount at least this many fen (`total_fee__gte`).',
  })
  totalFeeGte?: number;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Amount at most this many fen (`total_fee__lte`).',
  })
  totalFeeLte?: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount at least this much (yuan, e.g. "1.00").' })
  amountMin?: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount at most this much (yuan).' })
  amountMax?: number;

  @Field(() => ReconciliationStatus, { nullable: true, description: 'Reconciliation status.' })
  reconciliationStatus?: ReconciliationStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Reconciliation status code 1-5 (`reconciliation_status`).',
  })
  reconciliationStatusCode?: number;

  @Field(() => Int, { nullable: true, description: '`pay_method`: 1 unpaid, 2 WeChat, 3 Alipay.' })
  payMethod?: number;

  @Field(() => String, { nullable: true, description: 'Merchant name contains this (`merchant__name`).' })
  merchantName?: string;

  @Field(() => Int, { nullable: true, description: 'Merchant id.' })
  merchantId?: number;

  @Field(() => Boolean, { nullable: true, description: 'Automatic reconciliation on (true) or off (false).' })
  autoReconcile?: boolean;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  startTime?: Date;

  @Field(() => Date, { nullable: true, description: 'Created at or before.' })
  endTime?: Date;
}

@ArgsType()
export class ReconciliationOrdersArgs extends PageArgs {
  @Field(() => ReconciliationOrderFilter, { nullable: true, description: 'Filters; none: every order.' })
  filter?: ReconciliationOrderFilter;
}

@ArgsType()
export class OrderBillArgs {
  @Field({ description: 'Platform order number (`code`).' })
  platformOrderNo!: string;

  @Field(() => Int, {
    nullable: true,
    description: '`pay_way`: 2 WeChat, 3 Alipay — the channel whose bill to look in (default: the order’s).',
  })
  payWay?: number;
}

import {
  BigIntType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';
import { ChildAccount } from '../child-account/child-account.entity';

/** Child withdrawal status codes (`status`). Withdrawals are paid out when they are posted. */
export enum ChildWithdrawalStatus {
  PAID_OUT = 1,
}

/**
 * A child account's withdrawal (提现): the amount is paid out and the withdraw fee is
 * charged on top, both from the child's balance. Posted as `child-withdraw:<childId>:<clientSn>`.
 */
@ObjectType({ description: "A child account's withdrawal (提现)." })
@Entity({ tableName: 'child_withdrawal' })
@Unique({ properties: ['child', 'clientSn'] })
@Index({ properties: ['child', 'genTime'] })
export class ChildWithdrawal {
  [OptionalProps]?: 'genTime' | 'completeTime' | 'status';

  @Field(() => ID, { description: 'Withdrawal id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: "The caller's serial number (`client_sn`), unique per child account." })
  @Property({ length: 64 })
  clientSn!: string;

  @ManyToOne(() => ChildAccount, { fieldName: 'child_account_id' })
  child!: Rel<ChildAccount>;

  @Field(() => MoneyScalar, { description: 'Amount paid out (`changed_amount`).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, { description: 'Withdraw fee charged to the child on top of the amount.' })
  @Property({ ...fenColumn() })
  fee!: number;

  @Field(() => Int, { description: 'Status (`status`): 1 paid out.' })
  @Property({ type: 'smallint' })
  status: ChildWithdrawalStatus = ChildWithdrawalStatus.PAID_OUT;

  @Field({ description: 'When it was requested (`gen_time`).' })
  @Property({ type: 'timestamptz' })
  genTime: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was paid out (`complete_time`).' })
  @Property({ type: 'timestamptz', nullable: true })
  completeTime: Date | null = null;
}

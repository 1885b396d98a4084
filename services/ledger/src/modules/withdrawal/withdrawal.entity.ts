import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { MoneyScalar, fenColumn } from '@pay/common';
import { AgentPayStatus, WithdrawalNotifyStatus, WithdrawalStatus } from './withdrawal-status';

/**
 * A merchant's request to pay money out to a bank account. It keeps a copy of the card
 * it pays to; its money moves only through postings (`withdraw:<withdrawNo>` on request,
 * `…:paid` and `…:cancel` on the operator's decision).
 */
@ObjectType({ description: 'A withdrawal: money paid out of a merchant balance to a bank account.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'withdrawal' })
export class Withdrawal {
  [OptionalProps]?:
    | 'status'
    | 'agentPayStatus'
    | 'notifyStatus'
    | 'bankCardId'
    | 'branch'
    | 'province'
    | 'city'
    | 'unionpayCode'
    | 'extend'
    | 'requestPostingId'
    | 'requestId'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID, { description: 'Withdrawal id (`withdraw_id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Withdraw number (`withdraw_no`), e.g. qzf1763323862322992.' })
  @Property({ length: 32, unique: true })
  withdrawNo!: string;

  @Field(() => Int, { description: 'Merchant id.' })
  @Property()
  merchantId!: number;

  @Field(() => MoneyScalar, { description: 'Amount paid out to the bank account.' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, { description: 'Withdrawal fee, taken from the balance on top of the amount.' })
  @Property({ ...fenColumn() })
  fee!: number;

  @Field(() => WithdrawalStatus, { description: 'Lifecycle status.' })
  @Enum({ items: () => WithdrawalStatus })
  status: WithdrawalStatus = WithdrawalStatus.APPLIED;

  @Field(() => AgentPayStatus, { description: 'Agent-pay (代付) status.' })
  @Enum({ items: () => AgentPayStatus })
  agentPayStatus: AgentPayStatus = AgentPayStatus.NOT_SUBMITTED;

  @Field(() => WithdrawalNotifyStatus, { description: "Notification status of the withdrawal's outcome." })
  @Enum({ items: () => WithdrawalNotifyStatus })
  notifyStatus: WithdrawalNotifyStatus = WithdrawalNotifyStatus.PENDING;

  @Field(() => ID, {
    nullable: true,
    description: 'The bank card it pays to (its details are copied below).',
  })
  @Property({ type: new BigIntType('number'), nullable: true })
  bankCardId: number | null = null;

  @Field({ description: 'Account holder name (`account_name`).' })
  @Property({ length: 100 })
  accountName!: string;

  /** The full number, for the payout only; never rendered (see `maskedAccountNumber`). */
  @Property({ length: 32, hidden: true })
  accountNumber!: string;

  @Field({ description: 'Bank name (`bank_name`).' })
  @Property({ length: 100 })
  bankName!: string;

  @Field(() => String, { nullable: true, description: 'Branch (`branch`).' })
  @Property({ length: 100, nullable: true })
  branch: string | null = null;

  @Field(() => String, { nullable: true, description: 'Province (`province`).' })
  @Property({ length: 50, nullable: true })
  province: string | null = null;

  @Field(() => String, { nullable: true, description: 'City (`city`).' })
  @Property({ length: 50, nullable: true })
  city: string | null = null;

  @Field(() => String, { nullable: true, description: 'UnionPay (CNAPS) bank code (`unionpay_code`).' })
  @Property({ length: 12, nullable: true })
  unionpayCode: string | null = null;

  @Field(() => GraphQLJSON, { description: 'Extra data (`extend`), `[]` when none.' })
  @Property({ type: 'json' })
  extend: unknown = [];

  /** The caller's idempotency key, if it sent one. */
  @Property({ length: 100, nullable: true })
  requestId: string | null = null;

  /** The posting that moved the money to pending withdrawal. */
  @Property({ type: new BigIntType('number'), nullable: true })
  requestPostingId: number | null = null;

  @Field({ description: 'When it was requested (`created_at`).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When its status last changed.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

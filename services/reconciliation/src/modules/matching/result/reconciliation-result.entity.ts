import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';
import { ISSUE_TEXT, ReconciliationIssue } from '../reconciliation-issue';
import { legacyPayMethodOf, payTypeOfSource } from '../source-setting/source-setting.entity';

/**
 * One line of a run's grid: an order (its payment line and its refund lines together) or
 * an orphan channel order, with the verdict. Written set-based by `matching.sql.ts`.
 */
@ObjectType({
  description:
    'One result line of a reconciliation run: an order or an orphan channel order and its verdict (`/pay/check_bills` grid, `bill_info`).',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'reconciliation_result' })
export class ReconciliationResult {
  [OptionalProps]?:
    | 'channelLineCount'
    | 'refundLineCount'
    | 'refundedAmount'
    | 'resolved'
    | 'createdAt'
    | 'sourceCode'
    | 'issueCode'
    | 'issueText'
    | 'isDiscrepancy'
    | 'isDeleted';

  @Field(() => ID, { description: 'Result id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Result code, 32 hex digits (`code`).' })
  @Property({ length: 32, columnType: 'char(32)', unique: true })
  code!: string;

  /** The run (see the `run` and `runCode` fields). */
  @Property({ type: new BigIntType('number') })
  runId!: number;

  @Field({ description: 'Statement source.' })
  @Property({ length: 40 })
  source!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Legacy `source` code of the channel: 2 WeChat, 3 Alipay (null for other sources).',
  })
  get sourceCode(): number | null {
    return legacyPayMethodOf(payTypeOfSource(this.source, null));
  }

  /** Groups a doubtful order across runs: the platform order number, or the channel's. */
  @Property({ length: 80 })
  orderKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The platform order (null: the platform does not know the order — a surplus).',
  })
  @Property({ length: 32, nullable: true })
  platformOrderNo!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Order number as the grid shows it (`out_trade_no`): the platform’s, else the channel line’s.',
  })
  @Property({ length: 64, nullable: true })
  outTradeNo!: string | null;

  @Field(() => String, { nullable: true, description: 'The channel’s transaction id.' })
  @Property({ length: 64, nullable: true })
  transactionId!: string | null;

  /** The channel line shown (payment line, else the first other line); see `statementLine`. */
  @Property({ type: new BigIntType('number'), nullable: true })
  statementLineId!: number | null;

  @Field(() => Int, { description: 'Channel lines of the order in the run (payment, refunds, revocations).' })
  @Property()
  channelLineCount: number = 0;

  @Field(() => Int, { description: 'Refund lines among them.' })
  @Property()
  refundLineCount: number = 0;

  @Field(() => MoneyScalar, { description: 'What the channel refunded (all refund lines together).' })
  @Property({ ...fenColumn() })
  refundedAmount: number = 0;

  @Field(() => ReconciliationIssue, { description: 'The verdict.' })
  @Enum({ items: () => ReconciliationIssue, type: 'smallint' })
  issue!: ReconciliationIssue;

  @Field(() => Int, { description: 'Legacy `issue` code 0-6.' })
  get issueCode(): number {
    return this.issue;
  }

  @Field({ description: 'The verdict in words: 存疑, 长款, 短款, 异常, 正常, 已冲正, 已退款.' })
  get issueText(): string {
    return ISSUE_TEXT[this.issue];
  }

  @Field(() => ReconciliationIssue, {
    nullable: true,
    description:
      'For a doubtful line: what it becomes if the doubt is not cleared in time (surplus or shortage).',
  })
  @Enum({ items: () => ReconciliationIssue, type: 'smallint', nullable: true })
  pendingIssue!: ReconciliationIssue | null;

  @Field({ description: 'Why (`note`), e.g. 正常, or the amounts that differ.' })
  @Property({ length: 500 })
  note!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was paid (`trade_time`): the channel’s trade time, else the platform’s payment time.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  tradeTime!: Date | null;

  @Field(() => MoneyScalar, {
    description: 'Amount of the line (`pay_money`): the channel’s, else the platform’s.',
  })
  @Property({ ...fenColumn() })
  payMoney!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'What the channel collected (null: no payment line).',
  })
  @Property({ ...fenColumn(), nullable: true })
  channelAmount!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'The platform’s order amount (null: no such order).',
  })
  @Property({ ...fenColumn(), nullable: true })
  platformAmount!: number | null;

  @Field({
    description: 'The channel side: NONE, PAID, REFUNDED, PARTIALLY_REFUNDED or REVOKED.',
  })
  @Property({ length: 20 })
  channelState!: string;

  @Field({ description: 'The platform side: MISSING, PAID, UNPAID, REFUNDED or REVERSED.' })
  @Property({ length: 20 })
  platformState!: string;

  @Field(() => String, { nullable: true, description: 'The platform order’s status when matched.' })
  @Property({ length: 40, nullable: true })
  platformStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'The payer (`user`): openid or buyer account.' })
  @Property({ length: 128, nullable: true })
  payer!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id (null: the platform does not know the order).',
  })
  @Property({ nullable: true })
  merchantId!: number | null;

  @Field(() => String, { nullable: true, description: 'Merchant name (`name`).' })
  @Property({ length: 100, nullable: true })
  merchantName!: string | null;

  @Field(() => String, { nullable: true, description: 'Device (`equipment_id`).' })
  @Property({ length: 64, nullable: true })
  equipmentId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when the order has been doubtful (the first run that doubted it).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  doubtfulSince!: Date | null;

  /** The later run that decided this doubtful line; see `settledBy`. */
  @Property({ type: new BigIntType('number'), nullable: true })
  settledByRunId!: number | null;

  @Field(() => Date, { nullable: true, description: 'When a later run decided this doubtful line.' })
  @Property({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Field({ description: 'Whether an operator resolved the discrepancy.' })
  @Property()
  resolved: boolean = false;

  @Field({ description: 'Whether the line is a discrepancy: any verdict but normal.' })
  get isDiscrepancy(): boolean {
    return this.issue !== ReconciliationIssue.NORMAL;
  }

  @Field({ description: 'Whether the line was deleted (`is_delete`); lines are never deleted, so false.' })
  get isDeleted(): boolean {
    return false;
  }

  @Field(() => Date, { description: 'When the run wrote it (`create_time`).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';
import { legacyPayMethodOf, payTypeOfSource } from '../matching/source-setting/source-setting.entity';

export enum RunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(RunStatus, {
  name: 'ReconciliationRunStatus',
  description: 'Whether a reconciliation run finished.',
});

/**
 * One reconciliation of a statement source over a period — the header of `/pay/check_bills`
 * (its results are the grid). Counts: see Migration20261121163000_matching.
 */
@ObjectType({
  description:
    'A reconciliation run: one statement source matched against the platform’s orders over a period (`/pay/check_record`, `/pay/check_bills` header).',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'reconciliation_run' })
export class ReconciliationRun {
  [OptionalProps]?:
    | 'remark'
    | 'autoOnly'
    | 'status'
    | 'error'
    | 'statementLineCount'
    | 'lineCount'
    | 'lineAmount'
    | 'matchedCount'
    | 'matchedAmount'
    | 'abnormalCount'
    | 'abnormalAmount'
    | 'doubtfulCount'
    | 'doubtfulAmount'
    | 'createdAt'
    | 'finishedAt'
    | 'sourceCode'
    | 'isDeleted';

  @Field(() => ID, { description: 'Run id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Run code, 32 hex digits (`code`, the results’ `odd_id`).' })
  @Property({ length: 32, columnType: 'char(32)', unique: true })
  code!: string;

  @Field({ description: 'Statement source reconciled, e.g. `wechat`.' })
  @Property({ length: 40 })
  source!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Legacy `source` code of the channel: 2 WeChat, 3 Alipay (null for other sources).',
  })
  get sourceCode(): number | null {
    return legacyPayMethodOf(payTypeOfSource(this.source, null));
  }

  @Field(() => Date, { description: 'Start of the period, inclusive (`start_time`).' })
  @Property({ type: 'timestamptz' })
  periodStart!: Date;

  @Field(() => Date, { description: 'End of the period, exclusive (`end_time`).' })
  @Property({ type: 'timestamptz' })
  periodEnd!: Date;

  @Field({ description: 'Who started it: the operator, or `auto` for the daily run (`person`).' })
  @Property({ length: 200 })
  person!: string;

  @Field(() => String, { nullable: true, description: 'Remark (`remark`).' })
  @Property({ length: 500, nullable: true })
  remark: string | null = null;

  @Field({
    description:
      'Whether only orders with automatic reconciliation on were matched (the daily run); channel lines of other orders are left out.',
  })
  @Property()
  autoOnly: boolean = false;

  @Field(() => RunStatus, { description: 'Whether the run finished.' })
  @Enum({ items: () => RunStatus })
  status: RunStatus = RunStatus.RUNNING;

  @Field(() => String, { nullable: true, description: 'Why a FAILED run failed.' })
  @Property({ length: 500, nullable: true })
  error: string | null = null;

  @Field(() => Int, { description: 'Channel lines of the source traded in the period.' })
  @Property()
  statementLineCount: number = 0;

  @Field(() => Int, { description: 'Result lines of the grid (`always_singular`).' })
  @Property()
  lineCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Sum of the result lines’ amounts (`total`).' })
  @Property({ ...fenColumn() })
  lineAmount: number = 0;

  @Field(() => Int, {
    description: 'Lines both sides agree on: normal, reversed, refunded (`singular_success`).',
  })
  @Property()
  matchedCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Their amount (`singular_amount`).' })
  @Property({ ...fenColumn() })
  matchedAmount: number = 0;

  @Field(() => Int, { description: 'Surplus, shortage and abnormal lines (`abnormal_singular`).' })
  @Property()
  abnormalCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Their amount (`abnormal_amount`).' })
  @Property({ ...fenColumn() })
  abnormalAmount: number = 0;

  @Field(() => Int, { description: 'Lines still doubtful.' })
  @Property()
  doubtfulCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Their amount.' })
  @Property({ ...fenColumn() })
  doubtfulAmount: number = 0;

  @Field({ description: 'Whether the run was deleted (`is_delete`); runs are never deleted, so false.' })
  get isDeleted(): boolean {
    return false;
  }

  @Field(() => Date, { description: 'When it was started (`create_time`).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it finished.' })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}

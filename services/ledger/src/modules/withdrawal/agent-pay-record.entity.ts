import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';
import { AgentPayStatus } from './withdrawal-status';

/**
 * One hand-over of a withdrawal to an upstream payout (代付) provider and its answer
 * (`upstream_records` of /withdrawdetail). Written by agent-pay submission.
 */
@ObjectType({ description: 'A submission of a withdrawal to an upstream agent-pay (代付) provider.' })
@Entity({ tableName: 'agent_pay_record' })
export class AgentPayRecord {
  [OptionalProps]?: 'upstreamNo' | 'message' | 'createdAt';

  @Field(() => ID, { description: 'Record id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** The withdrawal it belongs to. */
  @Property({ type: new BigIntType('number') })
  withdrawalId!: number;

  @Field({ description: 'Provider (upstream) code.' })
  @Property({ length: 64 })
  provider!: string;

  @Field(() => String, { nullable: true, description: "The provider's payout number." })
  @Property({ length: 100, nullable: true })
  upstreamNo: string | null = null;

  @Field(() => MoneyScalar, { description: 'Amount submitted.' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => AgentPayStatus, { description: 'Outcome of this submission.' })
  @Enum({ items: () => AgentPayStatus })
  status!: AgentPayStatus;

  @Field({ description: "The provider's message." })
  @Property({ length: 500 })
  message: string = '';

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

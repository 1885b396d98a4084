import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';

export enum ResolutionAction {
  /** Surplus: the channel was paid but the order is not — complete it (补单). */
  COMPLETE_ORDER = 'COMPLETE_ORDER',
  /** Shortage: the order shows paid but the channel has nothing — cancel it (撤单). */
  CANCEL_ORDER = 'CANCEL_ORDER',
  /** The channel refunded: refund the order. */
  REFUND_ORDER = 'REFUND_ORDER',
  /** Accept the difference with a note; no money moves. */
  ACCEPT = 'ACCEPT',
}
registerEnumType(ResolutionAction, {
  name: 'ResolutionAction',
  description: 'How an operator settles a discrepancy.',
});

export enum ResolutionState {
  /** Above the approval amount: waits for a second operator. */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  /** Cleared to be carried out (directly, or by the second operator). */
  APPROVED = 'APPROVED',
  EXECUTED = 'EXECUTED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}
registerEnumType(ResolutionState, { name: 'ResolutionState', description: 'Where a resolution stands.' });

@ObjectType({
  description: 'An operator’s resolution of a discrepancy, with its approval and outcome (the audit trail).',
})
@Entity({ tableName: 'resolution' })
export class Resolution {
  [OptionalProps]?: 'requestedAt' | 'approvedBy' | 'decidedAt' | 'executedAt' | 'outcome';

  @Field(() => ID, { description: 'Resolution id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: new BigIntType('number') })
  resultId!: number;

  /** The result's month partition: with `resultId` the key the foreign key references. */
  @Property({ type: 'timestamptz' })
  resultCreatedAt!: Date;

  @Field(() => ResolutionAction, { description: 'What was asked for.' })
  @Enum({ items: () => ResolutionAction })
  action!: ResolutionAction;

  @Field(() => ResolutionState, { description: 'Where it stands.' })
  @Enum({ items: () => ResolutionState })
  state!: ResolutionState;

  @Field(() => MoneyScalar, { description: 'Money it moves (0 for ACCEPT).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field({ description: 'The operator’s note.' })
  @Property({ length: 500 })
  note!: string;

  @Field({ description: 'Who asked for it.' })
  @Property({ length: 200 })
  requestedBy!: string;

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  requestedAt: Date = new Date();

  @Field(() => String, { nullable: true, description: 'The second operator who approved or rejected it.' })
  @Property({ length: 200, nullable: true })
  approvedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was approved or rejected.' })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the orders service carried it out.' })
  @Property({ type: 'timestamptz', nullable: true })
  executedAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'What happened: the order’s new status, or why it failed.',
  })
  @Property({ length: 500, nullable: true })
  outcome: string | null = null;
}

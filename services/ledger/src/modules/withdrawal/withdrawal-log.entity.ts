import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { WithdrawalStatus } from './withdrawal-status';

/** One status change of a withdrawal: who, when, from what to what, and why. Written once. */
@ObjectType({ description: 'A status change of a withdrawal (its audit trail).' })
@Entity({ tableName: 'withdrawal_log' })
export class WithdrawalLog {
  [OptionalProps]?: 'fromStatus' | 'note' | 'createdAt';

  @Field(() => ID, { description: 'Log id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** The withdrawal it belongs to. */
  @Property({ type: new BigIntType('number') })
  withdrawalId!: number;

  @Field(() => WithdrawalStatus, { nullable: true, description: 'Status before (null: the request itself).' })
  @Enum({ items: () => WithdrawalStatus, nullable: true })
  fromStatus: WithdrawalStatus | null = null;

  @Field(() => WithdrawalStatus, { description: 'Status after.' })
  @Enum({ items: () => WithdrawalStatus })
  toStatus!: WithdrawalStatus;

  @Field({ description: 'Who made the change (merchant, operator or service).' })
  @Property({ length: 200 })
  actor!: string;

  @Field(() => String, { nullable: true, description: "The operator's note." })
  @Property({ length: 500, nullable: true })
  note: string | null = null;

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

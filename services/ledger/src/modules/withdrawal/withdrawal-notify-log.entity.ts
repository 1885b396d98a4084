import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/** One attempt to tell a merchant about a withdrawal's outcome (`notify_logs` of /withdrawdetail). */
@ObjectType({ description: "One attempt to notify a merchant about a withdrawal's outcome." })
@Entity({ tableName: 'withdrawal_notify_log' })
export class WithdrawalNotifyLog {
  [OptionalProps]?: 'httpStatus' | 'responseBody' | 'delivered' | 'createdAt';

  @Field(() => ID, { description: 'Log id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** The withdrawal it belongs to. */
  @Property({ type: new BigIntType('number') })
  withdrawalId!: number;

  @Field({ description: 'URL posted to.' })
  @Property({ length: 500 })
  callbackUrl!: string;

  @Field(() => GraphQLJSONObject, { description: 'The payload sent.' })
  @Property({ type: 'json' })
  requestPayload!: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered (null: no answer).' })
  @Property({ nullable: true })
  httpStatus: number | null = null;

  @Field({ description: 'Body answered (truncated), or the transport error.' })
  @Property({ type: 'text' })
  responseBody: string = '';

  @Field({ description: 'Whether the merchant acknowledged it.' })
  @Property()
  delivered: boolean = false;

  @Field({ description: 'When the attempt was made.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

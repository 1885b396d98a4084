import {
  BigIntType,
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Order } from '../order/order.entity';

@ObjectType({ description: 'One attempt to notify a merchant about an order.' })
@Entity({ tableName: 'notify_log' })
@Index({ properties: ['order', 'id'] })
export class NotifyLog {
  [OptionalProps]?: 'httpStatus' | 'responseBody' | 'delivered' | 'durationMs' | 'createdAt';

  @Field(() => ID, { description: 'Log id (`log_id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => Order)
  order!: Rel<Order>;

  @Field({ description: 'The event id sent in the `X-Event-Id` header, the same for every attempt.' })
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field(() => Int, { description: 'Attempt number, from 1.' })
  @Property()
  attempt!: number;

  @Field({ description: 'URL posted to.' })
  @Property({ length: 500 })
  callbackUrl!: string;

  @Field(() => GraphQLJSONObject, { description: 'The fx* payload sent.' })
  @Property({ type: 'json' })
  requestPayload!: Record<string, string | number | null>;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered (null: no answer).' })
  @Property({ nullable: true })
  httpStatus: number | null = null;

  @Field({ description: 'Body answered (truncated), or the transport error.' })
  @Property({ type: 'text' })
  responseBody: string = '';

  @Field({ description: 'Whether the merchant answered `success`.' })
  @Property()
  delivered: boolean = false;

  @Field(() => Int, { description: 'Milliseconds the attempt took.' })
  @Property()
  durationMs: number = 0;

  @Field({ description: 'When the attempt was made.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

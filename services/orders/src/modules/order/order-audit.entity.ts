import {
  BigIntType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Order } from './order.entity';
import { OrderStatus } from './order-status';

@ObjectType({ description: 'An audited manual action on an order: who, when, before and after.' })
@Entity({ tableName: 'order_audit' })
@Index({ properties: ['order', 'createdAt'] })
export class OrderAudit {
  [OptionalProps]?: 'note' | 'createdAt';

  @Field(() => ID, { description: 'Audit entry id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => Order)
  order!: Rel<Order>;

  @Field({ description: 'Action, e.g. MANUAL_COMPLETE, MANUAL_CANCEL, RESEND_NOTIFICATION.' })
  @Property({ length: 40 })
  action!: string;

  @Field({ description: 'Actor subject.' })
  @Property({ length: 200 })
  actor!: string;

  @Field({ description: 'Actor role.' })
  @Property({ length: 20 })
  actorRole!: string;

  @Field(() => OrderStatus, { description: 'Status before.' })
  @Enum({ items: () => OrderStatus })
  fromStatus!: OrderStatus;

  @Field(() => OrderStatus, { description: 'Status after.' })
  @Enum({ items: () => OrderStatus })
  toStatus!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @Property({ length: 500, nullable: true })
  note: string | null = null;

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

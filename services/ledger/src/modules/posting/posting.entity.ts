import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A double-entry posting: balanced legs, written once, never changed.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'posting' })
export class Posting {
  [OptionalProps]?: 'effectiveAt' | 'createdAt' | 'orderNo' | 'platformOrderNo' | 'reversesPostingId';

  @Field(() => ID, { description: 'Posting id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Idempotency key (`unique_no`), e.g. `2024164210127…_bd0`.' })
  @Property({ length: 120, unique: true })
  uniqueNo!: string;

  @Field(() => Int, {
    description: 'Posting type code (0 adjustment, 1 income, 2 withdrawal, 3 commission, …).',
  })
  @Property({ type: 'smallint' })
  type!: number;

  @Field({ description: 'Description.' })
  @Property({ length: 300 })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Order number (merchant id + merchant order number).' })
  @Property({ length: 100, nullable: true })
  orderNo: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Platform order number of the order that caused it (null for postings of no order).',
  })
  @Property({ length: 64, nullable: true })
  platformOrderNo: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The posting this one corrects.' })
  @Property({ type: new BigIntType('number'), nullable: true })
  reversesPostingId: number | null = null;

  /** Who caused it (exposed through PostingResolver.actor, which hides staff from merchants). */
  @Property({ length: 200 })
  actor!: string;

  @Field({
    description: 'When what it records happened (an order credit: the payment time); T+1 counts from it.',
  })
  @Property({ type: 'timestamptz' })
  effectiveAt: Date = new Date();

  @Field({ description: 'When it was posted.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

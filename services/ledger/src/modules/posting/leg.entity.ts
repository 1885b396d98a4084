import {
  BigIntType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';
import { Account } from '../account/account.entity';
import { Posting } from './posting.entity';

/** One leg of a posting: the money log of one account. */
@ObjectType('MoneyLog', { description: 'One leg of a posting: a change of one account (a money log).' })
@Entity({ tableName: 'leg' })
export class Leg {
  [OptionalProps]?: 'createdAt' | 'balanceAfter';

  @Field(() => ID, { description: 'Log id (`log_id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => Posting)
  posting!: Rel<Posting>;

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @Field(() => MoneyScalar, { description: 'Signed change (`change_amount`).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The account's balance after this change (null for hot shared accounts).",
  })
  @Property({ ...fenColumn(), nullable: true })
  balanceAfter: number | null = null;

  @Field(() => Int, { description: 'Type code (`type_code`).' })
  @Property({ type: 'smallint' })
  type!: number;

  @Field({ description: 'Description in the legacy wording.' })
  @Property({ length: 300 })
  description!: string;

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

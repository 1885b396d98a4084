import {
  BigIntType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';
import { MainAccount } from '../main-account/main-account.entity';
import { ChildAccount } from '../child-account/child-account.entity';

/**
 * A clearing (清分): money moved from a main account's balance to one of its children,
 * the main account paying the share fee on top. Posted as `clearing:<mainId>:<clientSn>`.
 */
@ObjectType('ClearingRecord', { description: 'A clearing (清分) from a main account to a child account.' })
@Entity({ tableName: 'clearing' })
@Unique({ properties: ['mainAccount', 'clientSn'] })
@Index({ properties: ['mainAccount', 'genTime'] })
export class Clearing {
  [OptionalProps]?: 'genTime' | 'completeTime';

  @Field(() => ID, { description: 'Clearing id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: "The caller's serial number (`client_sn`), unique per main account." })
  @Property({ length: 64 })
  clientSn!: string;

  @ManyToOne(() => MainAccount)
  mainAccount!: Rel<MainAccount>;

  @ManyToOne(() => ChildAccount, { fieldName: 'child_account_id' })
  child!: Rel<ChildAccount>;

  @Field(() => MoneyScalar, { description: 'Amount credited to the child (`changed_amount`).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, { description: 'Share fee paid by the main account on top of the amount.' })
  @Property({ ...fenColumn() })
  fee!: number;

  @Field({ description: 'When it was requested (`gen_time`).' })
  @Property({ type: 'timestamptz' })
  genTime: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was completed (`complete_time`).' })
  @Property({ type: 'timestamptz', nullable: true })
  completeTime: Date | null = null;
}

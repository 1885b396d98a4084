import {
  BigIntType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MainAccount } from '../main-account/main-account.entity';

/** A child account (子账户) of a main account, known by its phone number. Its money is `CHILD_ACCOUNT/<id>`. */
@ObjectType({ description: 'A child account (子账户) of a main account, known by its phone number.' })
@Entity({ tableName: 'child_account' })
@Unique({ properties: ['mainAccount', 'phone'] })
export class ChildAccount {
  [OptionalProps]?: 'createdAt' | 'name';

  @Field(() => ID, { description: 'Child account id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => MainAccount)
  mainAccount!: Rel<MainAccount>;

  /** The full phone number: exposed only through the guarded `phone` field. */
  @Property({ length: 20 })
  phone!: string;

  @Field({ description: 'Display name (may be empty).' })
  @Property({ length: 100 })
  name: string = '';

  @Field({ description: 'When the child account was added.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

import { fenColumn } from '@pay/common';
import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AccountPurpose, OwnerType } from './account-purpose';

/**
 * An account: one owner, one purpose. Its balance changes only through postings
 * (`post_entry`); hot shared accounts keep it in `account_slot` rows, so read balances
 * through `account_balance` (the `balance` field resolver does).
 */
@ObjectType({ description: 'A ledger account: one owner, one purpose.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'account' })
export class Account {
  [OptionalProps]?: 'balance' | 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'Account id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => OwnerType, { description: 'Owner kind.' })
  @Enum({ items: () => OwnerType })
  ownerType!: OwnerType;

  @Field({ description: 'Owner id (merchant id, agent id, pzid, channel code, …).' })
  @Property({ length: 64 })
  ownerId!: string;

  @Field(() => AccountPurpose, { description: 'What the account holds money for.' })
  @Enum({ items: () => AccountPurpose })
  purpose!: AccountPurpose;

  /** The stored balance of a non-hot account (0 for hot accounts: see account_balance). */
  @Property({ ...fenColumn() })
  balance: number = 0;

  @Field({ description: 'When the account was opened.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'Last balance change (non-hot accounts).' })
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

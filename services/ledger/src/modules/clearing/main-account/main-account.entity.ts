import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A main account of the account-clearing API: it receives payments (less the in-fee)
 * and clears (清分) them to its child accounts. Its money is the MAIN_ACCOUNT ledger
 * account `MAIN_ACCOUNT/<id>`; the totals are sums over its records.
 */
@ObjectType({
  description:
    'A main account (主账户): receives payments and clears (清分) them to its child accounts. Owned by a merchant, or by the platform when it has none.',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'main_account' })
export class MainAccount {
  [OptionalProps]?: 'createdAt' | 'merchantId';

  @Field(() => ID, { description: 'Main account id (`id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => Int, { description: 'Public numeric account number (`main_account_uid`), e.g. 123456.' })
  @Property({ type: 'int', unique: true })
  mainAccountUid!: number;

  @Field({ description: 'The identity API callers sign with (`unionId`).' })
  @Property({ length: 64, unique: true })
  unionId!: string;

  /** The MD5 signing key of the account API: returned once on creation, never exposed. */
  @Property({ length: 64, hidden: true, lazy: true })
  apiKey!: string;

  @Field(() => Int, { nullable: true, description: 'The merchant who owns the account, if any.' })
  @Property({ type: 'int', nullable: true })
  merchantId: number | null = null;

  /** Fee on each paid incoming payment, in ppm of its amount. */
  @Property({ type: 'int' })
  inFeeRatePpm!: number;

  /** Fee on each clearing to a child, in ppm of the amount cleared (paid by the main account). */
  @Property({ type: 'int' })
  shareFeeRatePpm!: number;

  /** Fee on each child withdrawal, in ppm of the amount withdrawn (paid by the child). */
  @Property({ type: 'int' })
  withdrawFeeRatePpm!: number;

  @Field({ description: 'When the account was opened.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

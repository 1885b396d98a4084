import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A bank account a merchant withdraws to. An operator approves it before it can be
 * used. The full account number is kept for payouts and never exposed: every output
 * shows it masked.
 */
@ObjectType({ description: "A merchant's bank card (withdrawal destination); the number is always masked." })
@Entity({ tableName: 'bank_card' })
@Index({ properties: ['merchantId', 'id'] })
export class BankCard {
  [OptionalProps]?:
    'branch' | 'province' | 'city' | 'unionpayCode' | 'approved' | 'approvedBy' | 'approvedAt' | 'createdAt';

  @Field(() => ID, { description: "Bank card id (the merchant API's `bank_id`)." })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => Int, { description: 'Merchant id.' })
  @Property()
  merchantId!: number;

  @Field({ description: 'Account holder name.' })
  @Property({ length: 100 })
  accountName!: string;

  /** The full number: for payouts only, never rendered (see `maskedNumber`). */
  @Property({ length: 32, hidden: true })
  accountNumber!: string;

  @Field({ description: 'Bank name, e.g. 中国建设银行.' })
  @Property({ length: 100 })
  bankName!: string;

  @Field(() => String, { nullable: true, description: 'Branch, e.g. 深圳福田支行.' })
  @Property({ length: 100, nullable: true })
  branch: string | null = null;

  @Field(() => String, { nullable: true, description: 'Province.' })
  @Property({ length: 50, nullable: true })
  province: string | null = null;

  @Field(() => String, { nullable: true, description: 'City.' })
  @Property({ length: 50, nullable: true })
  city: string | null = null;

  @Field(() => String, { nullable: true, description: 'UnionPay (CNAPS) bank code, 12 digits.' })
  @Property({ length: 12, nullable: true })
  unionpayCode: string | null = null;

  @Field({ description: 'Whether an operator approved the card; only approved cards take withdrawals.' })
  @Property()
  approved: boolean = false;

  /** Who approved it. */
  @Property({ length: 200, nullable: true })
  approvedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Field({ description: 'When it was added.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SettlementMethod, SettlementPeriod } from './settlement-codes';

/**
 * A merchant's receiving account (`/pay/account/`): where its settlements are paid and how
 * often. Operators create and edit them; deleting one only marks it (`is_delete`), because
 * settlements keep pointing at it. A merchant has at most one live account with a period
 * (index `settlement_account_one_periodic`): scheduled runs settle through that one.
 * `merchant`, `merchantName` and the masked `accountNo` are resolved per request.
 */
@ObjectType({
  description:
    'A merchant’s settlement (receiving) account: method, account name and number, settlement period (`/pay/account/`).',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'settlement_account' })
export class SettlementAccount {
  [OptionalProps]?:
    | 'code'
    | 'period'
    | 'remarks'
    | 'settledUntil'
    | 'isDelete'
    | 'createdAt'
    | 'updatedAt'
    | 'methodCode'
    | 'periodCode';

  @Field(() => ID, { description: 'Account id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Account code, from a sequence ("1", "2", …; legacy `code`).' })
  @Property({ length: 20, unique: true, defaultRaw: `nextval('settlement_account_code_seq')::text` })
  code!: string;

  @Field(() => Int, { description: 'The merchant’s id.' })
  @Property()
  merchantId!: number;

  @Field(() => SettlementMethod, { description: 'How the merchant is paid (legacy `method`).' })
  @Enum({ items: () => SettlementMethod, columnType: 'smallint' })
  method!: SettlementMethod;

  @Field(() => Int, {
    description: 'The method’s legacy code: 1 bank transfer, 2 WeChat, 3 Alipay, 4 offline.',
  })
  get methodCode(): number {
    return this.method;
  }

  @Field({ description: 'Account name (legacy `name`).' })
  @Property({ length: 100 })
  accountName!: string;

  /** The full number; GraphQL renders it through a resolver that masks it for merchants. */
  @Property({ length: 64 })
  accountNo!: string;

  @Field(() => SettlementPeriod, {
    description: 'How often the account is settled on a schedule (legacy `period`).',
  })
  @Enum({ items: () => SettlementPeriod, columnType: 'smallint' })
  period: SettlementPeriod = SettlementPeriod.UNKNOWN;

  @Field(() => Int, {
    description: 'The period’s legacy code: 0 unknown, 1 daily, 2 weekly, 3 monthly, 4 yearly.',
  })
  get periodCode(): number {
    return this.period;
  }

  @Field(() => String, { nullable: true, description: 'Remarks (legacy `remarks`).' })
  @Property({ length: 500, nullable: true })
  remarks: string | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'End of the last period settled through this account (exclusive); null before its first run. The next settlement starts here.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  settledUntil: Date | null = null;

  @Field({ description: 'Whether the account was deleted (legacy `is_delete`).' })
  @Property()
  isDelete: boolean = false;

  /** The operator who created it. */
  @Property({ length: 200 })
  createdBy!: string;

  @Field(() => Date, { description: 'When it was created (legacy `create_time`).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it was last edited.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';
import { SettlementMethod, SettlementState } from './settlement-codes';
import { SettlementVoucher } from './settlement.type';

/**
 * A settlement record (`/pay/settlement/`): the reconciled paid orders of one merchant
 * settled through one account up to a period end, built by a run (scheduled: person
 * `auto`; on demand: the operator). It is pending until an operator uploads the payment
 * voucher, which posts the payout to the ledger and marks it settled. Rows are written
 * by set-based SQL (settlement-run.service.ts); this entity reads them.
 */
@ObjectType({
  description:
    'A settlement: a merchant’s reconciled paid orders over a period, paid out with a voucher (`/pay/settlement/`).',
})
@Directive('@key(fields: "code")')
@Entity({ tableName: 'settlement' })
export class Settlement {
  [OptionalProps]?:
    | 'code'
    | 'periodStart'
    | 'state'
    | 'settlementTime'
    | 'settledBy'
    | 'voucherSha256'
    | 'voucherContentType'
    | 'voucherSize'
    | 'voucherFileName'
    | 'remark'
    | 'payoutPostingId'
    | 'isDelete'
    | 'createdAt'
    | 'updatedAt'
    | 'methodCode'
    | 'stateCode'
    | 'voucher';

  @Field(() => ID, { description: 'Settlement id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({ description: 'Settlement code, from a sequence ("10001", …; legacy `code`).' })
  @Property({ length: 20, unique: true, defaultRaw: `nextval('settlement_code_seq')::text` })
  code!: string;

  @Field(() => Int, { description: 'The merchant’s id.' })
  @Property()
  merchantId!: number;

  /** The account settled through (GraphQL: `account`). */
  @Property({ ...fenColumn() })
  accountId!: number;

  @Field(() => SettlementMethod, {
    description: 'Payout method, the account’s at the time of the run (legacy `method`).',
  })
  @Enum({ items: () => SettlementMethod, columnType: 'smallint' })
  method!: SettlementMethod;

  @Field(() => Int, {
    description: 'The method’s legacy code: 1 bank transfer, 2 WeChat, 3 Alipay, 4 offline.',
  })
  get methodCode(): number {
    return this.method;
  }

  @Field(() => Int, { description: 'Number of orders settled (legacy `num`).' })
  @Property()
  orderCount!: number;

  @Field(() => MoneyScalar, {
    description: 'What the merchant is paid: the sum of the orders’ merchant income (legacy `total`).',
  })
  @Property({ ...fenColumn() })
  total!: number;

  @Field(() => MoneyScalar, { description: 'The orders’ gross amount.' })
  @Property({ ...fenColumn() })
  orderTotal!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'Start of the period: where the account’s previous settlement ended; null for its first (legacy `start_time`). Orders paid earlier that were reconciled only later are included.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  periodStart: Date | null = null;

  @Field(() => Date, {
    description: 'End of the period, exclusive: orders paid before it were settled (legacy `end_time`).',
  })
  @Property({ type: 'timestamptz' })
  periodEnd!: Date;

  @Field({
    description:
      'Who settled it: `auto` for scheduled runs, else the operator who ran it or, once settled, who paid it out as entered with the voucher (legacy `person`).',
  })
  @Property({ length: 100 })
  person!: string;

  @Field(() => SettlementState, { description: 'Pending or settled (legacy `state`).' })
  @Enum({ items: () => SettlementState, columnType: 'smallint' })
  state: SettlementState = SettlementState.PENDING;

  @Field(() => Int, { description: 'The state’s legacy code: 1 pending, 2 settled.' })
  get stateCode(): number {
    return this.state;
  }

  @Field(() => Date, {
    nullable: true,
    description: 'When it was paid out (the voucher was accepted; legacy `settlement_time`).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  settlementTime: Date | null = null;

  @Field(() => String, { nullable: true, description: 'The operator account that recorded the payout.' })
  @Property({ length: 200, nullable: true })
  settledBy: string | null = null;

  @Property({ length: 64, columnType: 'char(64)', nullable: true })
  voucherSha256: string | null = null;

  @Property({ length: 100, nullable: true })
  voucherContentType: string | null = null;

  @Property({ nullable: true })
  voucherSize: number | null = null;

  @Property({ length: 200, nullable: true })
  voucherFileName: string | null = null;

  @Field(() => SettlementVoucher, {
    nullable: true,
    description: 'The payment voucher, once settled (legacy `voucher_img`: its `url`).',
  })
  get voucher(): SettlementVoucher | null {
    if (!this.voucherSha256) return null;
    return {
      sha256: this.voucherSha256,
      url: voucherUrl(this.voucherSha256),
      contentType: this.voucherContentType ?? 'application/octet-stream',
      size: this.voucherSize ?? 0,
      fileName: this.voucherFileName ?? this.voucherSha256,
    };
  }

  @Field(() => String, { nullable: true, description: 'Remark entered with the voucher (legacy `remark`).' })
  @Property({ length: 500, nullable: true })
  remark: string | null = null;

  /** The ledger posting of the payout (its key is the settlement code). */
  @Property({ type: new BigIntType('string'), nullable: true })
  payoutPostingId: string | null = null;

  @Field({ description: 'Whether the record was deleted (legacy `is_delete`).' })
  @Property()
  isDelete: boolean = false;

  @Field(() => Date, { description: 'When the run created it (legacy `create_time`).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Where the gateway serves a voucher (authenticated; it fetches GET /internal/vouchers/<sha256>). */
export const voucherUrl = (sha256: string): string => `/files/vouchers/${sha256}`;

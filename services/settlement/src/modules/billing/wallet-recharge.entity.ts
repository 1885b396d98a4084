import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';

export enum RechargeMethod {
  ALIPAY = 'ALIPAY',
  API = 'API',
}
registerEnumType(RechargeMethod, {
  name: 'RechargeMethod',
  description: 'How a prepaid wallet is recharged.',
  valuesConfig: {
    ALIPAY: { description: 'The merchant paid an Alipay recharge link (`支付宝自助充值`).' },
    API: { description: 'The merchant API recharge from an allow-listed IP (`API充值`); may be negative.' },
  },
});

/** Column values of wallet_recharge.state. */
export enum RechargeState {
  PENDING = 1,
  PAID = 2,
}
registerEnumType(RechargeState, {
  name: 'WalletRechargeState',
  description: 'Where a recharge stands.',
  valuesConfig: {
    PENDING: { description: 'Created; the ledger has not been credited yet (an unpaid Alipay link).' },
    PAID: { description: 'Posted to the prepaid wallet in the ledger.' },
  },
});

/**
 * A recharge of a merchant's prepaid wallet. The money is posted in the ledger under
 * the recharge id (so a retry posts nothing twice); this row records the request and
 * the ledger's answer.
 */
@ObjectType({ description: "A recharge of a merchant's prepaid fee wallet (Alipay link or API)." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'wallet_recharge' })
export class WalletRecharge {
  [OptionalProps]?:
    'state' | 'channelTradeNo' | 'requestId' | 'clientIp' | 'postingId' | 'createdAt' | 'paidAt';

  @Field(() => ID, { description: 'Recharge id (the legacy `id`; the Alipay `out_trade_no`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: false })
  id!: number;

  @Field(() => Int, { description: 'Merchant id.' })
  @Property()
  merchantId!: number;

  @Field(() => RechargeMethod, { description: 'How the wallet is recharged.' })
  @Enum({ items: () => RechargeMethod })
  method!: RechargeMethod;

  @Field(() => MoneyScalar, { description: 'Amount; an API recharge may be negative (a debit).' })
  @Property(fenColumn())
  amount!: number;

  @Field(() => RechargeState, { description: 'Pending or paid.' })
  @Enum({ items: () => RechargeState, type: 'smallint' })
  state: RechargeState = RechargeState.PENDING;

  @Field({ description: 'Our trade number at the channel (Alipay `out_trade_no`).' })
  @Property({ length: 64 })
  outTradeNo!: string;

  @Field(() => String, { nullable: true, description: 'Alipay’s trade number (`trade_no`), once paid.' })
  @Property({ length: 64, nullable: true })
  channelTradeNo: string | null = null;

  @Field(() => String, { nullable: true, description: 'The caller’s idempotency key of an API recharge.' })
  @Property({ length: 64, nullable: true })
  requestId: string | null = null;

  /** The caller's IP of an API recharge (kept for audit, not rendered). */
  @Property({ length: 64, nullable: true })
  clientIp: string | null = null;

  @Field({ description: 'Who asked for it: an operator, the merchant, or a system.' })
  @Property({ length: 200 })
  requestedBy!: string;

  @Field(() => ID, { nullable: true, description: 'The ledger posting that moved the money.' })
  @Property({ type: new BigIntType('string'), nullable: true })
  postingId: string | null = null;

  @Field({ description: 'When the recharge was created.' })
  @Property()
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the ledger was credited.' })
  @Property({ nullable: true })
  paidAt: Date | null = null;
}

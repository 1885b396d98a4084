import { BigIntType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';

export enum StatementLineKind {
  PAYMENT = 'PAYMENT',
  REFUND = 'REFUND',
  REVOKED = 'REVOKED',
}
registerEnumType(StatementLineKind, {
  name: 'StatementLineKind',
  description: 'What a statement line records: a successful payment, a refund, or a revoked payment.',
});

/**
 * One line of a channel statement (see Migration20261121161000_statements for the
 * meaning of each column). Written only by COPY during an import; read by matching.
 */
@ObjectType({ description: "One line of a channel's statement, as the channel booked it." })
@Entity({ tableName: 'statement_line' })
export class StatementLine {
  @Field(() => ID, { description: 'Line id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** The statement (id). */
  @Property({ type: new BigIntType('number') })
  statementId!: number;

  @Field(() => Int, { description: 'Line number in the file (1-based; in a zip, of the entry read).' })
  @Property()
  lineNo!: number;

  @Field({ description: "The statement's source." })
  @Property({ length: 40 })
  source!: string;

  @Field(() => StatementLineKind, { description: 'Payment, refund or revoked.' })
  @Enum({ items: () => StatementLineKind, columnType: 'varchar(10)' })
  kind!: StatementLineKind;

  @Field({
    description: 'When the channel booked it (for a refund: when the refund happened, when the file says).',
  })
  @Property({ type: 'timestamptz' })
  tradeTime!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Our order number as the channel knows it (商户订单号).',
  })
  @Property({ length: 64, nullable: true })
  platformOrderNo!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The channel's transaction id (微信订单号 / 支付宝交易号).",
  })
  @Property({ length: 64, nullable: true })
  transactionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Refund number, on refund lines.' })
  @Property({ length: 64, nullable: true })
  refundNo!: string | null;

  @Field(() => MoneyScalar, { description: 'Payment amount (0 on refund lines).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, { description: 'Refunded amount, positive (0 on payment lines).' })
  @Property({ ...fenColumn() })
  refundAmount!: number;

  @Field(() => MoneyScalar, {
    description:
      "The channel's fee: positive when charged, negative when given back; rounded half-up to the fen.",
  })
  @Property({ ...fenColumn() })
  fee!: number;

  @Field(() => String, { nullable: true, description: 'The payer at the channel (openid / buyer account).' })
  @Property({ length: 128, nullable: true })
  payer!: string | null;

  @Field(() => String, { nullable: true, description: 'Device or terminal number.' })
  @Property({ length: 64, nullable: true })
  device!: string | null;

  @Field(() => String, { nullable: true, description: 'Product name.' })
  @Property({ length: 200, nullable: true })
  product!: string | null;
}

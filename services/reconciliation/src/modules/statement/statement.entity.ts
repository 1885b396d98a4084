import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';

/**
 * An imported channel statement file (see Migration20261121161000_statements): one per
 * (source, bill date, content hash), with the totals of its lines. Written by
 * `importStatement` in the same transaction as its lines. At most one per source and
 * bill date is current; a replaced one is kept as history (Migration20261206100000).
 */
@ObjectType({ description: "A channel's statement file for one bill date, imported once, with its totals." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'statement' })
export class Statement {
  [OptionalProps]?:
    | 'storedPath'
    | 'lineCount'
    | 'paymentCount'
    | 'paymentAmount'
    | 'refundCount'
    | 'refundAmount'
    | 'feeAmount'
    | 'importedAt'
    | 'supersededAt'
    | 'replacedById'
    | 'current';

  @Field(() => ID, { description: 'Statement id.' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field({
    description:
      'Where the file comes from: wechat, alipay, sandbox-wechat, sandbox-alipay or an operator-registered source.',
  })
  @Property({ length: 40 })
  source!: string;

  @Field({ description: 'The template that read it, with the layout found (e.g. `wechat-trade-bill:ALL`).' })
  @Property({ length: 60 })
  template!: string;

  @Field({ description: 'The bill date the file was imported for (China day, YYYY-MM-DD).' })
  @Property({ type: 'date' })
  billDate!: string;

  @Field({
    description: "SHA-256 of the file's bytes; the same file is imported once per source and bill date.",
  })
  @Property({ length: 64, columnType: 'char(64)' })
  contentHash!: string;

  @Field({ description: 'File name as uploaded.' })
  @Property({ length: 300 })
  fileName!: string;

  /** Where the file is kept (content-addressed under STATEMENT_DIR); not exposed. */
  @Property({ length: 500, nullable: true })
  storedPath: string | null = null;

  @Field(() => Int, { description: 'Number of lines (data rows) in the file.' })
  @Property()
  lineCount: number = 0;

  @Field(() => Int, { description: 'Number of payment lines.' })
  @Property()
  paymentCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Sum of the payment lines.' })
  @Property({ ...fenColumn() })
  paymentAmount: number = 0;

  @Field(() => Int, { description: 'Number of refund lines.' })
  @Property()
  refundCount: number = 0;

  @Field(() => MoneyScalar, { description: 'Sum refunded by the refund lines.' })
  @Property({ ...fenColumn() })
  refundAmount: number = 0;

  @Field(() => MoneyScalar, {
    description:
      "The channel's fees over all lines (charged minus given back), each rounded half-up to the fen.",
  })
  @Property({ ...fenColumn() })
  feeAmount: number = 0;

  @Field({ description: 'Who imported it (user name, or cli:<user>).' })
  @Property({ length: 200 })
  person!: string;

  @Field({ description: 'When it was imported.' })
  @Property({ type: 'timestamptz' })
  importedAt: Date = new Date();

  @Field(() => Date, {
    nullable: true,
    description:
      'When another file for the same source and bill date replaced it (null: it is the current one). Its lines are kept but no longer reconciled.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null = null;

  /** The statement that replaced it (see `replacedBy`). */
  @Property({ type: new BigIntType('number'), nullable: true })
  replacedById: number | null = null;

  @Field({ description: 'Whether it is the statement runs use for its source and bill date.' })
  get current(): boolean {
    return this.supersededAt === null;
  }
}

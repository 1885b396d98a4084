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
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { fenColumn, MoneyScalar } from '@pay/common';
import { MainAccount } from '../main-account/main-account.entity';

/** The legacy status codes of an incoming payment (`status`: 1 paid, 0 failed, -1 waiting). */
export enum IncomingPaymentStatus {
  WAITING = -1,
  FAILED = 0,
  PAID = 1,
}
registerEnumType(IncomingPaymentStatus, {
  name: 'IncomingPaymentStatus',
  description: "An incoming payment's status.",
  valuesConfig: {
    WAITING: { description: 'Waiting for the channel’s result (legacy -1).' },
    FAILED: { description: 'The payment failed (legacy 0).' },
    PAID: { description: 'Paid: credited to the main account less the in-fee (legacy 1).' },
  },
});

/**
 * A payment into a main account (收款). Only a PAID payment moves money: its posting
 * `clearing-in:<mainId>:<clientSn>` credits the main account with amount − inFee.
 */
@ObjectType({ description: 'A payment into a main account (收款明细).' })
@Entity({ tableName: 'incoming_payment' })
@Unique({ properties: ['mainAccount', 'clientSn'] })
@Index({ properties: ['mainAccount', 'genTime'] })
export class IncomingPayment {
  [OptionalProps]?: 'genTime' | 'payTime' | 'sn' | 'msg';

  @Field(() => ID, { description: 'Payment id (`id`).' })
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @ManyToOne(() => MainAccount)
  mainAccount!: Rel<MainAccount>;

  @Field({ description: "The caller's serial number (`client_sn`), unique per main account." })
  @Property({ length: 64 })
  clientSn!: string;

  @Field({ description: "The channel's serial number (`sn`), empty when unknown." })
  @Property({ length: 64 })
  sn: string = '';

  @Field(() => MoneyScalar, { description: 'Amount paid (`amount`).' })
  @Property({ ...fenColumn() })
  amount!: number;

  @Field(() => MoneyScalar, {
    description: 'In-fee at the account’s rate when recorded; charged only when the payment is paid.',
  })
  @Property({ ...fenColumn() })
  inFee!: number;

  @Field({ description: 'Message (`msg`), e.g. 支付宝.' })
  @Property({ length: 200 })
  msg: string = '';

  @Field({ description: 'How it was paid (`pay_way`), e.g. 支付宝.' })
  @Property({ length: 40 })
  payWay!: string;

  @Field(() => IncomingPaymentStatus, { description: 'Status.' })
  @Property({ type: 'smallint' })
  status!: IncomingPaymentStatus;

  @Field({ description: 'When it was recorded (`gen_time`).' })
  @Property({ type: 'timestamptz' })
  genTime: Date = new Date();

  @Field(() => Date, {
    nullable: true,
    description: 'When its final status (paid or failed) became known (`pay_time`); null while waiting.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  payTime: Date | null = null;
}

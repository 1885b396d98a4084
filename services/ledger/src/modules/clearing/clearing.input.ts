import { Field, ID, InputType, Int } from 'type-graphql';
import { IncomingPaymentStatus } from './incoming-payment/incoming-payment.entity';

@InputType({ description: 'Open a main account (operators).' })
export class CreateMainAccountInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Public account number (`main_account_uid`); the next free one from 100001 when absent.',
  })
  mainAccountUid?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'API identity (`unionId`), 1-64 letters, digits, _ or -; random when absent.',
  })
  unionId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Owning merchant; none for a platform-run account.' })
  merchantId?: number | null;

  @Field({ description: 'Fee on paid incoming payments, percent, e.g. "0.6".' })
  inFeeRate!: string;

  @Field({ description: 'Fee on clearings to children, percent, e.g. "0.1".' })
  shareFeeRate!: string;

  @Field({ description: 'Fee on child withdrawals, percent, e.g. "0.2".' })
  withdrawFeeRate!: string;
}

@InputType({ description: 'Add a child account to a main account.' })
export class AddChildAccountInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: '11-digit mobile number identifying the child.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name?: string | null;
}

@InputType({ description: 'Record a payment into a main account (operators and internal services).' })
export class RecordIncomingPaymentInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: "Caller's serial number (`client_sn`), unique per main account." })
  clientSn!: string;

  @Field(() => String, { nullable: true, description: "Channel's serial number (`sn`)." })
  sn?: string | null;

  @Field({ description: 'Amount in yuan with at most two decimals, e.g. "23.00".' })
  amount!: string;

  @Field({ description: 'How it was paid (`pay_way`), e.g. 支付宝.' })
  payWay!: string;

  @Field(() => String, { nullable: true, description: 'Message (`msg`).' })
  msg?: string | null;

  @Field(() => IncomingPaymentStatus, { description: 'Status: PAID is credited at once.' })
  status!: IncomingPaymentStatus;
}

@InputType({ description: "Settle a waiting incoming payment with the channel's result." })
export class SettleIncomingPaymentInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: "The payment's serial number (`client_sn`)." })
  clientSn!: string;

  @Field(() => IncomingPaymentStatus, { description: 'PAID or FAILED.' })
  status!: IncomingPaymentStatus;
}

@InputType({ description: 'Clear (清分) an amount from a main account to one of its children.' })
export class ClearToChildInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: "The child's phone number." })
  childPhone!: string;

  @Field({ description: 'Amount credited to the child, yuan, e.g. "10.00"; the share fee comes on top.' })
  amount!: string;

  @Field({ description: "Caller's serial number (`client_sn`), unique per main account." })
  clientSn!: string;
}

@InputType({ description: 'Pay an amount out of a child account.' })
export class WithdrawFromChildInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: "The child's phone number." })
  childPhone!: string;

  @Field({ description: 'Amount paid out, yuan, e.g. "10.00"; the withdraw fee comes on top.' })
  amount!: string;

  @Field({ description: "Caller's serial number (`client_sn`), unique per child account." })
  clientSn!: string;
}

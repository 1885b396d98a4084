import { Field, ID, InputType } from 'type-graphql';
import { IncomingPaymentStatus } from './incoming-payment.entity';

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

import { Field, ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { IncomingPayment } from './incoming-payment.entity';

@ObjectType({ description: 'A page of incoming payments (`in_detail`).' })
export class IncomingPaymentConnection extends Connection(IncomingPayment, 'IncomingPayment') {}

@ObjectType({ description: 'An incoming payment, recorded or found.' })
export class RecordIncomingPaymentPayload {
  @Field(() => IncomingPayment, { description: 'The payment.' })
  incomingPayment!: IncomingPayment;

  @Field({ description: 'False when the clientSn was recorded before: nothing was written again.' })
  created!: boolean;
}

@ObjectType({ description: 'A settled incoming payment.' })
export class SettleIncomingPaymentPayload {
  @Field(() => IncomingPayment, { description: 'The payment after settling.' })
  incomingPayment!: IncomingPayment;

  @Field({ description: 'True when it had this status already: nothing changed.' })
  unchanged!: boolean;
}

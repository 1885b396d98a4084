import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, MoneyScalar } from '@pay/common';
import { MainAccount } from './main-account/main-account.entity';
import { ChildAccount } from './child-account/child-account.entity';
import { IncomingPayment } from './incoming-payment/incoming-payment.entity';
import { Clearing } from './clearing-record/clearing-record.entity';
import { ChildWithdrawal } from './child-withdrawal/child-withdrawal.entity';

@ObjectType({ description: 'A page of main accounts.' })
export class MainAccountConnection extends Connection(MainAccount, 'MainAccount') {}

@ObjectType({ description: 'A page of incoming payments (`in_detail`).' })
export class IncomingPaymentConnection extends Connection(IncomingPayment, 'IncomingPayment') {}

@ObjectType({ description: 'A page of clearings (`shared_detail`).' })
export class ClearingRecordConnection extends Connection(Clearing, 'ClearingRecord') {}

@ObjectType({ description: 'A page of child withdrawals (`withdraw_detail`).' })
export class ChildWithdrawalConnection extends Connection(ChildWithdrawal, 'ChildWithdrawal') {}

@ObjectType({ description: 'A page of child accounts (`children_detail`).' })
export class ChildAccountConnection extends Connection(ChildAccount, 'ChildAccount') {}

@ObjectType({ description: "One change of a child account's balance." })
export class ChildBalanceChange {
  @Field(() => ID, { description: 'Id of the ledger leg (money log) behind this change.' })
  id!: number;

  @Field({ description: "The child's phone number (`phone`)." })
  phone!: string;

  @Field(() => MoneyScalar, {
    description:
      'Signed change (`changed_amount`): positive in (clearing), negative out (a withdrawal, its fee included).',
  })
  changedAmount!: number;

  @Field(() => MoneyScalar, { description: 'The balance right after this change (`current_amount`).' })
  currentAmount!: number;

  @Field(() => Int, { description: 'Kind: 2 clearing in, -1 withdrawal, 0 other (a correction).' })
  changedType!: number;

  @Field({ description: 'What happened (`message`), e.g. 清分 or 提现.' })
  message!: string;

  @Field({ description: 'When (`time`).' })
  time!: Date;
}

@ObjectType({
  description:
    "A page of one child account's balance changes, oldest first, with its balance (`child_detail`).",
})
export class ChildBalanceChangeConnection extends Connection(ChildBalanceChange, 'ChildBalanceChange') {
  @Field({ description: "The child's phone number." })
  phone!: string;

  @Field(() => MoneyScalar, { description: "The child's balance now (`balance`)." })
  balance!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Last change of the balance (`last_modified_time`); null when it never changed.',
  })
  lastModifiedTime!: Date | null;
}

@ObjectType({ description: 'A new main account and its API key.' })
export class CreateMainAccountPayload {
  @Field(() => MainAccount, { description: 'The main account.' })
  mainAccount!: MainAccount;

  @Field({
    description: 'The account API signing key. Shown only here, once: store it now, it cannot be read again.',
  })
  apiKey!: string;
}

@ObjectType({ description: 'A child account, added or found.' })
export class AddChildAccountPayload {
  @Field(() => ChildAccount, { description: 'The child account.' })
  childAccount!: ChildAccount;

  @Field({ description: 'False when the phone was a child of this main account already.' })
  created!: boolean;
}

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

@ObjectType({ description: 'A clearing, made or found.' })
export class ClearToChildPayload {
  @Field(() => Clearing, { description: 'The clearing.' })
  clearingRecord!: Clearing;

  @Field({ description: 'False when the clientSn was cleared before: nothing was moved again.' })
  created!: boolean;
}

@ObjectType({ description: 'A child withdrawal, made or found.' })
export class WithdrawFromChildPayload {
  @Field(() => ChildWithdrawal, { description: 'The withdrawal.' })
  childWithdrawal!: ChildWithdrawal;

  @Field({ description: 'False when the clientSn was withdrawn before: nothing was moved again.' })
  created!: boolean;
}

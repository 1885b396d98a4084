import { Field, ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { ChildWithdrawal } from './child-withdrawal.entity';

@ObjectType({ description: 'A page of child withdrawals (`withdraw_detail`).' })
export class ChildWithdrawalConnection extends Connection(ChildWithdrawal, 'ChildWithdrawal') {}

@ObjectType({ description: 'A child withdrawal, made or found.' })
export class WithdrawFromChildPayload {
  @Field(() => ChildWithdrawal, { description: 'The withdrawal.' })
  childWithdrawal!: ChildWithdrawal;

  @Field({ description: 'False when the clientSn was withdrawn before: nothing was moved again.' })
  created!: boolean;
}

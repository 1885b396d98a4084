import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, MoneyScalar } from '@pay/common';
import { ChildAccount } from './child-account.entity';

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

@ObjectType({ description: 'A child account, added or found.' })
export class AddChildAccountPayload {
  @Field(() => ChildAccount, { description: 'The child account.' })
  childAccount!: ChildAccount;

  @Field({ description: 'False when the phone was a child of this main account already.' })
  created!: boolean;
}

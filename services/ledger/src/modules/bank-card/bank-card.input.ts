import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A bank card to add; an operator approves it before withdrawals may use it.' })
export class AddBankCardInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; required for platform roles, implied for MERCHANT.',
  })
  merchantId?: number;

  @Field({ description: 'Account holder name (1-100 characters).' })
  accountName!: string;

  @Field({ description: 'Account number, 10-32 digits (spaces are ignored).' })
  accountNumber!: string;

  @Field({ description: 'Bank name (1-100 characters).' })
  bankName!: string;

  @Field(() => String, { nullable: true, description: 'Branch.' })
  branch?: string;

  @Field(() => String, { nullable: true, description: 'Province.' })
  province?: string;

  @Field(() => String, { nullable: true, description: 'City.' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'UnionPay (CNAPS) bank code, 12 digits.' })
  unionpayCode?: string;
}

@InputType({ description: 'A bank card an operator approves for withdrawals.' })
export class ApproveBankCardInput {
  @Field(() => ID, { description: 'Bank card id.' })
  bankCardId!: string;
}

import { Field, InputType, Int } from 'type-graphql';

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

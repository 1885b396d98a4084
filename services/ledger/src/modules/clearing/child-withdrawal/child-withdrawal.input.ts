import { Field, ID, InputType } from 'type-graphql';

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

import { Field, ID, InputType } from 'type-graphql';

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

import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Add a child account to a main account.' })
export class AddChildAccountInput {
  @Field(() => ID, { description: 'Main account id.' })
  mainAccountId!: string;

  @Field({ description: '11-digit mobile number identifying the child.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name?: string | null;
}

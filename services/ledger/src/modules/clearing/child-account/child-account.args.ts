import { ArgsType, Field } from 'type-graphql';
import { MainAccountPageArgs, TimeRangePageArgs } from '../clearing-page.args';

@ArgsType()
export class ChildAccountsArgs extends MainAccountPageArgs {
  @Field(() => String, { nullable: true, description: 'Only the child with this phone number.' })
  phone?: string | null;
}

@ArgsType()
export class ChildBalanceChangesArgs extends TimeRangePageArgs {
  @Field({ description: "The child's phone number." })
  phone!: string;
}

import { ArgsType, Field } from 'type-graphql';
import { AccountPurpose, OwnerType } from './account-purpose';

@ArgsType()
export class AccountFilterArgs {
  @Field(() => OwnerType, { nullable: true, description: 'Only accounts of this owner kind.' })
  ownerType?: OwnerType | null;

  @Field(() => String, { nullable: true, description: 'Only accounts of this owner id (with ownerType).' })
  ownerId?: string | null;

  @Field(() => AccountPurpose, { nullable: true, description: 'Only accounts of this purpose.' })
  purpose?: AccountPurpose | null;
}

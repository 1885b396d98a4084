import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class MainAccountLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Main account id.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'API identity (`unionId`).' })
  unionId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Public account number (`main_account_uid`).' })
  mainAccountUid?: number | null;
}

@ArgsType()
export class MainAccountsArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Owning merchant (platform roles; implied for MERCHANT).',
  })
  merchantId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Page number, from 1. Default 1.' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Items per page, at most 100. Default 100.' })
  pageSize?: number;

  @Field(() => Int, { nullable: true, description: 'Relay: number of items after `after`.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Relay: cursor to continue after.' })
  after?: string;
}

import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class PostingLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Posting id.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key (`unique_no`).' })
  uniqueNo?: string | null;
}

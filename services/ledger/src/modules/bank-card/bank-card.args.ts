import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class BankCardListArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id (required for platform roles; implied for MERCHANT).',
  })
  merchantId?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only approved (true) or unapproved (false) cards.' })
  approved?: boolean;
}

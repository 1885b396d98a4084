import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@pay/common';

@ArgsType()
export class MerchantBillsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Merchant id (platform roles; implied for MERCHANT).' })
  merchantId?: number;

  @Field(() => String, { nullable: true, description: 'Only this bill month, "YYYY-MM".' })
  month?: string;
}

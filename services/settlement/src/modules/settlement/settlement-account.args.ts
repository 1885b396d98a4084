import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@pay/common';

@InputType({ description: 'Which settlement accounts to list (`/pay/account/`).' })
export class SettlementAccountFilter {
  @Field(() => Int, {
    nullable: true,
    description: 'Only this merchant’s (a merchant always sees only its own).',
  })
  merchantId?: number;

  @Field(() => String, { nullable: true, description: 'Merchant name contains this (legacy `name`).' })
  merchantName?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Account number or account name contains this (legacy `account`).',
  })
  account?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include deleted accounts (default false).' })
  includeDeleted?: boolean;
}

@ArgsType()
export class SettlementAccountsArgs extends PageArgs {
  @Field(() => SettlementAccountFilter, {
    nullable: true,
    description: 'Filters; none: every account visible.',
  })
  filter?: SettlementAccountFilter;
}

@ArgsType()
export class SettlementAccountLookupArgs {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;
}

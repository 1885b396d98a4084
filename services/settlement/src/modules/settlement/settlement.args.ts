import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '@pay/common';
import { SettlementMethod, SettlementState } from './settlement-codes';

@InputType({ description: 'Which settlements to list (`/pay/settlement/`).' })
export class SettlementFilter {
  @Field(() => String, { nullable: true, description: 'This settlement code (legacy `code`).' })
  code?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Only this merchant’s (a merchant always sees only its own).',
  })
  merchantId?: number;

  @Field(() => SettlementMethod, { nullable: true, description: 'Payout method (legacy `method`).' })
  method?: SettlementMethod;

  @Field(() => SettlementState, { nullable: true, description: 'Pending or settled (legacy `state`).' })
  state?: SettlementState;

  @Field(() => Date, { nullable: true, description: 'Settled at or after this instant.' })
  settlementTimeFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Settled at or before this instant.' })
  settlementTimeTo?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Settled on this China-time day, `YYYY-MM-DD` (legacy `settlement_time`).',
  })
  settlementDate?: string;

  @Field(() => String, { nullable: true, description: 'Remark contains this (legacy `remark`).' })
  remark?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include deleted records (default false).' })
  includeDeleted?: boolean;
}

@ArgsType()
export class SettlementsArgs extends PageArgs {
  @Field(() => SettlementFilter, { nullable: true, description: 'Filters; none: every settlement visible.' })
  filter?: SettlementFilter;
}

@ArgsType()
export class SettlementLookupArgs {
  @Field({ description: 'Settlement code.' })
  code!: string;
}

@ArgsType()
export class MerchantSettlementsArgs extends PageArgs {
  @Field(() => SettlementState, { nullable: true, description: 'Only pending or only settled ones.' })
  state?: SettlementState;
}

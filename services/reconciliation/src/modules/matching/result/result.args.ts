import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '@pay/common';
import { ReconciliationIssue } from '../reconciliation-issue';

@ArgsType()
export class RunResultsArgs extends PageArgs {
  @Field(() => ReconciliationIssue, { nullable: true, description: 'Only lines with this verdict.' })
  issue?: ReconciliationIssue;

  @Field(() => Boolean, { nullable: true, description: 'Only discrepancies (verdicts other than normal).' })
  discrepanciesOnly?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Only the line of this order number (`out_trade_no`).',
  })
  platformOrderNo?: string;
}

@ArgsType()
export class DiscrepanciesArgs extends PageArgs {
  @Field(() => ReconciliationIssue, { nullable: true, description: 'Only this verdict.' })
  issue?: ReconciliationIssue;

  @Field(() => String, { nullable: true, description: 'Only results of this run (its code, `odd_id`).' })
  runCode?: string;

  @Field(() => String, { nullable: true, description: 'Only this statement source.' })
  source?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only resolved (true) or open (false) discrepancies.',
  })
  resolved?: boolean;

  @Field(() => String, { nullable: true, description: 'Only this order number.' })
  platformOrderNo?: string;

  @Field(() => Date, { nullable: true, description: 'Written at or after.' })
  startTime?: Date;

  @Field(() => Date, { nullable: true, description: 'Written at or before.' })
  endTime?: Date;
}

@ArgsType()
export class ResultLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Result id.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Result code (32 hex digits).' })
  code?: string;
}

import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '@pay/common';

@ArgsType()
export class ReconciliationRunsArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: 'Started at or after (`time`).' })
  startTime?: Date;

  @Field(() => Date, { nullable: true, description: 'Started at or before.' })
  endTime?: Date;

  @Field(() => String, { nullable: true, description: 'Started by this person, or `auto` (`user`).' })
  person?: string;

  @Field(() => String, { nullable: true, description: 'Only this statement source.' })
  source?: string;
}

@ArgsType()
export class ReconciliationRunLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Run id.' })
  id?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Run code (32 hex digits, the legacy `code`/`odd_id`).',
  })
  code?: string;
}

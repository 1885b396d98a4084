import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '@pay/common';
import { StatementLineKind } from './statement-line.entity';

@ArgsType()
export class StatementListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this source.' })
  source?: string;

  @Field(() => String, { nullable: true, description: 'Bill date on or after (YYYY-MM-DD).' })
  billDateFrom?: string;

  @Field(() => String, { nullable: true, description: 'Bill date on or before (YYYY-MM-DD).' })
  billDateTo?: string;
}

@ArgsType()
export class StatementLookupArgs {
  @Field(() => ID, { description: 'Statement id.' })
  id!: string;
}

@ArgsType()
export class StatementLinesArgs extends PageArgs {
  @Field(() => StatementLineKind, { nullable: true, description: 'Only lines of this kind.' })
  kind?: StatementLineKind;
}

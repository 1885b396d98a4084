import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A reconciliation an operator starts.' })
export class StartReconciliationRunInput {
  @Field({ description: 'Statement source, e.g. `wechat`, `sandbox-alipay`.' })
  source!: string;

  @Field(() => Date, { description: 'Start of the period, inclusive.' })
  periodStart!: Date;

  @Field(() => Date, { description: 'End of the period, exclusive (at most 31 days after the start).' })
  periodEnd!: Date;

  @Field(() => String, { nullable: true, description: 'Remark (at most 500 characters).' })
  remark?: string;
}

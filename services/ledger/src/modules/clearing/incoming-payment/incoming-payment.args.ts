import { ArgsType, Field } from 'type-graphql';
import { IncomingPaymentStatus } from './incoming-payment.entity';
import { TimeRangePageArgs } from '../clearing-page.args';

@ArgsType()
export class IncomingPaymentsArgs extends TimeRangePageArgs {
  @Field(() => IncomingPaymentStatus, { nullable: true, description: 'Only this status; all when absent.' })
  status?: IncomingPaymentStatus | null;
}

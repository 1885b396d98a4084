import { ChildAccountResolver } from './child-account/child-account.resolver';
import { ChildWithdrawalResolver } from './child-withdrawal/child-withdrawal.resolver';
import { ClearingRecordResolver } from './clearing-record/clearing-record.resolver';
import { IncomingPaymentResolver } from './incoming-payment/incoming-payment.resolver';
import { MainAccountResolver } from './main-account/main-account.resolver';

/** The clearing module's resolvers, for the schema. */
export const clearingResolvers = [
  MainAccountResolver,
  IncomingPaymentResolver,
  ClearingRecordResolver,
  ChildWithdrawalResolver,
  ChildAccountResolver,
] as const;

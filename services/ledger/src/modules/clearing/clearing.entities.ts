import { MainAccount } from './main-account/main-account.entity';
import { ChildAccount } from './child-account/child-account.entity';
import { IncomingPayment } from './incoming-payment/incoming-payment.entity';
import { Clearing } from './clearing-record/clearing-record.entity';
import { ChildWithdrawal } from './child-withdrawal/child-withdrawal.entity';

/** The clearing module's entities (registered in db/entities.ts). */
export const clearingEntities = [MainAccount, ChildAccount, IncomingPayment, Clearing, ChildWithdrawal];

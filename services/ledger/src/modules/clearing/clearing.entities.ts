import { MainAccount } from './main-account.entity';
import { ChildAccount } from './child-account.entity';
import { IncomingPayment } from './incoming-payment.entity';
import { Clearing } from './clearing.entity';
import { ChildWithdrawal } from './child-withdrawal.entity';

/** The clearing module's entities (registered in db/entities.ts). */
export const clearingEntities = [MainAccount, ChildAccount, IncomingPayment, Clearing, ChildWithdrawal];

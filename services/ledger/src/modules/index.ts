// Import order is registration order, which orders the printed schema (schema/).
import { merchantModule } from './merchant';
import { booksPartitionsModule, postingModule } from './posting';
import { accountModule } from './account';
import { orderModule } from './order';
import { balanceModule } from './balance';
import { adjustmentModule } from './adjustment';
import { withdrawalModule } from './withdrawal';
import { bankCardModule } from './bank-card';
import { clearingModule } from './clearing';
import { verifyModule } from './verify';
import { orderEventsModule } from './order-events';
import { settlementMoneyModule } from './settlement-money';

/** The ledger service's modules: its schema, loaders, routes, queues and workers are theirs. */
export const ledgerModules = [
  merchantModule,
  balanceModule,
  postingModule,
  booksPartitionsModule,
  accountModule,
  adjustmentModule,
  orderModule,
  withdrawalModule,
  bankCardModule,
  clearingModule,
  verifyModule,
  orderEventsModule,
  settlementMoneyModule,
];

import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { OrderLedgerResolver } from './order.resolver';
import { Order } from './order.stub';

/** The orders service's Order, extended here with its postings. */
export const orderModule: ServiceModule<LedgerRuntime> = {
  resolvers: [OrderLedgerResolver],
  orphanedTypes: [Order],
  references: {
    // Whose order it is the ledger cannot tell here: Order.postings filters what a MERCHANT sees.
    Order: {
      __resolveReference: (ref: { platformOrderNo?: unknown }) =>
        typeof ref.platformOrderNo === 'string' && ref.platformOrderNo !== ''
          ? { platformOrderNo: ref.platformOrderNo }
          : null,
    },
  },
};

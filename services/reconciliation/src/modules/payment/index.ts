import type { ServiceModule } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { orderEventRoutes } from './order-events.routes';
import { OrderReconciliationResolver } from './order-reconciliation.resolver';
import { Order } from './order.stub';
import { Payment } from './payment.entity';
import { createPaymentLoaders, type PaymentLoaders } from './payment.loader';

/** Payments as the orders service reports them (order-state intake), and each order's reconciliation status. */
export const paymentModule: ServiceModule<ReconciliationRuntime, PaymentLoaders> = {
  resolvers: [OrderReconciliationResolver],
  // The orders service's Order, reached here only through federation.
  orphanedTypes: [Order],
  entities: [Payment],
  references: {
    Order: {
      __resolveReference: (ref: { platformOrderNo: string }) => ({ platformOrderNo: ref.platformOrderNo }),
    },
  },
  routes: (runtime) => orderEventRoutes(runtime.orm, runtime.config.auth.internalSecret),
  loaders: createPaymentLoaders,
};

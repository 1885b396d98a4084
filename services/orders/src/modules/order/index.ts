import type { ServiceModule } from '@pay/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { keyedLoader, numericKey, OutboxEvent, partitionMaintenanceModule } from '@pay/common';
import type { OrdersContext, OrdersRuntime } from '../../context';
import { OrderConnectionResolver, OrderResolver } from './order.resolver';
import { StoreOrdersResolver } from './store-orders.resolver';
import { Order } from './order.entity';
import { OrderAudit } from './order-audit.entity';

const orderLoaders = (em: EntityManager) => ({
  orderById: keyedLoader<number, Order>(
    (ids) => em.find(Order, { id: { $in: [...ids] } }),
    (o) => o.id,
  ),
  orderByPlatformNo: keyedLoader<string, Order>(
    (nos) => em.find(Order, { platformOrderNo: { $in: [...nos] } }),
    (o) => o.platformOrderNo,
  ),
});

/** Orders: creation, payment, manual actions, lists and their audit trail; their events go out through the outbox. */
export const orderModule: ServiceModule<OrdersRuntime, ReturnType<typeof orderLoaders>> = {
  resolvers: [OrderResolver, OrderConnectionResolver, StoreOrdersResolver],
  entities: [Order, OrderAudit, OutboxEvent],
  references: {
    // A MERCHANT actor resolves only its own orders; others get null.
    Order: {
      __resolveReference: async (ref: { id?: string; platformOrderNo?: string }, ctx: OrdersContext) => {
        const id = numericKey(ref.id);
        const order = ref.platformOrderNo
          ? await ctx.loaders.orderByPlatformNo.load(ref.platformOrderNo)
          : id === null
            ? null
            : await ctx.loaders.orderById.load(id);
        if (!order) return null;
        return ctx.actor.role !== 'MERCHANT' || order.merchant.id === ctx.actor.merchantId ? order : null;
      },
    },
  },
  loaders: orderLoaders,
};

/**
 * Orders' and the audit trail's months made ahead. No month of orders is ever dropped (they
 * are archived by detaching); the audit trail's past ORDER_AUDIT_RETENTION_MONTHS, if set.
 */
export const orderPartitionsModule = partitionMaintenanceModule<OrdersRuntime>(
  'order-partitions',
  ({ config }) => [
    { table: 'order', column: 'created_at', retentionMonths: null },
    { table: 'order_audit', column: 'created_at', retentionMonths: config.auditRetentionMonths },
  ],
);

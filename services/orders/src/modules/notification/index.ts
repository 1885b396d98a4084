import type { ServiceModule } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, partitionMaintenanceModule, type MonthlyPartitioning } from '@pay/common';
import type { OrdersConfig } from '../../config';
import { NotifyLogResolver } from './notification.resolver';
import { NOTIFY_QUEUE, startNotificationWorker } from './notification.service';
import { NotifyLog } from './notify-log.entity';

const notificationLoaders = (em: EntityManager) => ({
  notifyLogs: groupedLoader<number, NotifyLog>(
    (orderIds) => em.find(NotifyLog, { order: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } }),
    (l) => l.order.id,
  ),
});

/** Notify logs by month (dropped after NOTIFY_LOG_RETENTION_MONTHS). */
export const notifyLogPartitions = (config: OrdersConfig['notify']): MonthlyPartitioning => ({
  table: 'notify_log',
  column: 'created_at',
  retentionMonths: config.logRetentionMonths,
});

/** Merchant notifications of paid orders: attempts with back-off, their logs, resends. */
export const notificationModule: ServiceModule<OrdersRuntime, ReturnType<typeof notificationLoaders>> = {
  resolvers: [NotifyLogResolver],
  entities: [NotifyLog],
  queues: [NOTIFY_QUEUE],
  startWorkers: ({ orm, jobs, config }) => startNotificationWorker(orm, jobs, config.notify),
  loaders: notificationLoaders,
};

/** Keeps notify_log's months: created ahead, dropped past the retention. */
export const notifyLogPartitionsModule = partitionMaintenanceModule<OrdersRuntime>(
  'notify-log-partitions',
  ({ config }) => [notifyLogPartitions(config.notify)],
);

import type { ServiceModule } from '@pay/common';
import type { OrdersRuntime } from '../../runtime';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@pay/common';
import { NotifyLogResolver } from './notification.resolver';
import { NOTIFY_QUEUE, startNotificationWorker } from './notification.service';
import { NotifyLog } from './notify-log.entity';

const notificationLoaders = (em: EntityManager) => ({
  notifyLogs: groupedLoader<number, NotifyLog>(
    (orderIds) => em.find(NotifyLog, { order: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } }),
    (l) => l.order.id,
  ),
});

/** Merchant notifications of paid orders: attempts with back-off, their logs, resends. */
export const notificationModule: ServiceModule<OrdersRuntime, ReturnType<typeof notificationLoaders>> = {
  resolvers: [NotifyLogResolver],
  entities: [NotifyLog],
  queues: [NOTIFY_QUEUE],
  startWorkers: ({ orm, jobs, config }) => startNotificationWorker(orm, jobs, config.notify),
  loaders: notificationLoaders,
};

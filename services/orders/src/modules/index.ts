// Import order is registration order, which orders the printed schema (schema/).
import { orderPartitionsModule, orderModule } from './order';
import { merchantModule } from './merchant';
import { channelModule } from './channel';
import { statsModule } from './stats';
import { notificationModule, notifyLogPartitionsModule } from './notification';
import { upstreamModule } from './upstream';
import { sandboxModule } from './sandbox';
import { openApiModule } from './open-api';

/** The orders service's modules: its schema, loaders, routes, queues and workers are theirs. */
export const ordersModules = [
  orderModule,
  orderPartitionsModule,
  merchantModule,
  channelModule,
  statsModule,
  notificationModule,
  notifyLogPartitionsModule,
  sandboxModule,
  upstreamModule,
  openApiModule,
];

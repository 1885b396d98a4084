// First: tracing (when the OTEL_* variables ask for it) must patch http, express and pg before they load.
import '@pay/common/dist/tracing/register';
import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadOrdersConfig } from './config';
import { ordersEntities } from './db/entities';
import { ordersMigrations } from './db/migrations';
import { createOrdersServer } from './server';
import { seedDemoData } from './db/seeders/demo-data';
import { createSandboxKeys } from './modules/sandbox/sandbox-keys';

runService({
  name: 'orders',
  schema: 'orders',
  loadConfig: () => loadOrdersConfig(),
  entities: ordersEntities,
  migrations: ordersMigrations,
  beforeStart: async (orm, config) => {
    if (!config.seedDemoData) return;
    await seedDemoData(orm.em.fork(), {
      keys: createSandboxKeys(config.sandbox),
      notifyUrl: config.demoMerchantNotifyUrl,
    });
  },
  createServer: createOrdersServer,
});

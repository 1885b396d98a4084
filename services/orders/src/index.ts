import 'reflect-metadata';
import { runService } from '@pay/common';
import { loadOrdersConfig } from './config';
import { ordersEntities } from './db/entities';
import { ordersMigrations } from './db/migrations';
import { createOrdersServer } from './server';
import { seedDemoData } from './db/seeders/demo-data';

runService({
  name: 'orders',
  schema: 'orders',
  loadConfig: () => loadOrdersConfig(),
  entities: ordersEntities,
  migrations: ordersMigrations,
  beforeStart: async (orm, config) => {
    if (config.seedDemoData) await seedDemoData(orm.em.fork());
  },
  createServer: createOrdersServer,
});

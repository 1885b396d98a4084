// What other workspaces (the gateway's tests, the end-to-end tests, scripts) use.
export { createOrdersServer, type OrdersServer } from './server';
export { buildOrdersSchema } from './schema';
export { loadOrdersConfig, testOrdersConfig, type OrdersConfig } from './config';
export { ordersEntities } from './db/entities';
export { ordersMigrations } from './db/migrations';
export { seedDemoData, DEMO_KEYS } from './db/seeders/demo-data';
export * from './db/seeders/builders';
export { buildOpenApiApp, DEMO_OPEN_API_APP } from './db/seeders/open-api-builders';
export {
  DEMO_HISTORY_DAYS,
  DEMO_RECENT_DAYS,
  DEMO_DAYS_AGO,
  demoDayPlan,
  type DemoFate,
  type DemoOrderPlan,
} from './db/seeders/demo-orders';

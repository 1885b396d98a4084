import { startTestSubgraph, TEST_ACTORS, type TestSubgraph } from '@pay/common';
import { createOrdersServer, type OrdersServer } from '../../src/server';
import { testOrdersConfig, type OrdersConfig } from '../../src/config';
import { buildStandardWorld } from '../../src/db/seeders/builders';
import { openTestOrdersDatabase } from './orders-database';

export const ACTORS = TEST_ACTORS;

export interface OrdersTestApp extends TestSubgraph<OrdersServer, OrdersConfig> {
  world: Awaited<ReturnType<typeof buildStandardWorld>>;
}

/** The orders service on a free port over a fresh database with the standard world. */
export async function startOrdersTestApp(overrides: Partial<OrdersConfig> = {}): Promise<OrdersTestApp> {
  const db = await openTestOrdersDatabase();
  const world = await buildStandardWorld(db.orm.em.fork());
  const config = testOrdersConfig({
    notify: { ...testOrdersConfig().notify, scheduleSeconds: [0.3, 0.3, 0.3], timeoutMs: 2000 },
    outbox: { ...testOrdersConfig().outbox, intervalMs: 100 },
    ...overrides,
  });
  return ordersTestApp(await startTestSubgraph(db, config, createOrdersServer), world);
}

/** A started orders test subgraph as an OrdersTestApp, whose `close` also lets pg-boss settle. */
export function ordersTestApp(
  app: TestSubgraph<OrdersServer, OrdersConfig>,
  world: OrdersTestApp['world'],
): OrdersTestApp {
  return {
    ...app,
    world,
    close: async () => {
      await app.close();
      // pg-boss's stop leaves a loop that re-checks its stopped workers once a second; let
      // it end before jest tears the module registry down (else a short test file can fail
      // after its tests passed, with "Cannot destructure property 'setTimeout'", or keep
      // its worker from exiting).
      await new Promise((resolve) => setTimeout(resolve, 1100));
    },
  };
}

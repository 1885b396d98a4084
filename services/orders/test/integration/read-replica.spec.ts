import { dataOf, openDatabase, startTestSubgraph } from '@pay/common';
import { testOrdersConfig } from '../../src/config';
import { ordersEntities } from '../../src/db/entities';
import { ordersMigrations } from '../../src/db/migrations';
import { buildStandardWorld } from '../../src/db/seeders/builders';
import { createOrdersServer } from '../../src/server';
import { createOrder } from '../support/order-helpers';
import { ACTORS, ordersTestApp, type OrdersTestApp } from '../support/orders-app';
import { openTestOrdersDatabase } from '../support/orders-database';

const OVERVIEW = `{ platformOverview(days: 1) { total { orderCount } } }`;
const ORDERS = `{ orders(pageSize: 5) { totalCount } }`;

describe('a read replica (DATABASE_READ_URL) for statistics', () => {
  let replica: Awaited<ReturnType<typeof openTestOrdersDatabase>>;
  let app: OrdersTestApp;

  beforeAll(async () => {
    // Two databases with the orders schema: the primary, and a "replica" that never sees
    // the primary's writes, so where each read went shows in its answer.
    replica = await openTestOrdersDatabase();
    const primary = await openTestOrdersDatabase();
    await primary.orm.close(true);
    const orm = await openDatabase({
      url: primary.url,
      schema: 'orders',
      entities: ordersEntities,
      migrations: ordersMigrations,
      readUrl: replica.url,
    });
    const world = await buildStandardWorld(orm.em.fork());
    const config = testOrdersConfig({ db: { url: primary.url, poolMax: 5, readUrl: replica.url } });
    // Closing the app closes this ORM (with its replica pool) too, then the primary's database.
    const db = {
      orm,
      url: primary.url,
      close: async () => {
        await orm.close(true);
        await primary.close();
      },
    };
    app = ordersTestApp(await startTestSubgraph(db, config, createOrdersServer), world);
  });
  afterAll(async () => {
    await app.close();
    await replica.close();
  });

  it('answers statistics from the replica and everything else from the primary', async () => {
    await createOrder(app, { amount: '12.00' }, ACTORS.merchant);
    // The order is on the primary: lists and lookups see it at once.
    expect(dataOf(await app.gql<{ orders: { totalCount: number } }>(ORDERS)).orders.totalCount).toBe(1);
    // The replica has not got it (here: never will): the overview counts none.
    const overview = dataOf(
      await app.gql<{ platformOverview: { total: { orderCount: number } } }>(OVERVIEW),
    ).platformOverview;
    expect(overview.total.orderCount).toBe(0);
  });
});

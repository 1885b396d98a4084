import { monthlyPartitionsOf, monthPartitionOf } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { CREATE_ORDER, createOrder, DEAD_NOTIFY_URL, sql } from '../support/order-helpers';

/** An order row copied with another id and `changes`, inserted straight into the table. */
const COPY_ORDER = `insert into "order"
  select (jsonb_populate_record(null::"order", to_jsonb(o) || jsonb_build_object('id', nextval('order_id_seq')) || ?::jsonb)).*
    from "order" o where o.platform_order_no = ?`;

describe('orders in monthly partitions, their numbers in order_key', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const counts = async () =>
    (
      await sql<{ orders: number; keys: number }>(
        app,
        `select (select count(*)::int from "order") as orders, (select count(*)::int from order_key) as keys`,
      )
    )[0]!;
  const failure = (text: string, params: unknown[]) =>
    sql(app, text, params).then(
      () => 'no error',
      (error: Error) => error.message,
    );

  it("keeps orders in this month's partition, the next months' ready, one key per order", async () => {
    await createOrder(app, { amount: '10.00', merchantOrderNo: 'PART-0001' }, ACTORS.merchant);
    const state = await monthlyPartitionsOf(app.orm.em.getConnection(), 'order');
    expect(state).toMatchObject({ partitioned: true, monthsAheadReady: true });
    expect(state.rowsThisMonth).toBeGreaterThan(0);
    const { orders, keys } = await counts();
    expect(keys).toBe(orders);
  });

  it('refuses a taken platform or merchant order number at the insert, naming it, writing nothing', async () => {
    const order = await createOrder(app, { amount: '11.00', merchantOrderNo: 'PART-0002' }, ACTORS.merchant);
    const before = await counts();
    expect(
      await failure(COPY_ORDER, [
        JSON.stringify({ merchant_order_no: 'PART-0002-B' }),
        order.platformOrderNo,
      ]),
    ).toMatch(/order_key_platform_order_no_unique/);
    expect(
      await failure(COPY_ORDER, [
        JSON.stringify({ platform_order_no: 'P-PART-0002-B' }),
        order.platformOrderNo,
      ]),
    ).toMatch(/order_key_merchant_order_no_unique/);
    expect(await counts()).toEqual(before);
    // Free numbers go in, their key with them.
    expect(
      await failure(COPY_ORDER, [
        JSON.stringify({ platform_order_no: 'P-PART-0002-C', merchant_order_no: 'PART-0002-C' }),
        order.platformOrderNo,
      ]),
    ).toBe('no error');
    expect(await counts()).toEqual({ orders: before.orders + 1, keys: before.keys + 1 });
  });

  it('answers DUPLICATE_ORDER to one of two concurrent creates with the same merchant order number', async () => {
    const create = () =>
      app.gql(
        CREATE_ORDER,
        { input: { amount: '12.00', merchantOrderNo: 'PART-RACE', notifyUrl: DEAD_NOTIFY_URL } },
        ACTORS.merchant,
      );
    const answers = await Promise.all([create(), create(), create()]);
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'created').sort();
    expect(codes).toEqual(['DUPLICATE_ORDER', 'DUPLICATE_ORDER', 'created']);
  });

  it("never changes an order's numbers; an order moved to another month keeps its key", async () => {
    const order = await createOrder(app, { amount: '13.00', merchantOrderNo: 'PART-0003' }, ACTORS.merchant);
    expect(
      await failure(`update "order" set platform_order_no = 'P-CHANGED' where platform_order_no = ?`, [
        order.platformOrderNo,
      ]),
    ).toMatch(/ORDER_KEY_FIXED/);
    expect(
      await failure(`update "order" set merchant_order_no = 'CHANGED' where platform_order_no = ?`, [
        order.platformOrderNo,
      ]),
    ).toMatch(/ORDER_KEY_FIXED/);
    const before = await counts();
    expect(
      await failure(
        `update "order" set created_at = created_at - interval '40 days' where platform_order_no = ?`,
        [order.platformOrderNo],
      ),
    ).toBe('no error');
    expect(await counts()).toEqual(before);
    const [moved] = await sql<{ partition: string }>(
      app,
      `select tableoid::regclass::text as partition from "order" where platform_order_no = ?`,
      [order.platformOrderNo],
    );
    // Forty days back is another month: the row moved out of this month's partition.
    expect(moved!.partition).not.toBe(monthPartitionOf('order', new Date()));
  });
});

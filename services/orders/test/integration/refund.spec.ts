import { dataOf } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  completeOrder,
  createOrder,
  eventTopics,
  expectError,
  forceStatus,
  orderRow,
} from '../support/order-helpers';
import { OrderStatus } from '../../src/modules/order/order-status';

const REFUND = `mutation ($input: ManualOrderActionInput!) { refundOrder(input: $input) { unchanged message order { status statusCode adminStatusCode } } }`;

describe('refundOrder (platform refund)', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('refunds a paid order once, with an order.refunded event for the ledger and an audit row', async () => {
    const order = await createOrder(app, { amount: '30.00', merchantId: 2024164 });
    await completeOrder(app, { platformOrderNo: order.platformOrderNo });
    const refunded = dataOf(
      await app.gql<{
        refundOrder: {
          message: string;
          order: { status: string; statusCode: number; adminStatusCode: number };
        };
      }>(REFUND, { input: { platformOrderNo: order.platformOrderNo, note: 'channel refunded it' } }),
    ).refundOrder;
    expect(refunded).toEqual({
      unchanged: false,
      message: '退款成功',
      order: { status: 'REFUNDED', statusCode: 0, adminStatusCode: 4 },
    });
    expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.paid', 'order.refunded']);
    const audits = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select a.action, a.actor, a.from_status, a.to_status, a.note from order_audit a join "order" o on o.id = a.order_id where o.platform_order_no = ? order by a.id`,
        [order.platformOrderNo],
      );
    expect(audits[audits.length - 1]).toEqual({
      action: 'REFUND',
      actor: ACTORS.operator.sub,
      from_status: 'PAID',
      to_status: 'REFUNDED',
      note: 'channel refunded it',
    });
    // A refunded order cannot be refunded again.
    expectError(
      await app.gql(REFUND, { input: { platformOrderNo: order.platformOrderNo } }),
      'ILLEGAL_TRANSITION',
    );
    expect((await orderRow(app, order.platformOrderNo)).status).toBe(OrderStatus.REFUNDED);
  });

  it('refuses a pending order, and is for operators only', async () => {
    const order = await createOrder(app, { amount: '31.00', merchantId: 2024164 });
    expectError(
      await app.gql(REFUND, { input: { platformOrderNo: order.platformOrderNo } }),
      'ILLEGAL_TRANSITION',
    );
    await forceStatus(app, order.platformOrderNo, OrderStatus.PAID);
    expectError(
      await app.gql(REFUND, { input: { platformOrderNo: order.platformOrderNo } }, ACTORS.merchant),
      'FORBIDDEN',
    );
    expectError(
      await app.gql(REFUND, { input: { platformOrderNo: order.platformOrderNo } }, ACTORS.analyst),
      'FORBIDDEN',
    );
    expect((await orderRow(app, order.platformOrderNo)).status).toBe(OrderStatus.PAID);
  });
});

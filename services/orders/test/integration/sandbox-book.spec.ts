import { ACTOR_HEADER, AppError, eventually, signActorHeader, startOfChinaDay } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { cancelOrder, createOrder, eventTopics, orderRow, sql } from '../support/order-helpers';
import { billAnotherAmount } from '../../src/modules/sandbox/sandbox-book';
import { sandboxStatementLines } from '../../src/modules/sandbox/sandbox-statements';
import { Order } from '../../src/modules/order/order.entity';
import { recordLifecycleEvent } from '../../src/modules/order/order.service';

/**
 * The sandbox channel's own book: what the channel did that the platform was never
 * told about shows on the channel's statement and in its order query, while the
 * platform's order stays as the platform knows it.
 */
describe('the sandbox channel’s own book', () => {
  let app: OrdersTestApp;
  let base: string;
  beforeAll(async () => {
    app = await startOrdersTestApp();
    base = app.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await app.close();
  });

  const query = async (platformOrderNo: string) => {
    const response = await fetch(`${base}/sandbox/query/${encodeURIComponent(platformOrderNo)}`, {
      headers: { [ACTOR_HEADER]: signActorHeader(ACTORS.system, app.config.auth.internalSecret) },
    });
    return (await response.json()) as { trade_state: string; transaction_id: string | null; amount: number };
  };
  const todaysLines = (kind: 'wechat' | 'alipay') =>
    sandboxStatementLines(app.orm.em.fork(), kind, startOfChinaDay(new Date()));
  const post = (path: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { accept: 'application/json' } });

  async function paid(amount: string) {
    const order = await createOrder(app, { amount, merchantId: 2024164, channelCode: 'zfbwthf' });
    expect((await post(`/sandbox/pay/${order.platformOrderNo}`)).status).toBe(200);
    await eventually(async () => {
      const row = await orderRow(app, order.platformOrderNo);
      return row.status === 'PAID' ? row : undefined;
    }, 'the paid order');
    return order;
  }

  it('a lost callback: the channel took the money, the platform’s order stays pending', async () => {
    const order = await createOrder(app, { amount: '23.45', merchantId: 2023100, channelCode: 'wxhftest' });
    const answer = await post(`/sandbox/pay/${order.platformOrderNo}?callback=lost`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { paid: boolean; tradeNo: string; callbackDelivered: boolean };
    expect(body).toMatchObject({ paid: true, callbackDelivered: false });
    expect(body.tradeNo).toMatch(/^SBX\d{13}/);

    expect((await orderRow(app, order.platformOrderNo)).status).toBe('PENDING');
    expect(await eventTopics(app, order.platformOrderNo)).not.toContain('order.paid');
    expect(await query(order.platformOrderNo)).toMatchObject({
      trade_state: 'SUCCESS',
      transaction_id: body.tradeNo,
      amount: 2345,
    });
    const line = (await todaysLines('wechat')).find((l) => l.platformOrderNo === order.platformOrderNo);
    expect(line).toMatchObject({ kind: 'PAYMENT', tradeNo: body.tradeNo, amount: 2345 });

    // The channel pays an order once.
    expect((await post(`/sandbox/pay/${order.platformOrderNo}?callback=lost`)).status).toBe(409);
  });

  it('a refund at the channel: a refund line and REFUND in the query, the order still paid', async () => {
    const order = await paid('30.00');
    const answer = await post(`/sandbox/refund/${order.platformOrderNo}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ refunded: true, amount: '30.00' });
    expect((await orderRow(app, order.platformOrderNo)).status).toBe('PAID');
    expect((await query(order.platformOrderNo)).trade_state).toBe('REFUND');
    const lines = (await todaysLines('alipay')).filter((l) => l.platformOrderNo === order.platformOrderNo);
    expect(lines.map((l) => [l.kind, l.amount])).toEqual([
      ['PAYMENT', 3000],
      ['REFUND', 3000],
    ]);
    expect(lines[1]?.refundNo).toMatch(/^R.+C\d{4}$/);

    // Refunded once; an order the channel never took money for cannot be refunded.
    expect((await post(`/sandbox/refund/${order.platformOrderNo}`)).status).toBe(409);
    const unpaid = await createOrder(app, { amount: '5.00', merchantId: 2024164, channelCode: 'zfbwthf' });
    expect((await post(`/sandbox/refund/${unpaid.platformOrderNo}`)).status).toBe(409);
  });

  it('an amount billed differently shows on the statement, not on the order', async () => {
    const order = await paid('100.00');
    const entity = await app.orm.em.fork().findOneOrFail(Order, { platformOrderNo: order.platformOrderNo });
    await billAnotherAmount(app.orm.em.fork(), entity, 9950);
    const line = (await todaysLines('alipay')).find((l) => l.platformOrderNo === order.platformOrderNo);
    expect(line).toMatchObject({ kind: 'PAYMENT', amount: 9950 });
    await expect(billAnotherAmount(app.orm.em.fork(), entity, 100_00)).rejects.toThrow(AppError);
  });

  it('a payment the platform cancelled stays on the channel’s statement', async () => {
    const order = await paid('12.00');
    await cancelOrder(app, { platformOrderNo: order.platformOrderNo });
    const [row] = await sql<{ paid_at: Date | null }>(
      app,
      'select paid_at from "order" where platform_order_no = ?',
      [order.platformOrderNo],
    );
    expect(row?.paid_at).toBeNull();
    const line = (await todaysLines('alipay')).find((l) => l.platformOrderNo === order.platformOrderNo);
    expect(line).toMatchObject({ kind: 'PAYMENT', amount: 1200 });
  });
});

describe('lifecycle steps that move no money', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('walks a paid order through the refund dispute, audited, with no money event', async () => {
    const order = await createOrder(app, { amount: '10.00', merchantId: 2024164, channelCode: 'zfbwthf' });
    await fetch(order.paymentUrl, { method: 'POST', headers: { accept: 'application/json' } });
    await eventually(async () => {
      const row = await orderRow(app, order.platformOrderNo);
      return row.status === 'PAID' ? row : undefined;
    }, 'the paid order');
    const ref = { platformOrderNo: order.platformOrderNo };
    for (const [event, status] of [
      ['REQUEST_REFUND', 'REFUND_UNDER_REVIEW'],
      ['ESCALATE', 'PLATFORM_INTERVENTION'],
      ['APPROVE_INTERVENTION', 'INTERVENTION_APPROVED'],
    ] as const) {
      const result = await recordLifecycleEvent(app.orm.em.fork(), ref, event, ACTORS.operator, 'demo');
      expect(result.order.status).toBe(status);
    }
    const audits = await sql<{ action: string; to_status: string }>(
      app,
      `select a.action, a.to_status from order_audit a join "order" o on o.id = a.order_id
        where o.platform_order_no = ? order by a.id`,
      [order.platformOrderNo],
    );
    expect(audits.map((a) => a.action)).toEqual(['REQUEST_REFUND', 'ESCALATE', 'APPROVE_INTERVENTION']);
    expect((await eventTopics(app, order.platformOrderNo)).filter((t) => t !== 'order.state')).toEqual([
      'order.paid',
    ]);
  });

  it('refuses a step the order’s status does not allow and changes nothing', async () => {
    const order = await createOrder(app, { amount: '10.00', merchantId: 2024164, channelCode: 'zfbwthf' });
    await expect(
      recordLifecycleEvent(
        app.orm.em.fork(),
        { platformOrderNo: order.platformOrderNo },
        'CONFIRM_REFUND',
        ACTORS.operator,
      ),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await orderRow(app, order.platformOrderNo)).status).toBe('PENDING');
    const expired = await recordLifecycleEvent(
      app.orm.em.fork(),
      { platformOrderNo: order.platformOrderNo },
      'EXPIRE',
      ACTORS.system,
    );
    expect(expired.order.status).toBe('EXPIRED');
  });
});

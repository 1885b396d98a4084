import { ACTOR_HEADER, eventually, signActorHeader, type Actor } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { cancelOrder, completeOrder, createOrder, orderRow } from '../support/order-helpers';

describe('the sandbox channel answers order queries', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const query = async (platformOrderNo: string, actor: Actor | null = ACTORS.system) => {
    const response = await fetch(
      `${app.url.replace(/\/graphql$/, '')}/sandbox/query/${encodeURIComponent(platformOrderNo)}`,
      { headers: actor ? { [ACTOR_HEADER]: signActorHeader(actor, app.config.auth.internalSecret) } : {} },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('says NOTPAY before the payment, SUCCESS with the transaction id after it', async () => {
    const order = await createOrder(app, { amount: '12.34' }, ACTORS.merchant);
    expect(await query(order.platformOrderNo)).toEqual({
      status: 200,
      body: {
        out_trade_no: order.platformOrderNo,
        trade_state: 'NOTPAY',
        amount: 1234,
        transaction_id: null,
      },
    });

    const pay = await fetch(order.paymentUrl, { method: 'POST' });
    expect(pay.status).toBe(200);
    await eventually(async () => {
      const row = await orderRow(app, order.platformOrderNo);
      return row.status === 'PAID' ? row : undefined;
    }, 'the paid order');
    const answer = await query(order.platformOrderNo);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ trade_state: 'SUCCESS', amount: 1234 });
    expect(answer.body.transaction_id).toMatch(/^SBX/);

    // The platform cancelling the order does not give the payer's money back at the channel.
    await cancelOrder(app, { platformOrderNo: order.platformOrderNo });
    expect((await query(order.platformOrderNo)).body).toMatchObject({ trade_state: 'SUCCESS', amount: 1234 });
  });

  it('says NOTPAY for an order completed by hand (the channel never saw a payment)', async () => {
    const order = await createOrder(app, { amount: '5.00' }, ACTORS.merchant);
    await completeOrder(app, { platformOrderNo: order.platformOrderNo });
    expect((await query(order.platformOrderNo)).body).toMatchObject({ trade_state: 'NOTPAY', amount: 500 });
  });

  it('answers NOT_FOUND for an unknown order and nothing to unsigned or merchant callers', async () => {
    expect(await query('H00000000000000000000')).toEqual({
      status: 404,
      body: {
        out_trade_no: 'H00000000000000000000',
        trade_state: 'NOT_FOUND',
        amount: null,
        transaction_id: null,
      },
    });
    const order = await createOrder(app, { amount: '1.00' }, ACTORS.merchant);
    expect((await query(order.platformOrderNo, null)).status).toBe(401);
    expect((await query(order.platformOrderNo, ACTORS.merchant)).status).toBe(401);
  });
});

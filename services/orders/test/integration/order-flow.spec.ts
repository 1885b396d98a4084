import {
  dataOf,
  errorCodes,
  eventually,
  fxNotifySign,
  postGraphQL,
  signAlipayNotification,
  startMerchantReceiver,
} from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';

const CREATE = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { paymentUrl orderMd5 order { id platformOrderNo merchantOrderNo amount statusCode merchantIncome agentIncome channelFee upstreamCost platformProfit pzid channelCode } }
}`;
const ORDER = `query ($no: String) { order(platformOrderNo: $no) { statusCode statusName notifyStatusCode notifyAttempts paidAt upstreamOrderNo
  notifyLogs { attempt delivered responseBody eventId requestPayload } } }`;

describe('order flow: create → sandbox pay → callback → paid → merchant notified', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('pays through the sandbox and notifies the merchant with a correct fxsign, retrying failures', async () => {
    const receiver = await startMerchantReceiver(['fail', 'error']);
    try {
      const created = dataOf(
        await app.gql<{ createOrder: { paymentUrl: string; order: Record<string, string | number> } }>(
          CREATE,
          {
            input: {
              amount: '100.00',
              channelCode: 'zfbwthf',
              notifyUrl: receiver.url,
              merchantOrderNo: 'M0001',
              attach: 'x=1',
            },
          },
          ACTORS.merchant,
        ),
      ).createOrder;
      expect(created.order).toMatchObject({
        amount: '100.00',
        merchantIncome: '88.50',
        agentIncome: '4.00',
        channelFee: '7.50',
        upstreamCost: '0.50',
        platformProfit: '7.00',
        statusCode: 0,
        channelCode: 'zfbwthf',
      });
      const pay = await fetch(created.paymentUrl.replace('/sandbox/pay/', '/sandbox/pay/'), {
        method: 'POST',
      });
      expect(pay.status).toBe(200);
      expect(await pay.json()).toMatchObject({ paid: true });

      const no = created.order.platformOrderNo as string;
      const order = await eventually(async () => {
        const o = dataOf(
          await app.gql<{ order: { notifyAttempts: number; notifyLogs: unknown[] } }>(
            ORDER,
            { no },
            ACTORS.merchant,
          ),
        ).order;
        return o.notifyAttempts >= 3 ? o : undefined;
      }, 'three notification attempts');
      expect(order).toMatchObject({
        statusCode: 1,
        statusName: 'paid',
        notifyStatusCode: 2,
        notifyAttempts: 3,
      });
      expect(receiver.received).toHaveLength(3);
      const eventIds = new Set(receiver.received.map((r) => r.headers['x-event-id']));
      expect(eventIds.size).toBe(1);
      const form = new URLSearchParams(receiver.received[2]!.body);
      expect(form.get('fxid')).toBe('2024164');
      expect(form.get('fxddh')).toBe('M0001');
      expect(form.get('fxorder')).toBe(no);
      expect(form.get('fxfee')).toBe('100.00');
      expect(form.get('fxattch')).toBe('x=1');
      expect(form.get('fxstatus')).toBe('1');
      expect(form.get('fxsign')).toBe(
        fxNotifySign({ fxstatus: '1', fxid: '2024164', fxddh: 'M0001', fxfee: '100.00' }, 'key-2024164-demo'),
      );
      const logs = (
        order as unknown as { notifyLogs: { attempt: number; delivered: boolean; responseBody: string }[] }
      ).notifyLogs;
      expect(logs.map((l) => [l.attempt, l.delivered, l.responseBody])).toEqual([
        [1, false, 'fail'],
        [2, false, 'error'],
        [3, true, 'success'],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('treats a duplicate callback as harmless and writes one outbox event per paid order', async () => {
    const created = dataOf(
      await app.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(CREATE, {
        input: { amount: '50.00', merchantId: 2023100 },
      }),
    ).createOrder;
    const first = await fetch(created.paymentUrl, { method: 'POST' });
    expect(((await first.json()) as { paid: boolean }).paid).toBe(true);
    const second = await fetch(created.paymentUrl, { method: 'POST' });
    expect(((await second.json()) as { paid: boolean }).paid).toBe(true);
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute(`select topic from outbox_event where aggregate_id = ? and topic <> 'order.state'`, [
        created.order.platformOrderNo,
      ]);
    expect(rows).toEqual([{ topic: 'order.paid' }]);
  });

  it('ignores an out-of-order (unpaid) notice that arrives after the payment', async () => {
    const created = dataOf(
      await app.gql<{
        createOrder: { paymentUrl: string; order: { platformOrderNo: string; pzid: number } };
      }>(CREATE, {
        input: { amount: '30.00', merchantId: 2024164 },
      }),
    ).createOrder;
    expect(
      ((await (await fetch(created.paymentUrl, { method: 'POST' })).json()) as { paid: boolean }).paid,
    ).toBe(true);
    const late = signAlipayNotification(
      {
        app_id: app.server.runtime.sandboxKeys.alipayAppId,
        out_trade_no: created.order.platformOrderNo,
        trade_no: 'LATE-1',
        total_amount: '30.00',
        trade_status: 'WAIT_BUYER_PAY',
      },
      app.server.runtime.sandboxKeys.alipayPrivateKeyPem,
    );
    const res = await fetch(`${app.url.replace('/graphql', '')}/callbacks/${created.order.pzid}`, {
      method: 'POST',
      body: new URLSearchParams(late).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await res.text()).toBe('success');
    const after = dataOf(
      await app.gql<{ order: { statusCode: number; upstreamOrderNo: string } }>(ORDER, {
        no: created.order.platformOrderNo,
      }),
    ).order;
    expect(after.statusCode).toBe(1);
    expect(after.upstreamOrderNo).not.toBe('LATE-1');
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select count(*)::int as n from outbox_event where aggregate_id = ? and topic <> 'order.state'`,
        [created.order.platformOrderNo],
      );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses a forged callback and changes nothing', async () => {
    const created = dataOf(
      await app.gql<{ createOrder: { order: { platformOrderNo: string; pzid: number } } }>(CREATE, {
        input: { amount: '20.00', merchantId: 2024164 },
      }),
    ).createOrder;
    const forged = new URLSearchParams({
      out_trade_no: created.order.platformOrderNo,
      trade_no: 'X',
      total_amount: '20.00',
      trade_status: 'TRADE_SUCCESS',
      app_id: app.server.runtime.sandboxKeys.alipayAppId,
      sign_type: 'RSA2',
      sign: 'Zm9yZ2Vk',
    });
    const res = await fetch(`${app.url.replace('/graphql', '')}/callbacks/${created.order.pzid}`, {
      method: 'POST',
      body: forged.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    const after = dataOf(
      await app.gql<{ order: { statusCode: number } }>(ORDER, { no: created.order.platformOrderNo }),
    ).order;
    expect(after.statusCode).toBe(0);
  });

  it('answers 401 to a call without the gateway signature', async () => {
    const result = await postGraphQL(app.url, '{ channels { code } }');
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('order.state events', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    app = await startOrdersTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('records the whole state of an order at creation and at every change, in order', async () => {
    const created = dataOf(
      await app.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(CREATE, {
        input: { amount: '25.00', merchantId: 2024164 },
      }),
    ).createOrder;
    await fetch(created.paymentUrl, { method: 'POST' });
    dataOf(
      await app.gql(
        `mutation ($no: String) { cancelOrder(input: { platformOrderNo: $no }) { order { id } } }`,
        {
          no: created.order.platformOrderNo,
        },
      ),
    );
    const rows = (await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select payload from outbox_event where aggregate_id = ? and topic = 'order.state' order by seq`,
        [created.order.platformOrderNo],
      )) as { payload: Record<string, unknown> }[];
    expect(rows.map((r) => [r.payload.status, r.payload.statusCode])).toEqual([
      ['PENDING', 0],
      ['PAID', 1],
      ['PENDING', 0],
    ]);
    expect(rows[1]!.payload).toMatchObject({
      merchantId: 2024164,
      merchantName: 'jl888',
      amount: 2500,
      channelCode: 'zfbwthf',
      payType: 'alipay',
    });
    expect(rows[1]!.payload.upstreamOrderNo).toMatch(/^SBX/);
  });
});

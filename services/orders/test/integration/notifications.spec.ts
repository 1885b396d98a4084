import { dataOf, eventually, monthlyPartitionsOf, startMerchantReceiver } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';

const CREATE = `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { paymentUrl order { id platformOrderNo } } }`;
const ORDER = `query ($no: String) { order(platformOrderNo: $no) { notifyStatusCode notifyStatus notifyAttempts notifyLogs { attempt delivered eventId } } }`;
const RESEND = `mutation ($nos: [String!]!) { resendNotifications(input: { platformOrderNos: $nos }) { queued skipped } }`;

interface OrderView {
  notifyStatusCode: number;
  notifyStatus: string;
  notifyAttempts: number;
  notifyLogs: { attempt: number; delivered: boolean; eventId: string }[];
}

describe('merchant notifications: back-off, parking, resend', () => {
  let app: OrdersTestApp;
  beforeAll(async () => {
    // Two retries after the first attempt, then the notification is parked.
    app = await startOrdersTestApp({
      notify: { scheduleSeconds: [0.2, 0.2], timeoutMs: 1000, logRetentionMonths: null },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('parks a notification as failed when the schedule runs out, and an operator resend delivers it with the same event id', async () => {
    const answers = ['no', 'no', 'no'];
    const receiver = await startMerchantReceiver(answers);
    try {
      const created = dataOf(
        await app.gql<{
          createOrder: { paymentUrl: string; order: { id: string; platformOrderNo: string } };
        }>(CREATE, { input: { amount: '12.00', notifyUrl: receiver.url } }, ACTORS.merchant),
      ).createOrder;
      expect(
        ((await (await fetch(created.paymentUrl, { method: 'POST' })).json()) as { paid: boolean }).paid,
      ).toBe(true);
      const no = created.order.platformOrderNo;
      const view = async () => dataOf(await app.gql<{ order: OrderView }>(ORDER, { no })).order;

      const parked = await eventually(async () => {
        const o = await view();
        return o.notifyAttempts === 3 ? o : undefined;
      }, 'three failed attempts');
      expect(parked).toMatchObject({ notifyStatusCode: 1, notifyStatus: 'FAILED' });
      // Nothing further is queued for this order: it is parked.
      const pending = await app.orm.em
        .fork()
        .getConnection()
        .execute(
          `select count(*)::int as n from orders_jobs.job where name = 'merchant-notify' and state in ('created', 'retry', 'active') and (data->>'orderId')::bigint = ?`,
          [Number(created.order.id)],
        );
      expect(pending).toEqual([{ n: 0 }]);

      const resent = dataOf(
        await app.gql<{ resendNotifications: { queued: number; skipped: string[] } }>(
          RESEND,
          { nos: [no, 'H00000000000000000000'] },
          ACTORS.operator,
        ),
      );
      expect(resent.resendNotifications).toEqual({ queued: 1, skipped: ['H00000000000000000000'] });
      const delivered = await eventually(async () => {
        const o = await view();
        return o.notifyStatusCode === 2 ? o : undefined;
      }, 'the resent notification');
      expect(delivered.notifyLogs.map((l) => [l.attempt, l.delivered])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [1, true],
      ]);
      expect(new Set(delivered.notifyLogs.map((l) => l.eventId)).size).toBe(1);
      expect(receiver.received).toHaveLength(4);
    } finally {
      await receiver.close();
    }
  });

  it('counts a timeout or an error status as a failed attempt', async () => {
    const created = dataOf(
      await app.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(
        CREATE,
        // Nothing listens on port 9 of loopback: a transport error every time.
        { input: { amount: '13.00', notifyUrl: 'http://127.0.0.1:9/notify' } },
        ACTORS.merchant,
      ),
    ).createOrder;
    await fetch(created.paymentUrl, { method: 'POST' });
    const o = await eventually(async () => {
      const v = dataOf(
        await app.gql<{ order: OrderView }>(ORDER, { no: created.order.platformOrderNo }),
      ).order;
      return v.notifyAttempts === 3 ? v : undefined;
    }, 'three transport failures');
    expect(o.notifyStatusCode).toBe(1);
    expect(o.notifyLogs.every((l) => !l.delivered)).toBe(true);
  });

  it("keeps the attempts in monthly partitions, this month's and the next ones' ready", async () => {
    const state = await monthlyPartitionsOf(app.orm.em.getConnection(), 'notify_log');
    expect(state).toMatchObject({ partitioned: true, monthsAheadReady: true });
    // The attempts written above are in this month's partition.
    expect(state.rowsThisMonth).toBeGreaterThan(0);
  });
});

import { dataOf, eventually, fxNotifySign, startMerchantReceiver } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from './support/platform';

const CREATE = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { paymentUrl order { platformOrderNo statusCode merchantIncome merchant { id name } channel { code name } } }
}`;
const ORDER = `query ($no: String) {
  order(platformOrderNo: $no) { statusCode notifyStatusCode notifyAttempts paidAt notifyLogs { attempt delivered responseBody eventId } }
}`;

describe('end to end through the gateway', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('create → sandbox pay → signed callback → paid → merchant notified; fails twice then succeeds in exactly three attempts', async () => {
    const receiver = await startMerchantReceiver(['fail', 'not yet']);
    try {
      const created = dataOf(
        await platform.gql<{
          createOrder: {
            paymentUrl: string;
            order: { platformOrderNo: string; merchant: { id: number }; channel: { code: string } };
          };
        }>(
          CREATE,
          {
            input: {
              amount: '100.00',
              notifyUrl: receiver.url,
              merchantOrderNo: 'E2E-1',
              notifyStyle: 'JSON',
            },
          },
          ACTORS.merchant,
        ),
      ).createOrder;
      expect(created.order.merchant.id).toBe(2024164);
      expect(created.order.channel.code).toBe('zfbwthf');

      const paid = await fetch(created.paymentUrl, { method: 'POST' });
      expect(await paid.json()).toMatchObject({ paid: true });

      const order = await eventually(async () => {
        const o = dataOf(
          await platform.gql<{ order: { notifyAttempts: number } }>(
            ORDER,
            { no: created.order.platformOrderNo },
            ACTORS.merchant,
          ),
        ).order;
        return o.notifyAttempts >= 3 ? o : undefined;
      }, 'the third notification attempt');
      expect(order).toMatchObject({ statusCode: 1, notifyStatusCode: 2, notifyAttempts: 3 });
      expect(receiver.received).toHaveLength(3);
      const body = JSON.parse(receiver.received[2]!.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        fxid: '2024164',
        fxddh: 'E2E-1',
        fxorder: created.order.platformOrderNo,
        fxfee: '100.00',
        fxstatus: 1,
        fxattch: null,
      });
      expect(body.fxsign).toBe(
        fxNotifySign({ fxstatus: 1, fxid: '2024164', fxddh: 'E2E-1', fxfee: '100.00' }, 'key-2024164-demo'),
      );
      expect(new Set(receiver.received.map((r) => r.headers['x-event-id'])).size).toBe(1);
      const logs = (order as unknown as { notifyLogs: { attempt: number; delivered: boolean }[] }).notifyLogs;
      expect(logs.map((l) => [l.attempt, l.delivered])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
    } finally {
      await receiver.close();
    }
  });
});

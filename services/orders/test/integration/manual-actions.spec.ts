import { monthlyPartitionsOf, type Actor } from '@pay/common';
import {
  buildChannel,
  buildMerchant,
  buildMerchantChannel,
  buildUpstreamConfig,
} from '../../src/db/seeders/builders';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  CANCEL_ORDER,
  cancelOrder,
  COMPLETE_ORDER,
  completeOrder,
  createOrder,
  eventTopics,
  expectError,
  forceStatus,
  orderRow,
  tableCounts,
  type OrderView,
} from '../support/order-helpers';

/** Every paid order of this merchant is withheld (扣量). */
const WITHHOLD_MERCHANT = 2025002;

const AUDITS = `query ($no: String) { order(platformOrderNo: $no) { audits { action actor actorRole fromStatus toStatus note createdAt } } }`;

interface AuditView {
  action: string;
  actor: string;
  actorRole: string;
  fromStatus: string;
  toStatus: string;
  note: string | null;
}

describe('manual complete (补单) and cancel (撤单)', () => {
  let app: OrdersTestApp;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    const em = app.orm.em.fork();
    const merchant = await buildMerchant(em, { id: WITHHOLD_MERCHANT, name: 'withheld shop' });
    const channel = await buildChannel(em, { code: 'withhold' });
    await buildUpstreamConfig(em, { pzid: 921, channel });
    await buildMerchantChannel(em, { merchant, channel, rate: '10', withholdEvery: 1 });
  });

  afterAll(async () => {
    await app.close();
  });

  async function audits(platformOrderNo: string): Promise<AuditView[]> {
    const result = await app.gql<{ order: { audits: AuditView[] } }>(
      AUDITS,
      { no: platformOrderNo },
      ACTORS.operator,
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.order.audits;
  }

  const newOrder = (amount = '100.00', actor: Actor = ACTORS.merchant) => createOrder(app, { amount }, actor);

  /** An order paid through the sandbox upstream and withheld by the merchant's rule. */
  async function withheldOrder(): Promise<OrderView> {
    const order = await createOrder(app, { amount: '30.00', merchantId: WITHHOLD_MERCHANT });
    const pay = await fetch(order.paymentUrl, { method: 'POST' });
    expect(pay.status).toBe(200);
    const row = await orderRow(app, order.platformOrderNo);
    expect(row.status).toBe('WITHHELD');
    expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.withheld']);
    return order;
  }

  describe('completeOrder', () => {
    it('marks a pending order paid, writes order.paid once and audits who did it', async () => {
      const order = await newOrder();
      const result = await completeOrder(app, {
        platformOrderNo: order.platformOrderNo,
        note: 'customer sent a receipt',
      });
      expect(result.unchanged).toBe(false);
      expect(result.message).toBe('补单成功');
      expect(result.order).toMatchObject({
        statusCode: 1,
        statusName: 'paid',
        statusText: '支付成功',
        status: 'PAID',
      });
      expect(result.order.paidAt).not.toBeNull();
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.paid']);
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({
          action: 'MANUAL_COMPLETE',
          actor: 'ops-alice',
          actorRole: 'OPERATOR',
          fromStatus: 'PENDING',
          toStatus: 'PAID',
          note: 'customer sent a receipt',
        }),
      ]);
    });

    it('lets a merchant complete its own order by merchant order number, audited as the merchant', async () => {
      const order = await createOrder(app, { amount: '12.00', merchantOrderNo: 'MC-0001' }, ACTORS.merchant);
      const result = await completeOrder(app, { merchantOrderNo: 'MC-0001', amount: '12' }, ACTORS.merchant);
      expect(result.order).toMatchObject({ platformOrderNo: order.platformOrderNo, statusCode: 1 });
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({
          actor: 'merchant:2024164',
          actorRole: 'MERCHANT',
          fromStatus: 'PENDING',
          toStatus: 'PAID',
          note: null,
        }),
      ]);
    });

    it('returns an order already paid unchanged with 订单已是成功状态。 and writes nothing', async () => {
      const order = await newOrder();
      const first = await completeOrder(app, { platformOrderNo: order.platformOrderNo });
      const before = await tableCounts(app);
      const again = await completeOrder(app, { platformOrderNo: order.platformOrderNo, amount: '100.00' });
      expect(again.unchanged).toBe(true);
      expect(again.message).toBe('订单已是成功状态。');
      expect(again.order.statusCode).toBe(1);
      expect(again.order.paidAt).toBe(first.order.paidAt);
      expect(await tableCounts(app)).toEqual(before);
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.paid']);
      expect(await audits(order.platformOrderNo)).toHaveLength(1);
    });

    it('releases a withheld order: paid, order.released (not order.paid), paid time kept', async () => {
      const order = await withheldOrder();
      const before = await orderRow(app, order.platformOrderNo);
      const result = await completeOrder(app, { platformOrderNo: order.platformOrderNo }, ACTORS.system);
      expect(result).toMatchObject({
        unchanged: false,
        message: '补单成功',
        order: { statusCode: 1, status: 'PAID' },
      });
      expect(new Date(result.order.paidAt!).getTime()).toBe(new Date(before.paid_at!).getTime());
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.withheld', 'order.released']);
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({
          action: 'MANUAL_COMPLETE',
          actor: 'system',
          actorRole: 'SYSTEM',
          fromStatus: 'WITHHELD',
          toStatus: 'PAID',
        }),
      ]);
    });

    it('refuses an amount that differs from the order with AMOUNT_MISMATCH and changes nothing', async () => {
      const order = await newOrder('100.00');
      const beforeRow = await orderRow(app, order.platformOrderNo);
      const beforeCounts = await tableCounts(app);
      for (const amount of ['99.99', '100.01', '1.00']) {
        expectError(
          await app.gql(COMPLETE_ORDER, { input: { platformOrderNo: order.platformOrderNo, amount } }),
          'AMOUNT_MISMATCH',
        );
        expectError(
          await app.gql(CANCEL_ORDER, { input: { platformOrderNo: order.platformOrderNo, amount } }),
          'AMOUNT_MISMATCH',
        );
      }
      expect(await orderRow(app, order.platformOrderNo)).toEqual(beforeRow);
      expect(await tableCounts(app)).toEqual(beforeCounts);
      // The same amount written differently matches.
      expect(
        (await completeOrder(app, { platformOrderNo: order.platformOrderNo, amount: '100' })).order
          .statusCode,
      ).toBe(1);
    });

    it.each(['EXPIRED', 'REFUNDED', 'CANCELLED_BY_USER', 'REFUND_UNDER_REVIEW'])(
      'refuses to complete an order in status %s with ILLEGAL_TRANSITION and changes nothing',
      async (status) => {
        const order = await newOrder();
        await forceStatus(
          app,
          order.platformOrderNo,
          status,
          status.startsWith('REFUND') ? new Date() : null,
        );
        const beforeRow = await orderRow(app, order.platformOrderNo);
        const beforeCounts = await tableCounts(app);
        expectError(
          await app.gql(COMPLETE_ORDER, { input: { platformOrderNo: order.platformOrderNo } }),
          'ILLEGAL_TRANSITION',
        );
        expect(await orderRow(app, order.platformOrderNo)).toEqual(beforeRow);
        expect(await tableCounts(app)).toEqual(beforeCounts);
      },
    );
  });

  describe('cancelOrder', () => {
    it('cancels a paid order back to pending: order.reversed once, paid time cleared, audited', async () => {
      const order = await newOrder();
      await completeOrder(app, { platformOrderNo: order.platformOrderNo });
      const result = await cancelOrder(app, {
        platformOrderNo: order.platformOrderNo,
        amount: '100.00',
        note: 'refunded by phone',
      });
      expect(result).toMatchObject({
        unchanged: false,
        message: '撤单成功',
        order: { statusCode: 0, status: 'PENDING', paidAt: null },
      });
      expect((await orderRow(app, order.platformOrderNo)).paid_at).toBeNull();
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.paid', 'order.reversed']);
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({ action: 'MANUAL_COMPLETE', fromStatus: 'PENDING', toStatus: 'PAID' }),
        expect.objectContaining({
          action: 'MANUAL_CANCEL',
          actor: 'ops-alice',
          actorRole: 'OPERATOR',
          fromStatus: 'PAID',
          toStatus: 'PENDING',
          note: 'refunded by phone',
        }),
      ]);
      // Cancelling again reverses nothing more.
      await cancelOrder(app, { platformOrderNo: order.platformOrderNo });
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.paid', 'order.reversed']);
      // And it can be completed again, crediting once more.
      await completeOrder(app, { platformOrderNo: order.platformOrderNo });
      expect(await eventTopics(app, order.platformOrderNo)).toEqual([
        'order.paid',
        'order.reversed',
        'order.paid',
      ]);
    });

    it('cancels a pending order: still pending, 撤单成功, audited, no event', async () => {
      const order = await newOrder();
      const result = await cancelOrder(app, { merchantOrderNo: order.merchantOrderNo }, ACTORS.merchant);
      expect(result).toMatchObject({
        unchanged: false,
        message: '撤单成功',
        order: { statusCode: 0, paidAt: null },
      });
      expect(await eventTopics(app, order.platformOrderNo)).toEqual([]);
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({
          action: 'MANUAL_CANCEL',
          actor: 'merchant:2024164',
          actorRole: 'MERCHANT',
          fromStatus: 'PENDING',
          toStatus: 'PENDING',
        }),
      ]);
    });

    it('cancels a withheld order to pending without a reversal (nothing was credited)', async () => {
      const order = await withheldOrder();
      const result = await cancelOrder(app, { platformOrderNo: order.platformOrderNo });
      expect(result.order).toMatchObject({ statusCode: 0, paidAt: null });
      expect(await eventTopics(app, order.platformOrderNo)).toEqual(['order.withheld']);
      expect(await audits(order.platformOrderNo)).toEqual([
        expect.objectContaining({ action: 'MANUAL_CANCEL', fromStatus: 'WITHHELD', toStatus: 'PENDING' }),
      ]);
    });

    it.each(['EXPIRED', 'REFUNDED'])(
      'refuses to cancel an order in status %s with ILLEGAL_TRANSITION',
      async (status) => {
        const order = await newOrder();
        await forceStatus(app, order.platformOrderNo, status);
        const beforeCounts = await tableCounts(app);
        expectError(
          await app.gql(CANCEL_ORDER, { input: { platformOrderNo: order.platformOrderNo } }),
          'ILLEGAL_TRANSITION',
        );
        expect((await orderRow(app, order.platformOrderNo)).status).toBe(status);
        expect(await tableCounts(app)).toEqual(beforeCounts);
      },
    );
  });

  it("keeps the audit trail in monthly partitions, this month's and the next ones' ready", async () => {
    const state = await monthlyPartitionsOf(app.orm.em.getConnection(), 'order_audit');
    expect(state).toMatchObject({ partitioned: true, monthsAheadReady: true });
    // The manual actions above are audited in this month's partition.
    expect(state.rowsThisMonth).toBeGreaterThan(0);
  });
});

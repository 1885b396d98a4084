import { dataOf, formatChinaDate, type Actor } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { createOrder, expectError, forceStatus, sql } from '../support/order-helpers';

const OVERVIEW = `query ($days: Int) {
  platformOverview(days: $days) {
    startDate endDate
    days { date orderCount paidCount paidAmount }
    total { orderCount paidCount paidAmount }
    channels { channelCode channelName orderCount paidCount paidAmount }
    failedNotifications
  }
}`;

interface Totals {
  orderCount: number;
  paidCount: number;
  paidAmount: string;
}
interface Overview {
  startDate: string;
  endDate: string;
  days: (Totals & { date: string })[];
  total: Totals;
  channels: (Totals & { channelCode: string; channelName: string })[];
  failedNotifications: number;
}

const DAY = 86_400_000;
/** The China day `n` days before today, 'YYYY-MM-DD'. */
const chinaDay = (n: number) => formatChinaDate(new Date(Date.now() - n * DAY));
/** Noon of that China day. */
const noonOf = (n: number) => new Date(`${chinaDay(n)}T12:00:00+08:00`);
const ZERO = { orderCount: 0, paidCount: 0, paidAmount: '0.00' };

/**
 * The operators' overview over every merchant. Statuses are set in the database, not through
 * completeOrder, so that no merchant notification runs and changes the notify counts under us.
 */
describe('platformOverview', () => {
  let app: OrdersTestApp;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    // [actor, amount, China days ago, status, notification failed]
    const orders = [
      [ACTORS.merchant, '100.00', 0, 'PAID', true], // zfbwthf
      [ACTORS.merchant, '40.00', 0, 'PENDING', false],
      [ACTORS.otherMerchant, '50.00', 0, 'EXPIRED', false], // wxhftest
      [ACTORS.merchant, '20.00', 2, 'WITHHELD', false], // the payer paid: counts as paid
      [ACTORS.otherMerchant, '12.00', 6, 'REFUND_UNDER_REVIEW', false], // still the merchant's money
      [ACTORS.merchant, '30.00', 7, 'PAID', true], // before the 7-day window
    ] as const;
    for (const [actor, amount, daysAgo, status, failed] of orders) {
      const order = await createOrder(app, { amount }, actor);
      const createdAt = noonOf(daysAgo);
      if (status !== 'PENDING') await forceStatus(app, order.platformOrderNo, status, createdAt);
      await sql(app, 'update "order" set created_at = ?, notify_status = ? where platform_order_no = ?', [
        createdAt,
        failed ? 'FAILED' : 'PENDING',
        order.platformOrderNo,
      ]);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const overview = async (days?: number, actor: Actor = ACTORS.operator): Promise<Overview> =>
    dataOf(await app.gql<{ platformOverview: Overview }>(OVERVIEW, days === undefined ? {} : { days }, actor))
      .platformOverview;

  it('groups the last 7 China days by day of creation, empty days included, oldest first', async () => {
    const o = await overview();
    expect(o.startDate).toBe(chinaDay(6));
    expect(o.endDate).toBe(chinaDay(0));
    expect(o.days.map((d) => d.date)).toEqual([6, 5, 4, 3, 2, 1, 0].map(chinaDay));
    expect(o.days[6]).toEqual({ date: chinaDay(0), orderCount: 3, paidCount: 1, paidAmount: '100.00' });
    expect(o.days[4]).toEqual({ date: chinaDay(2), orderCount: 1, paidCount: 1, paidAmount: '20.00' });
    expect(o.days[0]).toEqual({ date: chinaDay(6), orderCount: 1, paidCount: 1, paidAmount: '12.00' });
    for (const i of [1, 2, 3, 5]) expect(o.days[i]).toEqual({ date: o.days[i]!.date, ...ZERO });
    expect(o.total).toEqual({ orderCount: 5, paidCount: 3, paidAmount: '132.00' });
  });

  it('splits the window per channel, largest paid amount first', async () => {
    const o = await overview();
    expect(o.channels).toEqual([
      {
        channelCode: 'zfbwthf',
        channelName: expect.any(String),
        orderCount: 3,
        paidCount: 2,
        paidAmount: '120.00',
      },
      {
        channelCode: 'wxhftest',
        channelName: expect.any(String),
        orderCount: 2,
        paidCount: 1,
        paidAmount: '12.00',
      },
    ]);
  });

  it('gives the paid amounts as Money, the total and each day', async () => {
    const o = dataOf(
      await app.gql<{
        platformOverview: { total: { paidAmount: string }; days: { paidAmount: string }[] };
      }>('query { platformOverview { total { paidAmount } days { paidAmount } } }'),
    ).platformOverview;
    expect(o.total.paidAmount).toBe('132.00');
    expect(o.days.map((d) => d.paidAmount)).toEqual([
      '12.00',
      '0.00',
      '0.00',
      '0.00',
      '20.00',
      '0.00',
      '100.00',
    ]);
  });

  it('counts failed merchant notifications of any day', async () => {
    expect((await overview()).failedNotifications).toBe(2);
  });

  it('takes the number of days: 1 is today only', async () => {
    const o = await overview(1);
    expect(o.startDate).toBe(chinaDay(0));
    expect(o.days).toEqual([{ date: chinaDay(0), orderCount: 3, paidCount: 1, paidAmount: '100.00' }]);
    expect(o.total).toEqual({ orderCount: 3, paidCount: 1, paidAmount: '100.00' });
    expect(o.channels.map((c) => [c.channelCode, c.orderCount])).toEqual([
      ['zfbwthf', 2],
      ['wxhftest', 1],
    ]);
    expect((await overview(8)).total).toEqual({ orderCount: 6, paidCount: 4, paidAmount: '162.00' });
  });

  it('refuses a number of days outside 1..90', async () => {
    expectError(await app.gql(OVERVIEW, { days: 0 }), 'BAD_USER_INPUT');
    expectError(await app.gql(OVERVIEW, { days: 91 }), 'BAD_USER_INPUT');
  });

  it('is for platform roles: an analyst reads it, a merchant is FORBIDDEN', async () => {
    expect((await overview(7, ACTORS.analyst)).total.orderCount).toBe(5);
    expectError(await app.gql(OVERVIEW, {}, ACTORS.merchant), 'FORBIDDEN');
    expectError(await app.gql(OVERVIEW, {}, ACTORS.otherMerchant), 'FORBIDDEN');
  });
});

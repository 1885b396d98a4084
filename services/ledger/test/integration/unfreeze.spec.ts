import { addDays, dataOf, eventually, formatChinaDate, startOfChinaDay } from '@pay/common';
import {
  UNFREEZE_CRON,
  UNFREEZE_QUEUE,
  unfreezeAllMerchants,
  unfreezeKey,
  unfreezeMerchant,
} from '../../src/modules/balance/unfreeze.service';
import { startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import { backdate, creditKey, deliver, paidOrder, reversalOf } from '../support/money-fixtures';

const BALANCE = `query ($merchantId: Int) { merchantBalance(merchantId: $merchantId) { available frozen } }`;
const LOGS = `query ($merchantId: Int) { moneyLogs(merchantId: $merchantId, type: 5) {
  nodes { amount balanceAfter typeName description uniqueNo accountPurpose }
} }`;

// Each test uses its own merchants, so the tests do not depend on one another.
let nextMerchant = 3100000;
const newMerchant = () => (nextMerchant += 1);

describe('unfreezing merchant income (T+1)', () => {
  let app: LedgerTestApp;
  const now = new Date();
  const today = startOfChinaDay(now);
  const yesterday = new Date(today.getTime() - 3600_000);

  const balances = async (merchantId: number) =>
    dataOf(await app.gql<{ merchantBalance: { available: string; frozen: string } }>(BALANCE, { merchantId }))
      .merchantBalance;
  /** A paid order credited at `at` (default: now). */
  const income = async (merchantId: number, orderNo: string, amount: number, at?: Date) => {
    const event = paidOrder(merchantId, orderNo, amount);
    await deliver(app, event);
    if (at) await backdate(app, creditKey(event), at);
    return event;
  };

  beforeAll(async () => {
    app = await startLedgerTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('moves income from before today to available, keeps today’s frozen', async () => {
    const m = newMerchant();
    await income(m, 'U-1', 10000, yesterday); // 88.50
    await income(m, 'U-2', 20000, addDays(yesterday, -3)); // 177.00
    await income(m, 'U-3', 10000); // today: 88.50
    expect(await balances(m)).toEqual({ available: '0.00', frozen: '354.00' });

    const result = await unfreezeMerchant(app.orm.em.fork(), m, now);
    expect(result).toMatchObject({ merchantId: m, amount: 26550, created: true });
    expect(await balances(m)).toEqual({ available: '265.50', frozen: '88.50' });
    const logs = dataOf(
      await app.gql<{ moneyLogs: { nodes: Record<string, unknown>[] } }>(LOGS, { merchantId: m }),
    ).moneyLogs.nodes;
    const key = `unfreeze:${m}:${formatChinaDate(now)}`;
    expect(key).toBe(unfreezeKey(m, now));
    expect(logs).toEqual([
      {
        amount: '265.50',
        balanceAfter: '265.50',
        typeName: 'unfreeze',
        description: '冻结资金解冻',
        uniqueNo: key,
        accountPurpose: 'MERCHANT_AVAILABLE',
      },
      {
        amount: '-265.50',
        balanceAfter: '88.50',
        typeName: 'unfreeze',
        description: '冻结资金解冻',
        uniqueNo: key,
        accountPurpose: 'MERCHANT_FROZEN',
      },
    ]);
  });

  it('counts T+1 from the payment, so a payment of yesterday that the ledger hears of today is released today', async () => {
    const m = newMerchant();
    const late = paidOrder(m, 'LATE-1', 10000);
    await deliver(app, { ...late, payload: { ...late.payload, paidAt: yesterday.toISOString() } });
    await income(m, 'TODAY-1', 20000);
    expect(await balances(m)).toEqual({ available: '0.00', frozen: '265.50' });
    expect(await unfreezeMerchant(app.orm.em.fork(), m, now)).toMatchObject({ amount: 8850, created: true });
    expect(await balances(m)).toEqual({ available: '88.50', frozen: '177.00' });
  });

  it('unfreezes once a day, and today’s income the next day', async () => {
    const m = newMerchant();
    await income(m, 'D-1', 10000, yesterday);
    await income(m, 'D-2', 10000);
    expect((await unfreezeMerchant(app.orm.em.fork(), m, now)).amount).toBe(8850);
    // More old income found later the same day waits for tomorrow: one posting per day.
    await income(m, 'D-3', 20000, yesterday);
    const again = await unfreezeMerchant(app.orm.em.fork(), m, now);
    expect(again).toMatchObject({ amount: 0, created: false });
    expect(await balances(m)).toEqual({ available: '88.50', frozen: '265.50' });

    const tomorrow = addDays(now, 1);
    const next = await unfreezeMerchant(app.orm.em.fork(), m, tomorrow);
    expect(next).toMatchObject({ amount: 26550, created: true });
    expect(await balances(m)).toEqual({ available: '354.00', frozen: '0.00' });
    expect((await unfreezeMerchant(app.orm.em.fork(), m, tomorrow)).created).toBe(false);
  });

  it('does not count a reversal of older income as today’s', async () => {
    // 100.00 paid yesterday and reversed today (taken from frozen), 50.00 paid today:
    // all that is frozen is today's, so nothing moves.
    const m = newMerchant();
    const old = await income(m, 'R-1', 10000, yesterday);
    await income(m, 'R-2', 5000);
    await deliver(app, reversalOf(old));
    expect(await balances(m)).toEqual({ available: '0.00', frozen: '44.25' });
    expect(await unfreezeMerchant(app.orm.em.fork(), m, now)).toMatchObject({ amount: 0, created: false });
    expect(await balances(m)).toEqual({ available: '0.00', frozen: '44.25' });
  });

  it('keeps today’s income frozen when it was reversed today too', async () => {
    const m = newMerchant();
    await income(m, 'S-1', 10000, yesterday);
    const todays = await income(m, 'S-2', 5000);
    await deliver(app, reversalOf(todays));
    expect(await unfreezeMerchant(app.orm.em.fork(), m, now)).toMatchObject({ amount: 8850 });
    expect(await balances(m)).toEqual({ available: '88.50', frozen: '0.00' });
  });

  it('does nothing for a merchant with only today’s income or none', async () => {
    const m = newMerchant();
    await income(m, 'T-1', 10000);
    expect(await unfreezeMerchant(app.orm.em.fork(), m, now)).toMatchObject({ amount: 0, postingId: null });
    expect(await unfreezeMerchant(app.orm.em.fork(), newMerchant(), now)).toMatchObject({ amount: 0 });
    expect(await balances(m)).toEqual({ available: '0.00', frozen: '88.50' });
  });

  it('runs for every merchant with frozen money in the daily job', async () => {
    const a = newMerchant();
    const b = newMerchant();
    await income(a, 'J-1', 10000, yesterday);
    await income(b, 'J-2', 20000, yesterday);
    await income(b, 'J-3', 10000);
    const later = addDays(now, 2);
    const first = await unfreezeAllMerchants(app.orm, later);
    expect(first.failed).toBe(0);
    expect(first.merchants).toBeGreaterThanOrEqual(2);
    expect(await balances(a)).toEqual({ available: '88.50', frozen: '0.00' });
    expect(await balances(b)).toEqual({ available: '265.50', frozen: '0.00' });
    expect(await unfreezeAllMerchants(app.orm, later)).toEqual({ merchants: 0, amount: 0, failed: 0 });
  });

  it('is scheduled at 00:05 China time on the ledger’s job queue, and works the queue', async () => {
    const schedules = await app.server.jobs.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: UNFREEZE_QUEUE,
        cron: UNFREEZE_CRON,
        options: expect.objectContaining({ tz: 'Asia/Shanghai' }),
      }),
    );
    expect(UNFREEZE_CRON).toBe('5 0 * * *');
    const m = newMerchant();
    await income(m, 'Q-1', 10000, yesterday);
    await app.server.jobs.send(UNFREEZE_QUEUE, {});
    await eventually(
      async () => ((await balances(m)).available === '88.50' ? true : undefined),
      'the queued unfreeze',
    );
    expect(await balances(m)).toEqual({ available: '88.50', frozen: '0.00' });
  });
});

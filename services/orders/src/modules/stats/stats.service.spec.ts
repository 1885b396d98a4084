import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, parsePercent, parseYuan, splitFees } from '@pay/common';
import { openTestOrdersDatabase } from '../../../test/support/orders-database';
import { buildStandardWorld } from '../../db/seeders/builders';
import { Merchant } from '../merchant/merchant.entity';
import { Channel } from '../channel/channel.entity';
import { UpstreamConfig } from '../upstream/upstream-config.entity';
import { Order } from '../order/order.entity';
import { NotifyStatus, OrderStatus } from '../order/order-status';
import {
  channelStatus,
  dailyChannelSummary,
  dailySummary,
  dailyUpstreamSummary,
  feeStatement,
  merchantRates,
  merchantStats,
  resolveDateRange,
  riskStats,
} from './stats.service';

// "Now" is 2025-11-17 04:23:37 China time: today is 11-17 from 2025-11-16T16:00:00Z.
const NOW = new Date('2025-11-16T20:23:37Z');
const M = 2024164; // zfbwthf at 11.5 % (agent 4 %), cwtlt at 9 %
const OTHER = 2023100; // wxhftest at 10 %
const DISABLED = 2020001; // zfbwthf at 10 %

let db: Awaited<ReturnType<typeof openTestOrdersDatabase>>;
let em: EntityManager;
let seq = 0;

interface OrderFields {
  merchant: number;
  channel: string;
  pzid: number;
  amount: string;
  status: OrderStatus;
  createdAt: string;
  paidAt?: string | null;
  notifyStatus?: NotifyStatus;
  rate: string;
  agentRate?: string;
  costRate?: string;
}

/** An order with the fee split computed the way order creation does it. */
function addOrder(f: OrderFields): Order {
  seq += 1;
  const amount = parseYuan(f.amount);
  const rates = {
    merchantRate: parsePercent(f.rate),
    agentRate: parsePercent(f.agentRate ?? '0'),
    upstreamCostRate: parsePercent(f.costRate ?? '0.5'),
  };
  const split = splitFees(amount, rates);
  return em.create(Order, {
    merchant: em.getReference(Merchant, f.merchant),
    merchantOrderNo: `T${seq}`,
    platformOrderNo: `H2511160000${String(seq).padStart(6, '0')}`,
    upstreamOrderNo: null,
    channel: em.getReference(Channel, f.channel),
    upstreamConfig: em.getReference(UpstreamConfig, f.pzid),
    amount,
    status: f.status,
    notifyStatus: f.notifyStatus ?? NotifyStatus.PENDING,
    notifyAttempts: 0,
    merchantIncome: split.merchantIncome,
    agentIncome: split.agentIncome,
    channelFee: split.channelFee,
    upstreamCost: split.upstreamCost,
    platformProfit: split.platformProfit,
    merchantRatePpm: rates.merchantRate,
    agentRatePpm: rates.agentRate,
    upstreamCostRatePpm: rates.upstreamCostRate,
    agentId: null,
    productTitle: '话费充值',
    attach: '',
    notifyUrl: 'https://example.com/notify',
    returnUrl: 'https://example.com/return',
    requestIp: '127.0.0.1',
    requestParameters: {
      description: null,
      attach: null,
      notifyUrl: null,
      returnUrl: null,
      clientIp: null,
      bankCode: null,
      paymentMethod: null,
      subUserId: null,
      notifyStyle: null,
      signString: null,
      jumpFlag: null,
    },
    createdAt: new Date(f.createdAt),
    paidAt: f.paidAt ? new Date(f.paidAt) : null,
    updatedAt: new Date(f.createdAt),
  });
}

const zfb = { channel: 'zfbwthf', pzid: 332, rate: '11.5', agentRate: '4', costRate: '0.5' } as const;

// Merchant 2024164's orders (China times in the comments).
const TODAY_PAID = {
  ...zfb,
  merchant: M,
  amount: '100.00',
  status: OrderStatus.PAID,
  createdAt: '2025-11-16T16:20:00Z',
  paidAt: '2025-11-16T16:30:00Z',
}; // 11-17 00:30
const LATE_YESTERDAY = {
  ...zfb,
  merchant: M,
  amount: '200.00',
  status: OrderStatus.PAID,
  createdAt: '2025-11-16T15:55:00Z',
  paidAt: '2025-11-16T15:59:59Z',
}; // 11-16 23:59:59
const CWTLT_YESTERDAY = {
  merchant: M,
  channel: 'cwtlt',
  pzid: 340,
  rate: '9',
  amount: '50.00',
  status: OrderStatus.PAID,
  createdAt: '2025-11-16T00:59:00Z',
  paidAt: '2025-11-16T01:00:00Z', // 11-16 09:00
};
const STALE_PENDING = {
  ...zfb,
  merchant: M,
  amount: '300.00',
  status: OrderStatus.PENDING,
  createdAt: '2025-11-16T19:00:00Z',
}; // 83 min old
const FRESH_PENDING = {
  ...zfb,
  merchant: M,
  amount: '80.00',
  status: OrderStatus.PENDING,
  createdAt: '2025-11-16T20:10:00Z',
}; // 13 min old
const WITHHELD_TODAY = {
  ...zfb,
  merchant: M,
  amount: '1000.00',
  status: OrderStatus.WITHHELD,
  createdAt: '2025-11-16T17:00:00Z',
  paidAt: '2025-11-16T17:05:00Z',
}; // 11-17 01:05
const REFUND_REVIEW = {
  ...zfb,
  merchant: M,
  amount: '100.00',
  status: OrderStatus.REFUND_UNDER_REVIEW,
  createdAt: '2025-11-14T05:59:00Z',
  paidAt: '2025-11-14T06:00:00Z',
}; // 11-14, legacy code 1
const EXPIRED = {
  ...zfb,
  merchant: M,
  amount: '100.00',
  status: OrderStatus.EXPIRED,
  createdAt: '2025-11-15T06:00:00Z',
};
const OCT_20 = {
  ...zfb,
  merchant: M,
  amount: '100.00',
  status: OrderStatus.PAID,
  createdAt: '2025-10-20T03:59:00Z',
  paidAt: '2025-10-20T04:00:00Z',
  notifyStatus: NotifyStatus.FAILED,
};
const OCT_18_LATE = {
  ...zfb,
  merchant: M,
  amount: '100.00',
  status: OrderStatus.PAID,
  createdAt: '2025-10-18T14:59:00Z',
  paidAt: '2025-10-18T15:00:00Z',
}; // 10-18 23:00

// Other merchants' orders: must never show in merchant 2024164's numbers.
const OTHER_TODAY = {
  merchant: OTHER,
  channel: 'wxhftest',
  pzid: 337,
  rate: '10',
  costRate: '0.6',
  amount: '500.00',
  status: OrderStatus.PAID,
  createdAt: '2025-11-16T16:39:00Z',
  paidAt: '2025-11-16T16:40:00Z',
  notifyStatus: NotifyStatus.FAILED,
};
const OTHER_PENDING = {
  ...OTHER_TODAY,
  notifyStatus: NotifyStatus.PENDING,
  amount: '2000.00',
  status: OrderStatus.PENDING,
  createdAt: '2025-11-16T17:00:00Z',
  paidAt: null,
};
const OTHER_WITHHELD = {
  ...OTHER_TODAY,
  notifyStatus: NotifyStatus.PENDING,
  amount: '20.00',
  status: OrderStatus.WITHHELD,
  createdAt: '2025-11-15T01:00:00Z',
  paidAt: '2025-11-15T01:01:00Z',
};
const DISABLED_ON_332 = {
  ...zfb,
  merchant: DISABLED,
  rate: '10',
  agentRate: '0',
  amount: '100.00',
  status: OrderStatus.PAID,
  createdAt: '2025-11-16T20:15:00Z', // later than 2024164's last zfbwthf order
  paidAt: '2025-11-16T20:16:00Z',
  notifyStatus: NotifyStatus.FAILED,
};

beforeAll(async () => {
  db = await openTestOrdersDatabase();
  em = db.orm.em.fork();
  const world = await buildStandardWorld(em);
  world.zfbwthf.dailyQuota = parseYuan('50000.00');
  for (const o of [
    TODAY_PAID,
    LATE_YESTERDAY,
    CWTLT_YESTERDAY,
    STALE_PENDING,
    FRESH_PENDING,
    WITHHELD_TODAY,
    REFUND_REVIEW,
    EXPIRED,
    OCT_20,
    OCT_18_LATE,
    OTHER_TODAY,
    OTHER_PENDING,
    OTHER_WITHHELD,
    DISABLED_ON_332,
  ]) {
    addOrder(o);
  }
  await em.flush();
});

afterAll(async () => {
  await db?.close();
});

const totals = (orderCount: number, gross: string, merchant: string, agent: string) => ({
  orderCount,
  grossAmount: parseYuan(gross),
  merchantIncome: parseYuan(merchant),
  agentIncome: parseYuan(agent),
});

describe('resolveDateRange', () => {
  it('defaults to the last N China days including today', () => {
    expect(resolveDateRange({}, 7, NOW)).toEqual({
      from: new Date('2025-11-10T16:00:00Z'),
      to: new Date('2025-11-17T16:00:00Z'),
      startDate: '2025-11-11',
      endDate: '2025-11-17',
    });
    const month = resolveDateRange({ start: null, end: '' }, 30, NOW);
    expect([month.startDate, month.endDate]).toEqual(['2025-10-19', '2025-11-17']);
  });

  it('takes a date-only end through the end of that day and a date-time end to the second', () => {
    expect(resolveDateRange({ start: '2025-11-16', end: '2025-11-16' }, 7, NOW)).toEqual({
      from: new Date('2025-11-15T16:00:00Z'),
      to: new Date('2025-11-16T16:00:00Z'),
      startDate: '2025-11-16',
      endDate: '2025-11-16',
    });
    const r = resolveDateRange({ start: '2025-11-16 08:00:00', end: '2025-11-16 09:30:00' }, 7, NOW);
    expect(r.from).toEqual(new Date('2025-11-16T00:00:00Z'));
    expect(r.to).toEqual(new Date('2025-11-16T01:30:01Z'));
  });

  it('fills a missing bound from the other one', () => {
    expect(resolveDateRange({ start: '2025-11-01' }, 7, NOW)).toMatchObject({
      startDate: '2025-11-01',
      endDate: '2025-11-17',
    });
    expect(resolveDateRange({ end: '2025-11-05' }, 7, NOW)).toMatchObject({
      startDate: '2025-10-30',
      endDate: '2025-11-05',
    });
  });

  it('rejects a start after the end with 时间范围有误', () => {
    const attempt = () => resolveDateRange({ start: '2025-11-17', end: '2025-11-10' }, 7, NOW);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow('时间范围有误');
    expect(() =>
      resolveDateRange({ start: '2025-11-17 10:00:00', end: '2025-11-17 09:00:00' }, 7, NOW),
    ).toThrow('时间范围有误');
  });

  it('names the argument that does not parse', () => {
    expect.assertions(3);
    try {
      resolveDateRange({ start: '2025-11-01', end: '2025-13-01' }, 7, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_USER_INPUT');
      expect((error as AppError).details).toEqual({ argument: 'endTime' });
    }
  });

  it('refuses ranges longer than 366 days', () => {
    expect(resolveDateRange({ start: '2024-01-01', end: '2024-12-31' }, 7, NOW).endDate).toBe('2024-12-31');
    expect(() => resolveDateRange({ start: '2024-01-01', end: '2025-01-01' }, 7, NOW)).toThrow(/366 days/);
  });
});

describe('merchantStats', () => {
  it('counts paid orders by China day of payment, and pending ones', async () => {
    const stats = await merchantStats(em, M, NOW);
    // 00:30 China time on 11-17 is today; 23:59:59 on 11-16 is yesterday.
    expect(stats.today).toEqual(totals(1, '100.00', '88.50', '4.00'));
    expect(stats.yesterday).toEqual(totals(2, '250.00', '222.50', '8.00'));
    // Paid in the legacy sense (code 1) includes the refund under review; withheld and expired are not paid.
    expect(stats.total).toEqual(totals(6, '650.00', '576.50', '24.00'));
    expect(stats.pending).toEqual({ orderCount: 2, grossAmount: parseYuan('380.00') });
  });

  it("keeps other merchants' orders out", async () => {
    const stats = await merchantStats(em, OTHER, NOW);
    expect(stats.today).toEqual(totals(1, '500.00', '450.00', '0.00'));
    expect(stats.total.orderCount).toBe(1);
    expect(stats.pending).toEqual({ orderCount: 1, grossAmount: parseYuan('2000.00') });
  });

  it('is all zeros for a merchant without orders', async () => {
    const stats = await merchantStats(em, 999999, NOW);
    expect(stats.total).toEqual(totals(0, '0.00', '0.00', '0.00'));
    expect(stats.pending).toEqual({ orderCount: 0, grossAmount: 0 });
  });
});

describe('dailySummary', () => {
  it('lists days with paid orders in the default week, oldest first', async () => {
    const range = resolveDateRange({}, 7, NOW);
    const items = await dailySummary(em, { merchantId: M, from: range.from, to: range.to });
    expect(items).toEqual([
      { date: '2025-11-14', ...totals(1, '100.00', '88.50', '4.00') },
      { date: '2025-11-16', ...totals(2, '250.00', '222.50', '8.00') },
      { date: '2025-11-17', ...totals(1, '100.00', '88.50', '4.00') },
    ]);
  });

  it('puts an order paid at 2025-11-16T16:30Z on 2025-11-17 (China midnight boundary)', async () => {
    const day16 = resolveDateRange({ start: '2025-11-16', end: '2025-11-16' }, 7, NOW);
    expect(await dailySummary(em, { merchantId: M, ...day16 })).toEqual([
      { date: '2025-11-16', ...totals(2, '250.00', '222.50', '8.00') },
    ]);
    const day17 = resolveDateRange({ start: '2025-11-17', end: '2025-11-17' }, 7, NOW);
    expect(await dailySummary(em, { merchantId: M, ...day17 })).toEqual([
      { date: '2025-11-17', ...totals(1, '100.00', '88.50', '4.00') },
    ]);
  });

  it('filters by channel', async () => {
    const range = resolveDateRange({}, 7, NOW);
    const items = await dailySummary(em, {
      merchantId: M,
      from: range.from,
      to: range.to,
      channelCode: 'cwtlt',
    });
    expect(items).toEqual([{ date: '2025-11-16', ...totals(1, '50.00', '45.50', '0.00') }]);
  });

  it("shows only the merchant's own orders", async () => {
    const range = resolveDateRange({}, 7, NOW);
    const items = await dailySummary(em, { merchantId: OTHER, from: range.from, to: range.to });
    expect(items).toEqual([{ date: '2025-11-17', ...totals(1, '500.00', '450.00', '0.00') }]);
  });
});

describe('dailyChannelSummary', () => {
  it('splits days by channel, ordered by date then channel code', async () => {
    const range = resolveDateRange({}, 7, NOW);
    const items = await dailyChannelSummary(em, { merchantId: M, from: range.from, to: range.to });
    expect(items.map((i) => [i.date, i.channelCode, i.channelName, i.orderCount, i.grossAmount])).toEqual([
      ['2025-11-14', 'zfbwthf', '支付宝网厅话费', 1, 10000],
      ['2025-11-16', 'cwtlt', '纯联通', 1, 5000],
      ['2025-11-16', 'zfbwthf', '支付宝网厅话费', 1, 20000],
      ['2025-11-17', 'zfbwthf', '支付宝网厅话费', 1, 10000],
    ]);
    expect(items[2]).toMatchObject(totals(1, '200.00', '177.00', '8.00'));
  });

  it('filters by channel codes', async () => {
    const range = resolveDateRange({}, 7, NOW);
    const items = await dailyChannelSummary(em, {
      merchantId: M,
      from: range.from,
      to: range.to,
      channelCodes: ['cwtlt', 'wxhftest'],
    });
    expect(items).toEqual([
      {
        date: '2025-11-16',
        channelCode: 'cwtlt',
        channelName: '纯联通',
        ...totals(1, '50.00', '45.50', '0.00'),
      },
    ]);
  });
});

describe('dailyUpstreamSummary', () => {
  it('sums paid and withheld orders of every merchant on the pzid', async () => {
    const range = resolveDateRange({}, 7, NOW);
    const summary = await dailyUpstreamSummary(em, { pzid: 332, from: range.from, to: range.to });
    expect(summary).toEqual({
      pzid: 332,
      pzName: '华捷四方-1700支付宝md5',
      items: [
        { date: '2025-11-14', ...totals(1, '100.00', '88.50', '4.00') },
        { date: '2025-11-16', ...totals(1, '200.00', '177.00', '8.00') },
        // 2024164's paid 100.00 and withheld 1000.00, and 2020001's 100.00 at 10 %.
        { date: '2025-11-17', ...totals(3, '1200.00', '1063.50', '44.00') },
      ],
    });
  });

  it('gives an empty list for a known pzid without orders and null for an unknown one', async () => {
    const range = resolveDateRange({}, 7, NOW);
    expect(await dailyUpstreamSummary(em, { pzid: 333, ...range })).toEqual({
      pzid: 333,
      pzName: '华捷四方-备用支付宝',
      items: [],
    });
    expect(await dailyUpstreamSummary(em, { pzid: 999, ...range })).toBeNull();
  });
});

describe('feeStatement', () => {
  it('splits 100.00 at 11.5 % / 4 % / 0.5 % as the spec does', async () => {
    const day = resolveDateRange({ start: '2025-11-17', end: '2025-11-17' }, 30, NOW);
    expect(await feeStatement(em, { merchantId: M, from: day.from, to: day.to })).toEqual({
      ...totals(1, '100.00', '88.50', '4.00'),
      platformFee: parseYuan('7.50'),
      platformIncome: parseYuan('7.00'),
    });
  });

  it('covers the default 30 China days of paid orders', async () => {
    const range = resolveDateRange({}, 30, NOW);
    expect([range.startDate, range.endDate]).toEqual(['2025-10-19', '2025-11-17']);
    // 10-20 is in; 10-18 23:00 China time is out; withheld, pending and expired never count.
    const statement = await feeStatement(em, { merchantId: M, from: range.from, to: range.to });
    expect(statement).toEqual({
      ...totals(5, '550.00', '488.00', '20.00'),
      platformFee: parseYuan('42.00'),
      platformIncome: parseYuan('39.25'),
    });
    expect(statement.merchantIncome + statement.agentIncome + statement.platformFee).toBe(
      statement.grossAmount,
    );
  });
});

describe('riskStats', () => {
  it("counts the merchant's stale pending, high-value, failed-notification and withheld orders", async () => {
    expect(await riskStats(em, { merchantId: M, highAmount: parseYuan('1000.00'), now: NOW })).toEqual({
      generatedAt: NOW,
      pendingOver30m: 1,
      highValueToday: 1,
      failedNotifications: 1,
      withheld: 1,
    });
    // Created today with at least 100.00: the paid 100.00, the pending 300.00 and the withheld 1000.00.
    expect(
      (await riskStats(em, { merchantId: M, highAmount: parseYuan('100.00'), now: NOW })).highValueToday,
    ).toBe(3);
  });

  it("does not count other merchants' orders", async () => {
    expect(await riskStats(em, { merchantId: OTHER, highAmount: parseYuan('1000.00'), now: NOW })).toEqual({
      generatedAt: NOW,
      pendingOver30m: 1,
      highValueToday: 1,
      failedNotifications: 1,
      withheld: 1,
    });
  });
});

describe('merchantRates', () => {
  it('lists every channel with the rate only where both switches are on', async () => {
    expect(await merchantRates(em, M)).toEqual([
      {
        channelCode: 'zfbwthf',
        channelName: '支付宝网厅话费',
        systemSwitch: true,
        merchantSwitch: true,
        enabled: true,
        ratePpm: 115000,
        userDefinedRate: true,
      },
      {
        channelCode: 'wxhftest',
        channelName: '微信话费测试专用',
        systemSwitch: true,
        merchantSwitch: false,
        enabled: false,
        ratePpm: 0,
        userDefinedRate: false,
      },
      // Switched on for the merchant at 9 %, but off for the system.
      {
        channelCode: 'cwtlt',
        channelName: '纯联通',
        systemSwitch: false,
        merchantSwitch: true,
        enabled: false,
        ratePpm: 0,
        userDefinedRate: true,
      },
    ]);
  });

  it('shows another merchant its own settings', async () => {
    const rates = await merchantRates(em, OTHER);
    expect(rates.map((r) => [r.channelCode, r.enabled, r.ratePpm])).toEqual([
      ['zfbwthf', false, 0],
      ['wxhftest', true, 100000],
      ['cwtlt', false, 0],
    ]);
  });
});

describe('channelStatus', () => {
  it("reports today's quota use across merchants and the merchant's own last use", async () => {
    const items = await channelStatus(em, M, NOW);
    expect(items).toEqual([
      {
        channelCode: 'zfbwthf',
        channelName: '支付宝网厅话费',
        systemEnabled: true,
        merchantEnabled: true,
        ratePpm: 115000,
        userDefinedRate: true,
        roundRobin: true,
        minAmount: 0,
        maxAmount: null,
        dailyQuota: parseYuan('50000.00'),
        // Paid 100.00 and withheld 1000.00 of 2024164 and paid 100.00 of 2020001, all today; 11-16 23:59:59 is not today.
        dailyUsed: parseYuan('1200.00'),
        // The pending order at 20:10Z; 2020001's order at 20:15Z is not this merchant's.
        lastUsedAt: new Date('2025-11-16T20:10:00Z'),
      },
      {
        channelCode: 'wxhftest',
        channelName: '微信话费测试专用',
        systemEnabled: true,
        merchantEnabled: false,
        ratePpm: 0,
        userDefinedRate: false,
        roundRobin: false,
        minAmount: parseYuan('10.00'),
        maxAmount: parseYuan('500.00'),
        dailyQuota: null,
        dailyUsed: null,
        lastUsedAt: null,
      },
      {
        channelCode: 'cwtlt',
        channelName: '纯联通',
        systemEnabled: false,
        merchantEnabled: true,
        ratePpm: 90000,
        userDefinedRate: true,
        roundRobin: false,
        minAmount: 0,
        maxAmount: null,
        dailyQuota: null,
        dailyUsed: null,
        lastUsedAt: new Date(CWTLT_YESTERDAY.createdAt),
      },
    ]);
  });

  it('shows another merchant its own settings and last use', async () => {
    const items = await channelStatus(em, OTHER, NOW);
    expect(
      items.map((i) => [i.channelCode, i.merchantEnabled, i.ratePpm, i.dailyUsed, i.lastUsedAt]),
    ).toEqual([
      ['zfbwthf', false, 0, parseYuan('1200.00'), null],
      ['wxhftest', true, 100000, null, new Date(OTHER_PENDING.createdAt)],
      ['cwtlt', false, 0, null, null],
    ]);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTOR_HEADER, addDays, dataOf, errorCodes, sqlStatementCount, verifyActorHeader } from '@pay/common';
import { sandboxChannelQuery, type ChannelQuery } from '../../src/modules/matching/channel-query.client';
import { ReconciliationIssue } from '../../src/modules/matching/reconciliation-issue';
import { ReconciliationResult } from '../../src/modules/matching/result/reconciliation-result.entity';
import { ReconciliationRun } from '../../src/modules/run/reconciliation-run.entity';
import { AUTO_RECONCILE_QUEUE, runAutoReconciliation } from '../../src/modules/run/auto-reconcile.job';
import { startReconciliationRun } from '../../src/modules/run/run.service';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';
import { cn, givenPayments, givenStatement } from '../support/recon-fixtures';

const { DOUBTFUL, SURPLUS, SHORTAGE, ABNORMAL, NORMAL, REVERSED, REFUNDED } = ReconciliationIssue;

describe('matching and reconciliation runs', () => {
  let app: ReconciliationTestApp;

  beforeAll(async () => {
    app = await startReconciliationTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const em = () => app.orm.em.fork();

  /** A run of `source` over one China day, through the service (as an operator would start it). */
  const runDay = (
    source: string,
    day: string,
    options: { now?: Date; autoOnly?: boolean; channel?: ChannelQuery | null; days?: number } = {},
  ) =>
    startReconciliationRun(
      em(),
      { matching: app.config.matching, channel: options.channel ?? null },
      {
        source,
        periodStart: cn(day),
        periodEnd: addDays(cn(day), options.days ?? 1),
        person: 'tester',
        autoOnly: options.autoOnly,
        now: options.now,
      },
    );

  /** A run's grid by order number. */
  const grid = async (runId: number) => {
    const rows = await em().find(ReconciliationResult, { runId }, { orderBy: { id: 'asc' } });
    return new Map(rows.map((r) => [r.outTradeNo ?? r.transactionId ?? String(r.id), r]));
  };

  const statusOf = async (platformOrderNo: string) => {
    const [row] = (await em()
      .getConnection()
      .execute(
        `select coalesce(pr.status, 2) as reconciliation_status from payment p
         left join payment_reconciliation pr on pr.platform_order_no = p.platform_order_no
         where p.platform_order_no = ?`,
        [platformOrderNo],
      )) as {
      reconciliation_status: number;
    }[];
    return row?.reconciliation_status;
  };

  const runById = (id: number) => em().findOneOrFail(ReconciliationRun, { id });

  it('classifies every kind of order of a day in one run and sets each order’s status', async () => {
    const day = '2025-03-01';
    await givenPayments(em(), [
      {
        platformOrderNo: 'G-NORMAL',
        amount: 100,
        paidAt: cn(`${day} 10:00`),
        merchantName: '网格商户',
        deviceNo: '7',
      },
      {
        platformOrderNo: 'G-UNPAID',
        amount: 150,
        status: 'EXPIRED',
        createdAt: cn(`${day} 11:30`),
        paidAt: null,
        upstreamOrderNo: null,
      },
      { platformOrderNo: 'G-SHORT', amount: 120, paidAt: cn(`${day} 12:00`) },
      { platformOrderNo: 'G-AMOUNT', amount: 300, paidAt: cn(`${day} 13:00`) },
      { platformOrderNo: 'G-STATUS', amount: 100, paidAt: cn(`${day} 14:00`) },
      { platformOrderNo: 'G-REFUND', amount: 500, status: 'REFUNDED', paidAt: cn(`${day} 09:00`) },
      // Paid through a verified callback, then cancelled (撤单): the transaction id stays.
      {
        platformOrderNo: 'G-REVERSE',
        amount: 100,
        status: 'PENDING',
        paidAt: null,
        upstreamOrderNo: 'TX-G-REVERSE',
        createdAt: cn(`${day} 10:20`),
      },
      { platformOrderNo: 'G-BYTX', amount: 100, paidAt: cn(`${day} 19:00`), upstreamOrderNo: 'WX4200-BYTX' },
      // Another channel's payment: not this statement's business.
      { platformOrderNo: 'G-ALIPAY', amount: 100, payType: 'alipay', paidAt: cn(`${day} 10:00`) },
    ]);
    await givenStatement(em(), {
      source: 'wechat-grid',
      billDate: day,
      lines: [
        {
          tradeTime: cn(`${day} 10:00:05`),
          platformOrderNo: 'G-NORMAL',
          transactionId: 'TX-G-NORMAL',
          amount: 100,
          payer: 'oY_normal',
        },
        {
          tradeTime: cn(`${day} 11:00`),
          platformOrderNo: 'G-MISSING',
          transactionId: 'TX-G-MISSING',
          amount: 200,
        },
        {
          tradeTime: cn(`${day} 11:31`),
          platformOrderNo: 'G-UNPAID',
          transactionId: 'TX-G-UNPAID',
          amount: 150,
        },
        {
          tradeTime: cn(`${day} 13:00`),
          platformOrderNo: 'G-AMOUNT',
          transactionId: 'TX-G-AMOUNT',
          amount: 299,
        },
        {
          tradeTime: cn(`${day} 14:00`),
          platformOrderNo: 'G-STATUS',
          transactionId: 'TX-G-STATUS',
          amount: 100,
        },
        {
          kind: 'REFUND',
          tradeTime: cn(`${day} 15:00`),
          platformOrderNo: 'G-STATUS',
          transactionId: 'TX-G-STATUS',
          refundAmount: 100,
        },
        {
          tradeTime: cn(`${day} 09:00`),
          platformOrderNo: 'G-REFUND',
          transactionId: 'TX-G-REFUND',
          amount: 500,
        },
        // One order, several refund lines.
        {
          kind: 'REFUND',
          tradeTime: cn(`${day} 16:00`),
          platformOrderNo: 'G-REFUND',
          transactionId: 'TX-G-REFUND',
          refundNo: 'R1',
          refundAmount: 200,
        },
        {
          kind: 'REFUND',
          tradeTime: cn(`${day} 17:00`),
          platformOrderNo: 'G-REFUND',
          transactionId: 'TX-G-REFUND',
          refundNo: 'R2',
          refundAmount: 300,
        },
        {
          tradeTime: cn(`${day} 10:10`),
          platformOrderNo: 'G-REVERSE',
          transactionId: 'TX-G-REVERSE',
          amount: 100,
        },
        {
          kind: 'REFUND',
          tradeTime: cn(`${day} 18:00`),
          platformOrderNo: 'G-REVERSE',
          transactionId: 'TX-G-REVERSE',
          refundAmount: 100,
        },
        // The merchant order number column is empty: matched by the transaction id.
        {
          tradeTime: cn(`${day} 19:00:02`),
          platformOrderNo: null,
          transactionId: 'WX4200-BYTX',
          amount: 100,
        },
      ],
    });

    const run = await runDay('wechat-grid', day);
    const rows = await grid(run.id);
    expect([...rows.keys()].sort()).toEqual(
      [
        'G-AMOUNT',
        'G-BYTX',
        'G-MISSING',
        'G-NORMAL',
        'G-REFUND',
        'G-REVERSE',
        'G-SHORT',
        'G-STATUS',
        'G-UNPAID',
      ].sort(),
    );
    const verdicts = Object.fromEntries([...rows].map(([no, r]) => [no, [r.issue, r.note]]));
    expect(verdicts).toEqual({
      'G-NORMAL': [NORMAL, '正常'],
      'G-MISSING': [SURPLUS, '长款：渠道有成功支付，平台无此订单'],
      'G-UNPAID': [SURPLUS, '长款：渠道已支付，平台订单未支付（EXPIRED）'],
      'G-SHORT': [SHORTAGE, '短款：平台已支付，渠道无记录'],
      'G-AMOUNT': [ABNORMAL, '异常：金额不符（渠道 2.99 元，平台 3.00 元）'],
      'G-STATUS': [ABNORMAL, '异常：状态不符（渠道已退款，平台 PAID）'],
      'G-REFUND': [REFUNDED, '已退款'],
      'G-REVERSE': [REVERSED, '已冲正'],
      'G-BYTX': [NORMAL, '正常'],
    });
    expect(rows.get('G-NORMAL')).toMatchObject({
      platformOrderNo: 'G-NORMAL',
      transactionId: 'TX-G-NORMAL',
      payMoney: 100,
      channelAmount: 100,
      platformAmount: 100,
      payer: 'oY_normal',
      merchantName: '网格商户',
      equipmentId: '7',
      tradeTime: cn(`${day} 10:00:05`),
      source: 'wechat-grid',
    });
    expect(rows.get('G-NORMAL')!.code).toMatch(/^[0-9a-f]{32}$/);
    expect(rows.get('G-MISSING')).toMatchObject({
      platformOrderNo: null,
      platformState: 'MISSING',
      payMoney: 200,
    });
    expect(rows.get('G-REFUND')).toMatchObject({
      channelLineCount: 3,
      refundLineCount: 2,
      refundedAmount: 500,
      channelState: 'REFUNDED',
    });
    expect(rows.get('G-BYTX')).toMatchObject({ platformOrderNo: 'G-BYTX', transactionId: 'WX4200-BYTX' });
    expect(rows.get('G-SHORT')).toMatchObject({
      statementLineId: null,
      payMoney: 120,
      tradeTime: cn(`${day} 12:00`),
    });

    const statuses = Object.fromEntries(
      await Promise.all(
        [
          'G-NORMAL',
          'G-UNPAID',
          'G-SHORT',
          'G-AMOUNT',
          'G-STATUS',
          'G-REFUND',
          'G-REVERSE',
          'G-BYTX',
          'G-ALIPAY',
        ].map(async (no) => [no, await statusOf(no)] as const),
      ),
    );
    expect(statuses).toEqual({
      'G-NORMAL': 1,
      'G-UNPAID': 3,
      'G-SHORT': 3,
      'G-AMOUNT': 3,
      'G-STATUS': 3,
      'G-REFUND': 1,
      'G-REVERSE': 4,
      'G-BYTX': 1,
      'G-ALIPAY': 2,
    });

    expect(await runById(run.id)).toMatchObject({
      status: 'DONE',
      code: run.code,
      person: 'tester',
      statementLineCount: 12,
      lineCount: 9,
      lineAmount: 100 + 200 + 150 + 120 + 299 + 100 + 500 + 100 + 100,
      matchedCount: 4,
      matchedAmount: 100 + 500 + 100 + 100,
      abnormalCount: 5,
      abnormalAmount: 200 + 150 + 120 + 299 + 100,
      doubtfulCount: 0,
    });
    expect(run.code).toMatch(/^[0-9a-f]{32}$/);
  });

  it('allows the configured amount tolerance of a source', async () => {
    const day = '2025-03-02';
    await givenPayments(em(), [
      { platformOrderNo: 'T-ONE', amount: 100, paidAt: cn(`${day} 10:00`) },
      { platformOrderNo: 'T-TWO', amount: 100, paidAt: cn(`${day} 11:00`) },
    ]);
    await givenStatement(em(), {
      source: 'wechat-tolerance',
      billDate: day,
      lines: [
        { tradeTime: cn(`${day} 10:00`), platformOrderNo: 'T-ONE', amount: 101 },
        { tradeTime: cn(`${day} 11:00`), platformOrderNo: 'T-TWO', amount: 102 },
      ],
    });
    const strict = await grid((await runDay('wechat-tolerance', day)).id);
    expect(strict.get('T-ONE')!.issue).toBe(ABNORMAL);

    const set = await app.gql<{
      setSourceTolerance: { amountTolerance: string };
    }>(
      `mutation ($input: SetSourceToleranceInput!) { setSourceTolerance(input: $input) { amountTolerance } }`,
      { input: { source: 'wechat-tolerance', amountTolerance: '0.01' } },
    );
    expect(dataOf(set).setSourceTolerance).toEqual({ amountTolerance: '0.01' });
    const analyst = await app.gql(
      `mutation { setSourceTolerance(input: { source: "wechat-tolerance", amountTolerance: "5.00" }) { source } }`,
      {},
      ACTORS.analyst,
    );
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);

    const lenient = await grid((await runDay('wechat-tolerance', day)).id);
    expect(lenient.get('T-ONE')).toMatchObject({ issue: NORMAL, note: '正常（差额 0.01 元在容差内）' });
    expect(lenient.get('T-TWO')).toMatchObject({
      issue: ABNORMAL,
      note: '异常：金额不符（渠道 1.02 元，平台 1.00 元）',
    });
    expect(await statusOf('T-ONE')).toBe(1);
  });

  it('doubts orders near the cut-off and settles them when the next day’s run matches them', async () => {
    const [d1, d2] = ['2025-03-03', '2025-03-04'];
    await givenPayments(em(), [
      // Paid at 23:55; the channel books it after midnight.
      { platformOrderNo: 'D-LATE-LINE', amount: 100, paidAt: cn(`${d1} 23:55`) },
      { platformOrderNo: 'D-EARLY', amount: 100, paidAt: cn(`${d1} 10:00`) },
    ]);
    await givenStatement(em(), {
      source: 'wechat-late',
      billDate: d1,
      lines: [
        { tradeTime: cn(`${d1} 10:00`), platformOrderNo: 'D-EARLY', amount: 100 },
        // The platform has not heard of this one yet (its callback comes after midnight).
        {
          tradeTime: cn(`${d1} 23:58`),
          platformOrderNo: 'D-LATE-PAY',
          transactionId: 'TX-D-LATE-PAY',
          amount: 300,
        },
      ],
    });
    const first = await runDay('wechat-late', d1, { now: cn(`${d2} 02:30`) });
    const before = await grid(first.id);
    expect(before.get('D-EARLY')!.issue).toBe(NORMAL);
    expect(before.get('D-LATE-LINE')).toMatchObject({
      issue: DOUBTFUL,
      pendingIssue: SHORTAGE,
      doubtfulSince: cn(`${d2} 02:30`),
      note: '存疑：平台已支付，渠道暂无记录，待后续对账复核',
    });
    expect(before.get('D-LATE-PAY')).toMatchObject({ issue: DOUBTFUL, pendingIssue: SURPLUS });
    expect(await statusOf('D-LATE-LINE')).toBe(5);
    expect(await runById(first.id)).toMatchObject({ doubtfulCount: 2, doubtfulAmount: 400, matchedCount: 1 });

    // The next day: the late callback arrived, the channel listed the late line.
    await givenPayments(em(), [
      {
        platformOrderNo: 'D-LATE-PAY',
        amount: 300,
        paidAt: cn(`${d2} 00:01`),
        upstreamOrderNo: 'TX-D-LATE-PAY',
        createdAt: cn(`${d1} 23:57`),
      },
    ]);
    await givenStatement(em(), {
      source: 'wechat-late',
      billDate: d2,
      lines: [{ tradeTime: cn(`${d2} 00:03`), platformOrderNo: 'D-LATE-LINE', amount: 100 }],
    });
    const second = await runDay('wechat-late', d2, { now: cn(`${addDaysText(d2, 1)} 02:30`) });
    const next = await grid(second.id);
    expect(next.get('D-LATE-LINE')!.issue).toBe(NORMAL);
    // Its line was booked before midnight: found next door.
    expect(next.get('D-LATE-PAY')).toMatchObject({ issue: NORMAL, tradeTime: cn(`${d1} 23:58`) });

    const settled = await grid(first.id);
    for (const no of ['D-LATE-LINE', 'D-LATE-PAY']) {
      expect(settled.get(no)).toMatchObject({ issue: NORMAL, settledByRunId: second.id });
      expect(settled.get(no)!.note).toContain(`对账 ${second.code} 复核为正常`);
    }
    expect(await statusOf('D-LATE-LINE')).toBe(1);
    expect(await statusOf('D-LATE-PAY')).toBe(1);
    // The first run's header follows its grid.
    expect(await runById(first.id)).toMatchObject({ doubtfulCount: 0, matchedCount: 3, abnormalCount: 0 });
  });

  it('turns a doubtful order into a surplus or shortage when its window closes', async () => {
    const [d1, d2] = ['2025-03-05', '2025-03-06'];
    await givenPayments(em(), [{ platformOrderNo: 'E-SHORT', amount: 100, paidAt: cn(`${d1} 23:56`) }]);
    await givenStatement(em(), {
      source: 'wechat-expire',
      billDate: d1,
      lines: [{ tradeTime: cn(`${d1} 23:57`), platformOrderNo: 'E-SURPLUS', amount: 200 }],
    });
    await givenStatement(em(), { source: 'wechat-expire', billDate: d2, lines: [] });
    const ranAt = cn(`${d2} 02:30`);
    const first = await runDay('wechat-expire', d1, { now: ranAt });
    expect([...(await grid(first.id)).values()].map((r) => r.issue)).toEqual([DOUBTFUL, DOUBTFUL]);

    // Within the window a later run leaves them doubtful…
    await runDay('wechat-expire', d2, { now: new Date(ranAt.getTime() + 10 * 3600_000) });
    expect([...(await grid(first.id)).values()].map((r) => [r.issue, r.settledByRunId])).toEqual([
      [DOUBTFUL, null],
      [DOUBTFUL, null],
    ]);
    expect(await statusOf('E-SHORT')).toBe(5);

    // …after it (48 hours), the next run decides them.
    const late = await runDay('wechat-expire', d2, {
      now: new Date(ranAt.getTime() + (app.config.matching.doubtfulWindowHours + 1) * 3600_000),
    });
    const decided = await grid(first.id);
    expect(decided.get('E-SHORT')).toMatchObject({ issue: SHORTAGE, settledByRunId: late.id });
    expect(decided.get('E-SURPLUS')).toMatchObject({ issue: SURPLUS, settledByRunId: late.id });
    expect(decided.get('E-SHORT')!.note).toContain(`存疑超过时限未解除，对账 ${late.code} 判定为短款`);
    expect(await statusOf('E-SHORT')).toBe(3);
    expect(await runById(first.id)).toMatchObject({
      doubtfulCount: 0,
      abnormalCount: 2,
      abnormalAmount: 300,
    });
  });

  it('gives every run of the same period its own grid, without duplicates', async () => {
    const day = '2025-03-07';
    await givenPayments(em(), [
      { platformOrderNo: 'I-ONE', amount: 100, paidAt: cn(`${day} 10:00`) },
      { platformOrderNo: 'I-TWO', amount: 200, paidAt: cn(`${day} 11:00`) },
    ]);
    await givenStatement(em(), {
      source: 'wechat-again',
      billDate: day,
      lines: [
        { tradeTime: cn(`${day} 10:00`), platformOrderNo: 'I-ONE', amount: 100 },
        { tradeTime: cn(`${day} 12:00`), platformOrderNo: 'I-THREE', amount: 300 },
      ],
    });
    const first = await runDay('wechat-again', day);
    const second = await runDay('wechat-again', day);
    expect(second.code).not.toBe(first.code);
    const [a, b] = [await grid(first.id), await grid(second.id)];
    expect([...a.keys()].sort()).toEqual(['I-ONE', 'I-THREE', 'I-TWO']);
    expect([...b.keys()].sort()).toEqual(['I-ONE', 'I-THREE', 'I-TWO']);
    expect([...b.values()].map((r) => r.issue)).toEqual([...a.values()].map((r) => r.issue));
    expect(new Set([...a.values(), ...b.values()].map((r) => r.code)).size).toBe(6);
    expect(await runById(first.id)).toMatchObject({ lineCount: 3, matchedCount: 1, abnormalCount: 2 });
  });

  it('classifies in a fixed number of SQL statements, whatever the number of lines', async () => {
    const statementsFor = async (source: string, day: string, count: number) => {
      const payments = Array.from({ length: count }, (_, i) => ({
        platformOrderNo: `C${count}-${i}`,
        amount: 100 + i,
        paidAt: new Date(cn(`${day} 08:00`).getTime() + i * 1000),
      }));
      await givenPayments(em(), payments);
      await givenStatement(em(), {
        source,
        billDate: day,
        // Every tenth order is missing on the channel; the rest match.
        lines: payments
          .filter((_, i) => i % 10 !== 0)
          .map((p) => ({ tradeTime: p.paidAt, platformOrderNo: p.platformOrderNo, amount: p.amount })),
      });
      const before = sqlStatementCount();
      const run = await runDay(source, day);
      const statements = sqlStatementCount() - before;
      const header = await runById(run.id);
      expect(header).toMatchObject({
        lineCount: count,
        matchedCount: count - count / 10,
        abnormalCount: count / 10,
      });
      return statements;
    };
    const small = await statementsFor('wechat-count-a', '2025-03-08', 10);
    const large = await statementsFor('wechat-count-b', '2025-03-09', 1000);
    expect(large).toBe(small);
    expect(small).toBeLessThan(20);
  });

  it('lists orders with statistics over the whole filter', async () => {
    const merchantName = '统计商户';
    await givenPayments(em(), [
      {
        platformOrderNo: 'S-OK1',
        amount: 198,
        merchantName,
        reconciliationStatus: 1,
        createdAt: cn('2025-03-10 09:00'),
      },
      {
        platformOrderNo: 'S-OK2',
        amount: 302,
        merchantName,
        reconciliationStatus: 1,
        createdAt: cn('2025-03-10 09:01'),
      },
      {
        platformOrderNo: 'S-BAD',
        amount: 1000,
        merchantName,
        reconciliationStatus: 3,
        createdAt: cn('2025-03-10 09:02'),
      },
      {
        platformOrderNo: 'S-NEW',
        amount: 50,
        merchantName,
        status: 'PENDING',
        payType: 'alipay',
        createdAt: cn('2025-03-10 09:03'),
      },
      {
        platformOrderNo: 'S-ALI',
        amount: 70,
        merchantName,
        payType: 'alipay',
        createdAt: cn('2025-03-10 09:04'),
      },
    ]);
    const LIST = `query ($filter: ReconciliationOrderFilter, $pageSize: Int) {
      reconciliationOrders(filter: $filter, pageSize: $pageSize) {
        totalCount
        statistics { orderNum countPrice successBill successPrice failBill failPrice }
        nodes { platformOrderNo merchantName amount payMethod reconciliationStatusCode autoReconcile createdAt }
      } }`;
    type List = {
      reconciliationOrders: {
        totalCount: number;
        statistics: Record<string, unknown>;
        nodes: Record<string, unknown>[];
      };
    };
    const all = dataOf(
      await app.gql<List>(LIST, { filter: { merchantName: '统计' }, pageSize: 2 }),
    ).reconciliationOrders;
    expect(all.totalCount).toBe(5);
    expect(all.statistics).toEqual({
      orderNum: 5,
      countPrice: '16.20',
      successBill: 2,
      successPrice: '5.00',
      failBill: 1,
      failPrice: '10.00',
    });
    expect(all.nodes).toEqual([
      {
        platformOrderNo: 'S-ALI',
        merchantName,
        amount: '0.70',
        payMethod: 3,
        reconciliationStatusCode: 2,
        autoReconcile: false,
        createdAt: cn('2025-03-10 09:04').toISOString(),
      },
      expect.objectContaining({ platformOrderNo: 'S-NEW', payMethod: 1 }),
    ]);
    const filtered = dataOf(
      await app.gql<List>(LIST, {
        filter: {
          merchantName,
          totalFeeGte: 100,
          totalFeeLte: 500,
          reconciliationStatusCode: 1,
          payMethod: 2,
        },
      }),
    ).reconciliationOrders;
    expect(filtered.nodes.map((n) => n.platformOrderNo)).toEqual(['S-OK2', 'S-OK1']);
    expect(filtered.statistics).toMatchObject({
      orderNum: 2,
      failBill: 0,
      failPrice: '0.00',
    });
    const byCode = dataOf(
      await app.gql<List>(LIST, { filter: { code: 'S-BAD', amountMin: '10.00' } }),
    ).reconciliationOrders;
    expect(byCode.nodes.map((n) => n.platformOrderNo)).toEqual(['S-BAD']);

    expect(errorCodes(await app.gql(LIST, {}, ACTORS.merchant))).toEqual(['FORBIDDEN']);
  });

  it('runs automatically over yesterday for orders with the auto flag only', async () => {
    const day = '2025-03-11';
    await givenPayments(em(), [
      { platformOrderNo: 'A-ON', amount: 100, paidAt: cn(`${day} 10:00`), autoReconcile: true },
      { platformOrderNo: 'A-OFF', amount: 100, paidAt: cn(`${day} 11:00`), autoReconcile: false },
      { platformOrderNo: 'A-SHORT', amount: 100, paidAt: cn(`${day} 12:00`), autoReconcile: true },
    ]);
    await givenStatement(em(), {
      source: 'wechat-auto',
      billDate: day,
      lines: [
        { tradeTime: cn(`${day} 10:00`), platformOrderNo: 'A-ON', amount: 100 },
        { tradeTime: cn(`${day} 11:00`), platformOrderNo: 'A-OFF', amount: 100 },
        { tradeTime: cn(`${day} 13:00`), platformOrderNo: 'A-UNKNOWN', amount: 100 },
      ],
    });
    const now = cn('2025-03-12 02:30');
    const runs = await runAutoReconciliation(app.server.runtime, now);
    expect(runs.map((r) => [r.source, r.person, r.autoOnly, r.periodStart, r.periodEnd])).toEqual([
      ['wechat-auto', 'auto', true, cn(day), cn('2025-03-12')],
    ]);
    const rows = await grid(runs[0]!.id);
    expect(Object.fromEntries([...rows].map(([no, r]) => [no, r.issue]))).toEqual({
      'A-ON': NORMAL,
      'A-SHORT': SHORTAGE,
      'A-UNKNOWN': SURPLUS,
    });
    expect(await statusOf('A-OFF')).toBe(2);
    // A retried job does not reconcile the day again.
    expect(await runAutoReconciliation(app.server.runtime, now)).toEqual([]);

    const schedules = await app.server.runtime.jobs.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: AUTO_RECONCILE_QUEUE,
          cron: app.config.autoReconcileCron,
          timezone: 'Asia/Shanghai',
        }),
      ]),
    );
  });

  it('asks the channel about doubtful orders and notes the answers without changing the verdict', async () => {
    const day = '2025-03-13';
    await givenPayments(em(), [
      { platformOrderNo: 'Q-LATE', amount: 100, paidAt: cn(`${day} 23:59`), upstreamOrderNo: 'TX-Q-LATE' },
      { platformOrderNo: 'Q-GONE', amount: 100, paidAt: cn(`${day} 23:58`) },
    ]);
    await givenStatement(em(), { source: 'wechat-query', billDate: day, lines: [] });
    const asked: { no: string; role: string | undefined }[] = [];
    const channel: Server = createServer((req, res) => {
      const actor = verifyActorHeader(
        req.headers[ACTOR_HEADER] as string | undefined,
        app.config.auth.internalSecret,
      );
      const no = decodeURIComponent((req.url ?? '').replace('/sandbox/query/', ''));
      asked.push({ no, role: actor?.role });
      res.setHeader('content-type', 'application/json');
      if (no === 'Q-LATE') {
        res.end(JSON.stringify({ trade_state: 'SUCCESS', amount: 100, transaction_id: 'TX-Q-LATE' }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ trade_state: 'NOT_FOUND', amount: null, transaction_id: null }));
      }
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
      const run = await runDay('wechat-query', day, {
        channel: sandboxChannelQuery(url, app.config.auth.internalSecret),
      });
      expect(asked.map((a) => a.no).sort()).toEqual(['Q-GONE', 'Q-LATE']);
      expect(asked.every((a) => a.role === 'SYSTEM')).toBe(true);
      const rows = await grid(run.id);
      expect(rows.get('Q-LATE')).toMatchObject({
        issue: DOUBTFUL,
        note: '存疑：平台已支付，渠道暂无记录，待后续对账复核；渠道查询：SUCCESS，金额 1.00 元，交易号 TX-Q-LATE',
      });
      expect(rows.get('Q-GONE')).toMatchObject({ issue: DOUBTFUL });
      expect(rows.get('Q-GONE')!.note).toContain('渠道查询：NOT_FOUND');
    } finally {
      await new Promise((resolve) => channel.close(resolve));
    }
  });

  it('serves runs, grids, discrepancies and an order against its bill through the graph', async () => {
    const day = '2025-03-14';
    await givenPayments(em(), [
      {
        platformOrderNo: 'Q1-PAID',
        amount: 1,
        paidAt: cn(`${day} 11:10:36`),
        merchantName: '中软融通',
        deviceNo: '1',
        payerNickname: 'Flame。',
      },
      { platformOrderNo: 'Q1-SHORT', amount: 5, paidAt: cn(`${day} 12:00`) },
    ]);
    await givenStatement(em(), {
      source: 'wechat-graph',
      billDate: day,
      lines: [
        {
          tradeTime: cn(`${day} 11:10:50`),
          platformOrderNo: 'Q1-PAID',
          transactionId: '4200000478202003312648373947',
          amount: 1,
          payer: 'oY_8r1B2FH2RbgvUDWWj0skqRsns',
        },
      ],
    });
    const started = await app.gql<{ startReconciliationRun: { id: string; code: string; person: string } }>(
      `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { id code person } }`,
      {
        input: {
          source: 'wechat-graph',
          periodStart: cn(day).toISOString(),
          periodEnd: cn('2025-03-15').toISOString(),
        },
      },
    );
    const run = dataOf(started).startReconciliationRun;
    expect(run.person).toBe(ACTORS.operator.sub);

    const header = dataOf(
      await app.gql<{
        reconciliationRun: Record<string, unknown> & {
          results: { totalCount: number; nodes: Record<string, unknown>[] };
        };
      }>(
        `query ($code: String) { reconciliationRun(code: $code) {
          isDeleted code person remark lineCount lineAmount matchedCount matchedAmount abnormalCount abnormalAmount
          periodStart periodEnd createdAt status sourceCode
          results(pageSize: 10) { totalCount nodes {
            isDeleted code runCode outTradeNo sourceCode issueCode issueText createdAt tradeTime payMoney payer note merchantName equipmentId
            statementLine { transactionId amount payer } order { platformOrderNo }
          } }
        } }`,
        { code: run.code },
      ),
    ).reconciliationRun;
    expect(header).toMatchObject({
      isDeleted: false,
      code: run.code,
      person: ACTORS.operator.sub,
      remark: null,
      lineCount: 2,
      lineAmount: '0.06',
      matchedCount: 1,
      matchedAmount: '0.01',
      abnormalCount: 1,
      abnormalAmount: '0.05',
      periodStart: cn(day).toISOString(),
      periodEnd: cn('2025-03-15').toISOString(),
      status: 'DONE',
      sourceCode: 2,
    });
    expect(header.results.totalCount).toBe(2);
    expect(header.results.nodes).toContainEqual(
      expect.objectContaining({
        isDeleted: false,
        runCode: run.code,
        outTradeNo: 'Q1-PAID',
        sourceCode: 2,
        issueCode: 4,
        issueText: '正常',
        tradeTime: cn(`${day} 11:10:50`).toISOString(),
        payMoney: '0.01',
        payer: 'oY_8r1B2FH2RbgvUDWWj0skqRsns',
        note: '正常',
        merchantName: '中软融通',
        equipmentId: '1',
        statementLine: {
          transactionId: '4200000478202003312648373947',
          amount: '0.01',
          payer: 'oY_8r1B2FH2RbgvUDWWj0skqRsns',
        },
        order: { platformOrderNo: 'Q1-PAID' },
      }),
    );

    const records = dataOf(
      await app.gql<{ reconciliationRuns: { nodes: { code: string; person: string }[] } }>(
        `query ($person: String) { reconciliationRuns(person: $person, pageSize: 100) { nodes { code person createdAt } } }`,
        { person: ACTORS.operator.sub },
      ),
    ).reconciliationRuns;
    expect(records.nodes.map((n) => n.code)).toContain(run.code);

    const discrepancies = dataOf(
      await app.gql<{
        discrepancies: {
          totalCount: number;
          nodes: { outTradeNo: string; issue: string; run: { code: string } }[];
        };
      }>(
        `query ($runCode: String) { discrepancies(runCode: $runCode) { totalCount nodes { outTradeNo issue run { code } } } }`,
        { runCode: run.code },
      ),
    ).discrepancies;
    expect(discrepancies).toEqual({
      totalCount: 1,
      nodes: [{ outTradeNo: 'Q1-SHORT', issue: 'SHORTAGE', run: { code: run.code } }],
    });

    const bill = dataOf(
      await app.gql<{ orderBill: Record<string, unknown> }>(
        `query { orderBill(platformOrderNo: "Q1-PAID", payWay: 2) {
          billData { platformOrderNo equipmentNo amount payerNickname reconciliationStatusCode payMethod adminStatusCode createdAt }
          thirdBill { tradeTime platformOrderNo device amount payer transactionId }
          billInfo { runCode note createdAt issueCode run { person } }
        } }`,
      ),
    ).orderBill;
    expect(bill).toMatchObject({
      billData: [
        {
          platformOrderNo: 'Q1-PAID',
          equipmentNo: '1',
          amount: '0.01',
          payerNickname: 'Flame。',
          reconciliationStatusCode: 1,
          payMethod: 2,
          adminStatusCode: 2,
        },
      ],
      thirdBill: {
        tradeTime: cn(`${day} 11:10:50`).toISOString(),
        platformOrderNo: 'Q1-PAID',
        device: null,
        amount: '0.01',
        payer: 'oY_8r1B2FH2RbgvUDWWj0skqRsns',
        transactionId: '4200000478202003312648373947',
      },
      billInfo: { runCode: run.code, note: '正常', issueCode: 4, run: { person: ACTORS.operator.sub } },
    });
    const otherChannel = dataOf(
      await app.gql<{ orderBill: { thirdBill: unknown } }>(
        `query { orderBill(platformOrderNo: "Q1-PAID", payWay: 3) { thirdBill { id } } }`,
      ),
    ).orderBill;
    expect(otherChannel.thirdBill).toBeNull();

    // Through the Order entity: its line and its verdicts; a merchant sees only its own orders.
    const ORDER = `query { _entities(representations: [{ __typename: "Order", platformOrderNo: "Q1-PAID" }]) {
      ... on Order { reconciliationStatus statementLine { transactionId } reconciliationResults { issue runCode run { code } } } } }`;
    const asOperator = dataOf(await app.gql<{ _entities: Record<string, unknown>[] }>(ORDER))._entities[0];
    expect(asOperator).toEqual({
      reconciliationStatus: 'RECONCILED',
      statementLine: { transactionId: '4200000478202003312648373947' },
      reconciliationResults: [{ issue: 'NORMAL', runCode: run.code, run: { code: run.code } }],
    });
    const asOwner = dataOf(
      await app.gql<{ _entities: Record<string, unknown>[] }>(ORDER, {}, ACTORS.merchant),
    )._entities[0];
    expect(asOwner).toMatchObject({ reconciliationResults: [{ issue: 'NORMAL', run: null }] });
    const asOther = dataOf(
      await app.gql<{ _entities: Record<string, unknown>[] }>(ORDER, {}, ACTORS.otherMerchant),
    )._entities[0];
    expect(asOther).toEqual({ reconciliationStatus: null, statementLine: null, reconciliationResults: [] });
    // The line's statement holds every merchant's totals: platform roles only.
    const FILE = `query { _entities(representations: [{ __typename: "Order", platformOrderNo: "Q1-PAID" }]) {
      ... on Order { statementLine { statement { paymentCount person } } } } }`;
    const fileAsOwner = dataOf(
      await app.gql<{ _entities: Record<string, unknown>[] }>(FILE, {}, ACTORS.merchant),
    )._entities[0];
    expect(fileAsOwner).toEqual({ statementLine: { statement: null } });
    const fileAsOperator = dataOf(
      await app.gql<{ _entities: { statementLine: { statement: { paymentCount: number } | null } }[] }>(FILE),
    )._entities[0]!;
    expect(fileAsOperator.statementLine.statement?.paymentCount).toBeGreaterThan(0);

    expect(
      errorCodes(
        await app.gql(
          `mutation { startReconciliationRun(input: { source: "wechat-graph", periodStart: "2025-03-14T00:00:00Z", periodEnd: "2025-03-15T00:00:00Z" }) { id } }`,
          {},
          ACTORS.analyst,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await app.gql(
          `mutation { startReconciliationRun(input: { source: "wechat-nothing", periodStart: "2025-03-14T00:00:00Z", periodEnd: "2025-03-15T00:00:00Z" }) { id } }`,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await app.gql(`query { reconciliationRuns { totalCount } }`, {}, ACTORS.merchant)),
    ).toEqual(['FORBIDDEN']);
  });

  it('pages discrepancies by keyset cursor through the same rows as one big page, counting only when asked', async () => {
    type Page = { nodes: { code: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const SLIM = `query ($first: Int, $after: String, $pageSize: Int) {
      discrepancies(first: $first, after: $after, pageSize: $pageSize) { nodes { code } pageInfo { hasNextPage endCursor } } }`;
    const page = async (variables: Record<string, unknown>) =>
      dataOf(await app.gql<{ discrepancies: Page }>(SLIM, variables)).discrepancies;
    const all = (await page({ pageSize: 200 })).nodes.map((n) => n.code);
    expect(all.length).toBeGreaterThan(3);
    const walked: string[] = [];
    let after: string | null = null;
    for (let more = true; more;) {
      const next: Page = await page({ first: 2, ...(after ? { after } : {}) });
      walked.push(...next.nodes.map((n) => n.code));
      ({ hasNextPage: more, endCursor: after } = next.pageInfo);
    }
    expect(walked).toEqual(all);

    // Background work adds statements now and then, never takes any away: the fewest of a few tries.
    const statementsOf = async (query: string) => {
      let fewest = Infinity;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const before = sqlStatementCount();
        dataOf(await app.gql(query, { first: 2 }));
        fewest = Math.min(fewest, sqlStatementCount() - before);
      }
      return fewest;
    };
    const without = await statementsOf(SLIM);
    expect(await statementsOf(SLIM.replace('nodes {', 'totalCount nodes {'))).toBe(without + 1);
  });
});

/** "2025-03-04" + n days, as a date text. */
function addDaysText(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

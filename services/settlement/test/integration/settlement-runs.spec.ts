import { addDays, dataOf, errorCodes, eventually, startOfChinaDay } from '@pay/common';
import { runSettlement, SETTLEMENT_RUN_QUEUE, type SettlementRunResult } from '../../src/modules/settlement';
import {
  ACTORS,
  cn,
  startSettlementTestApp,
  type PaymentRow,
  type SettlementTestApp,
} from '../support/settlement-app';

const DAILY = 3101;
const WEEKLY = 3102;
const MONTHLY = 3103;
const ON_DEMAND = 3104;
const BUSY = 3105;
const DELETED = 3106;
const YEARLY = 3107;
const JOB = 3108;

interface SettlementRow {
  id: string;
  code: string;
  merchant_id: number;
  account_id: string;
  method: number;
  order_count: number;
  total: string;
  order_total: string;
  period_start: Date | null;
  period_end: Date;
  person: string;
  state: number;
}

describe('settlement runs', () => {
  let app: SettlementTestApp;
  const accounts = new Map<number, string>();

  beforeAll(async () => {
    app = await startSettlementTestApp();
    const periods: [number, string, string][] = [
      [DAILY, 'DAILY', 'WECHAT'],
      [WEEKLY, 'WEEKLY', 'ALIPAY'],
      [MONTHLY, 'MONTHLY', 'BANK_TRANSFER'],
      [ON_DEMAND, 'UNKNOWN', 'OFFLINE_TRANSFER'],
      [BUSY, 'DAILY', 'BANK_TRANSFER'],
      [DELETED, 'DAILY', 'WECHAT'],
      [YEARLY, 'YEARLY', 'ALIPAY'],
      [JOB, 'DAILY', 'WECHAT'],
    ];
    for (const [merchantId, period, method] of periods) {
      await app.givenMerchant(merchantId, `merchant ${merchantId}`);
      const created = dataOf(
        await app.gql<{ createSettlementAccount: { id: string } }>(
          `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { id } }`,
          {
            input: {
              merchantId,
              method,
              period,
              accountName: `acct ${merchantId}`,
              accountNo: `NO${merchantId}`,
            },
          },
        ),
      );
      accounts.set(merchantId, created.createSettlementAccount.id);
    }
  });
  afterAll(() => app.close());

  const scheduled = (until: Date, merchantId?: number): Promise<SettlementRunResult> =>
    runSettlement(app.orm.em.fork(), app.config, { until, person: 'auto', scheduled: true, merchantId });

  const settlementsOf = async (merchantId: number): Promise<SettlementRow[]> =>
    (
      await app.sql<SettlementRow>('select * from settlement where merchant_id = ? order by id', [merchantId])
    ).map((r) => ({
      ...r,
      period_start: r.period_start === null ? null : new Date(r.period_start),
      period_end: new Date(r.period_end),
    }));

  const settledOrdersOf = async (settlementId: string) =>
    (
      await app.sql<{ platform_order_no: string }>(
        'select platform_order_no from settled_order where settlement_id = ? order by platform_order_no',
        [settlementId],
      )
    ).map((r) => r.platform_order_no);

  const settledUntil = async (merchantId: number) => {
    const [row] = await app.sql<{ settled_until: Date | null }>(
      'select settled_until from settlement_account where id = ?',
      [Number(accounts.get(merchantId))],
    );
    return row!.settled_until === null ? null : new Date(row!.settled_until);
  };

  const pay = (
    merchantId: number,
    no: string,
    paidAt: string,
    amount: number,
    extra: Partial<PaymentRow> = {},
  ) => ({
    platformOrderNo: no,
    merchantId,
    amount,
    fee: Math.round(amount * 0.115),
    paidAt: cn(paidAt),
    ...extra,
  });

  it('daily: settles reconciled paid orders before 00:00 China time; the unreconciled, abnormal and doubtful wait', async () => {
    await app.givenPayments([
      pay(DAILY, 'D-1', '2025-11-17 10:00:00', 10_000),
      pay(DAILY, 'D-2', '2025-11-17 23:59:59', 20_000),
      // exactly on the boundary: the next day's
      pay(DAILY, 'D-3', '2025-11-18 00:00:00', 30_000),
      pay(DAILY, 'D-4', '2025-11-17 12:00:00', 40_000, { reconciliationStatus: 2 }),
      pay(DAILY, 'D-5', '2025-11-17 12:00:01', 50_000, { reconciliationStatus: 3 }),
      pay(DAILY, 'D-6', '2025-11-17 12:00:02', 60_000, { reconciliationStatus: 5 }),
      pay(DAILY, 'D-7', '2025-11-17 12:00:03', 70_000, { reconciliationStatus: 4, status: 'REFUNDED' }),
      pay(DAILY, 'D-8', '2025-11-17 12:00:04', 80_000, { status: 'REFUND_UNDER_REVIEW' }),
    ]);
    const first = await scheduled(cn('2025-11-18 03:00'), DAILY);
    const income = (amount: number) => amount - Math.round(amount * 0.115);
    expect(first).toEqual({
      settlementsCreated: 1,
      ordersSettled: 2,
      total: income(10_000) + income(20_000),
    });
    const [settlement] = await settlementsOf(DAILY);
    expect(settlement).toMatchObject({
      code: expect.stringMatching(/^\d{5,}$/),
      account_id: accounts.get(DAILY),
      method: 2,
      order_count: 2,
      total: String(income(10_000) + income(20_000)),
      order_total: '30000',
      period_start: null,
      period_end: cn('2025-11-18 00:00'),
      person: 'auto',
      state: 1,
    });
    expect(await settledOrdersOf(settlement!.id)).toEqual(['D-1', 'D-2']);
    expect(await settledUntil(DAILY)).toEqual(cn('2025-11-18 00:00'));

    // The same run again (a retried job): nothing new.
    expect(await scheduled(cn('2025-11-18 09:00'), DAILY)).toEqual({
      settlementsCreated: 0,
      ordersSettled: 0,
      total: 0,
    });
    expect(await settlementsOf(DAILY)).toHaveLength(1);

    // Reconciliation catches up with D-4; the next day's run takes it with D-3. D-5 stays abnormal.
    await app.setReconciliationStatus(['D-4'], 1);
    const second = await scheduled(cn('2025-11-19 03:00'), DAILY);
    expect(second).toMatchObject({ settlementsCreated: 1, ordersSettled: 2 });
    const [, next] = await settlementsOf(DAILY);
    expect(next).toMatchObject({
      period_start: cn('2025-11-18 00:00'),
      period_end: cn('2025-11-19 00:00'),
      order_count: 2,
    });
    expect(await settledOrdersOf(next!.id)).toEqual(['D-3', 'D-4']);

    // A day without orders creates nothing but advances the account.
    expect(await scheduled(cn('2025-11-20 03:00'), DAILY)).toEqual({
      settlementsCreated: 0,
      ordersSettled: 0,
      total: 0,
    });
    expect(await settledUntil(DAILY)).toEqual(cn('2025-11-20 00:00'));

    // The doubtful one resolved as reconciled: settled once, by the next run.
    await app.setReconciliationStatus(['D-6'], 1);
    await scheduled(cn('2025-11-21 03:00'), DAILY);
    const all = await app.sql<{ platform_order_no: string; n: number }>(
      `select platform_order_no, count(*)::int as n from settled_order where merchant_id = ? group by 1 order by 1`,
      [DAILY],
    );
    expect(all).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-6'].map((no) => ({ platform_order_no: no, n: 1 })));
  });

  it('weekly: periods end on Monday 00:00 China time', async () => {
    await app.givenPayments([
      pay(WEEKLY, 'W-SUN', '2025-11-16 23:30:00', 1_000), // Sunday
      pay(WEEKLY, 'W-MON', '2025-11-17 00:00:00', 2_000), // Monday 00:00
      pay(WEEKLY, 'W-WED', '2025-11-19 12:00:00', 3_000),
    ]);
    await scheduled(cn('2025-11-19 12:30'), WEEKLY); // Wednesday: the week ended on Monday
    const [first] = await settlementsOf(WEEKLY);
    expect(first).toMatchObject({ period_end: cn('2025-11-17 00:00'), order_count: 1, method: 3 });
    expect(await settledOrdersOf(first!.id)).toEqual(['W-SUN']);
    // Sunday night: still the same week.
    expect((await scheduled(cn('2025-11-23 23:59'), WEEKLY)).settlementsCreated).toBe(0);
    await scheduled(cn('2025-11-24 00:30'), WEEKLY);
    const [, second] = await settlementsOf(WEEKLY);
    expect(second).toMatchObject({
      period_start: cn('2025-11-17 00:00'),
      period_end: cn('2025-11-24 00:00'),
    });
    expect(await settledOrdersOf(second!.id)).toEqual(['W-MON', 'W-WED']);
  });

  it('monthly and yearly: periods end on the 1st and on January 1st', async () => {
    await app.givenPayments([
      pay(MONTHLY, 'M-OCT', '2025-10-31 23:59:59', 5_000),
      pay(MONTHLY, 'M-NOV', '2025-11-01 00:00:00', 6_000),
      pay(YEARLY, 'Y-2024', '2024-12-31 23:00:00', 7_000),
      pay(YEARLY, 'Y-2025', '2025-01-01 00:00:00', 8_000),
    ]);
    await scheduled(cn('2025-11-19 03:00'), MONTHLY);
    const [october] = await settlementsOf(MONTHLY);
    expect(october).toMatchObject({ period_end: cn('2025-11-01 00:00'), method: 1 });
    expect(await settledOrdersOf(october!.id)).toEqual(['M-OCT']);
    await scheduled(cn('2025-12-01 00:00'), MONTHLY);
    const [, november] = await settlementsOf(MONTHLY);
    expect(november).toMatchObject({
      period_start: cn('2025-11-01 00:00'),
      period_end: cn('2025-12-01 00:00'),
    });
    expect(await settledOrdersOf(november!.id)).toEqual(['M-NOV']);

    await scheduled(cn('2025-11-19 03:00'), YEARLY);
    const [year] = await settlementsOf(YEARLY);
    expect(year).toMatchObject({ period_end: cn('2025-01-01 00:00') });
    expect(await settledOrdersOf(year!.id)).toEqual(['Y-2024']);
  });

  it('skips deleted accounts and accounts without a period on a schedule', async () => {
    await app.givenPayments([
      pay(DELETED, 'X-1', '2025-11-17 10:00:00', 1_000),
      pay(ON_DEMAND, 'O-1', '2025-11-17 10:00:00', 2_000),
      pay(ON_DEMAND, 'O-2', '2025-11-17 11:00:00', 3_000, { fee: 500 }),
    ]);
    await app.gql(
      `mutation ($input: DeleteSettlementAccountInput!) { deleteSettlementAccount(input: $input) { id } }`,
      {
        input: { id: accounts.get(DELETED) },
      },
    );
    await scheduled(cn('2025-11-19 03:00'));
    expect(await settlementsOf(DELETED)).toEqual([]);
    expect(await settlementsOf(ON_DEMAND)).toEqual([]);
  });

  const RUN = `mutation ($input: RunSettlementsInput) {
    runSettlements(input: $input) { settlementsCreated ordersSettled total }
  }`;

  it('runs on demand for an operator, who becomes the person; others may not', async () => {
    for (const actor of [ACTORS.merchant, ACTORS.analyst]) {
      expect(errorCodes(await app.gql(RUN, { input: { merchantId: ON_DEMAND } }, actor))).toEqual([
        'FORBIDDEN',
      ]);
    }
    const future = addDays(new Date(), 1).toISOString();
    expect(errorCodes(await app.gql(RUN, { input: { merchantId: ON_DEMAND, until: future } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    await app.givenMerchant(3199, 'no account yet');
    expect(errorCodes(await app.gql(RUN, { input: { merchantId: 3199 } }))).toEqual(['NOT_FOUND']);
    expect(await settlementsOf(ON_DEMAND)).toEqual([]);

    // Only up to `until`: O-2 was paid after it.
    const partial = dataOf(
      await app.gql<{ runSettlements: Record<string, unknown> }>(RUN, {
        input: { merchantId: ON_DEMAND, until: cn('2025-11-17 10:30').toISOString() },
      }),
    ).runSettlements;
    expect(partial).toEqual({ settlementsCreated: 1, ordersSettled: 1, total: '17.70' });
    const rest = dataOf(
      await app.gql<{ runSettlements: Record<string, unknown> }>(RUN, { input: { merchantId: ON_DEMAND } }),
    ).runSettlements;
    expect(rest).toEqual({ settlementsCreated: 1, ordersSettled: 1, total: '25.00' });
    const rows = await settlementsOf(ON_DEMAND);
    expect(rows.map((r) => [r.person, r.method, r.period_end < new Date()])).toEqual([
      ['ops-alice', 4, true],
      ['ops-alice', 4, true],
    ]);
    expect(rows[1]!.period_start).toEqual(cn('2025-11-17 10:30'));
    // Again: nothing left.
    expect(
      dataOf(
        await app.gql<{ runSettlements: { settlementsCreated: number } }>(RUN, {
          input: { merchantId: ON_DEMAND },
        }),
      ).runSettlements.settlementsCreated,
    ).toBe(0);
  });

  /**
   * The statements of the run's transaction (other work of the process — the billing
   * module's background jobs — runs on the same pool, so a global count would be noisy).
   */
  async function statementsOfRun(run: () => Promise<unknown>): Promise<string[]> {
    const seen: { tx: string | undefined; sql: string }[] = [];
    const knex = app.orm.em.getConnection().getKnex();
    const listener = (q: { sql: string; __knexTxId?: string }) => seen.push({ tx: q.__knexTxId, sql: q.sql });
    knex.on('query', listener);
    try {
      await run();
    } finally {
      knex.off('query', listener);
    }
    const tx = seen.find((q) => q.sql.includes('pg_advisory_xact_lock'))?.tx;
    return seen
      .filter((q) => tx !== undefined && q.tx === tx)
      .map((q) =>
        /^begin/i.test(q.sql)
          ? 'BEGIN'
          : /^commit/i.test(q.sql)
            ? 'COMMIT'
            : q.sql.includes('pg_advisory_xact_lock')
              ? 'LOCK'
              : q.sql.includes('insert into settled_order')
                ? 'RUN'
                : q.sql.slice(0, 40),
      );
  }

  it('settles each order once when runs overlap, in a constant number of statements', async () => {
    const orders = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        pay(BUSY, `B-${String(from + i).padStart(5, '0')}`, '2025-11-20 08:00:00', 100 + i),
      );
    await app.givenPayments(orders(0, 20));
    const statementsFor20 = await statementsOfRun(() =>
      runSettlement(app.orm.em.fork(), app.config, {
        until: cn('2025-11-20 09:00'),
        person: 'ops-alice',
        scheduled: false,
        merchantId: BUSY,
      }),
    );
    await app.givenPayments(orders(20, 600));
    const concurrent = await Promise.all(
      ['2025-11-20 09:10', '2025-11-20 09:20', '2025-11-20 09:30', '2025-11-20 09:40'].map((until) =>
        runSettlement(app.orm.em.fork(), app.config, {
          until: cn(until),
          person: 'ops-alice',
          scheduled: false,
          merchantId: BUSY,
        }),
      ),
    );
    expect(concurrent.reduce((n, r) => n + r.ordersSettled, 0)).toBe(600);
    expect(concurrent.filter((r) => r.settlementsCreated === 1)).toHaveLength(1);
    const [counts] = await app.sql<{ orders: number; distinct_orders: number; recorded: number }>(
      `select count(*)::int as orders, count(distinct platform_order_no)::int as distinct_orders,
              (select sum(order_count)::int from settlement where merchant_id = ?) as recorded
       from settled_order where merchant_id = ?`,
      [BUSY, BUSY],
    );
    expect(counts).toEqual({ orders: 620, distinct_orders: 620, recorded: 620 });
    // 300 orders cost what 20 did: begin, lock, one statement, commit.
    await app.givenPayments(orders(620, 300));
    const statementsFor300 = await statementsOfRun(() =>
      runSettlement(app.orm.em.fork(), app.config, {
        until: cn('2025-11-20 10:00'),
        person: 'ops-alice',
        scheduled: false,
        merchantId: BUSY,
      }),
    );
    expect(statementsFor20).toEqual(['BEGIN', 'LOCK', 'RUN', 'COMMIT']);
    expect(statementsFor300).toEqual(statementsFor20);
  });

  it('works the scheduled queue: the job settles every periodic account up to its latest boundary', async () => {
    const yesterday = addDays(startOfChinaDay(new Date()), -1);
    await app.givenPayments([
      {
        platformOrderNo: 'J-1',
        merchantId: JOB,
        amount: 9_900,
        fee: 900,
        paidAt: new Date(yesterday.getTime() + 3600_000),
      },
    ]);
    await app.server.runtime.jobs.send(SETTLEMENT_RUN_QUEUE, {});
    const [row] = await eventually(async () => {
      const rows = await settlementsOf(JOB);
      return rows.length > 0 ? rows : undefined;
    }, 'the scheduled settlement');
    expect(row).toMatchObject({
      person: 'auto',
      order_count: 1,
      total: '9000',
      period_end: startOfChinaDay(new Date()),
    });
  });

  it('shows a settlement with its orders, account and merchant through the graph', async () => {
    const [settlement] = await settlementsOf(DAILY);
    const query = `query ($code: String!) { settlement(code: $code) {
      code merchantId merchant { id } merchantName method methodCode orderCount total orderTotal
      periodStart periodEnd person state stateCode settlementTime settledBy voucher { url } remark isDelete createdAt
      account { id code accountNo period }
      orders(pageSize: 1) { totalCount nodes { platformOrderNo amount merchantIncome paidAt } }
    } }`;
    const view = dataOf(
      await app.gql<{ settlement: Record<string, unknown> }>(query, { code: settlement!.code }),
    ).settlement;
    expect(view).toEqual({
      code: settlement!.code,
      merchantId: DAILY,
      merchant: { id: DAILY },
      merchantName: `merchant ${DAILY}`,
      method: 'WECHAT',
      methodCode: 2,
      orderCount: 2,
      total: '265.50',
      orderTotal: '300.00',
      periodStart: null,
      periodEnd: cn('2025-11-18 00:00').toISOString(),
      person: 'auto',
      state: 'PENDING',
      stateCode: 1,
      settlementTime: null,
      settledBy: null,
      voucher: null,
      remark: null,
      isDelete: false,
      createdAt: expect.any(String),
      account: {
        id: accounts.get(DAILY),
        code: expect.any(String),
        accountNo: `NO${DAILY}`,
        period: 'DAILY',
      },
      orders: {
        totalCount: 2,
        nodes: [
          {
            platformOrderNo: 'D-1',
            amount: '100.00',
            merchantIncome: '88.50',
            paidAt: cn('2025-11-17 10:00').toISOString(),
          },
        ],
      },
    });
    // Another merchant's settlement is invisible to a merchant; its own are listed.
    const asOther = await app.gql(query, { code: settlement!.code }, ACTORS.merchant);
    expect(dataOf(asOther)).toEqual({ settlement: null });
    const merchantSettlements = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Merchant { id settlements(pageSize: 1) { totalCount nodes { code } } }
      ... on Settlement { code orderCount }
    } }`;
    const entities = dataOf(
      await app.gql<{ _entities: unknown[] }>(merchantSettlements, {
        r: [
          { __typename: 'Merchant', id: DAILY },
          { __typename: 'Merchant', id: WEEKLY },
          { __typename: 'Merchant', id: 3199 },
          { __typename: 'Settlement', code: settlement!.code },
          { __typename: 'Settlement', code: 'nope' },
        ],
      }),
    )._entities;
    const dailyCodes = (await settlementsOf(DAILY)).map((s) => s.code);
    const weeklyCodes = (await settlementsOf(WEEKLY)).map((s) => s.code);
    expect(entities).toEqual([
      { id: DAILY, settlements: { totalCount: dailyCodes.length, nodes: [{ code: dailyCodes.at(-1) }] } },
      { id: WEEKLY, settlements: { totalCount: weeklyCodes.length, nodes: [{ code: weeklyCodes.at(-1) }] } },
      { id: 3199, settlements: { totalCount: 0, nodes: [] } },
      { code: settlement!.code, orderCount: 2 },
      null,
    ]);
  });
});

import { dataOf, formatFen, sqlStatementCount, type Actor } from '@pay/common';
import { Order } from '../../src/modules/order/order.entity';
import { orderPropertiesFor } from '../../src/modules/order/order.query';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  completeOrder,
  createOrder,
  expectError,
  forceStatus,
  sql,
  type OrderView,
} from '../support/order-helpers';

const ORDERS = `query ($filter: OrderFilterInput, $page: Int, $pageSize: Int, $first: Int, $after: String) {
  orders(filter: $filter, page: $page, pageSize: $pageSize, first: $first, after: $after) {
    page pageSize totalCount totalPages
    nodes { merchantOrderNo platformOrderNo merchantId amount statusCode channelCode }
    edges { cursor node { merchantOrderNo } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    summary { orderCount grossAmount merchantIncome agentIncome }
  }
}`;

interface OrdersPage {
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  nodes: {
    merchantOrderNo: string;
    platformOrderNo: string;
    merchantId: number;
    amount: string;
    statusCode: number;
    channelCode: string;
  }[];
  edges: { cursor: string; node: { merchantOrderNo: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  summary: { orderCount: number; grossAmount: string; merchantIncome: string; agentIncome: string };
}

/** Merchant 2023100's 25 orders: Q-00 … Q-24, amounts 11.00 … 35.00, one hour apart from BASE. */
const BASE = Date.parse('2025-11-01T00:00:00Z');
const HOUR = 3_600_000;
const COUNT = 25;
const PAID = [2, 5, 8, 11, 14];
const WITHHELD = [20, 21];
const noOf = (i: number) => `Q-${String(i).padStart(2, '0')}`;
const amountOf = (i: number) => (11 + i) * 100;
const createdAt = (i: number) => new Date(BASE + i * HOUR);
const paidAt = (i: number) => new Date(BASE + i * HOUR + HOUR / 2);
const indices = (predicate: (i: number) => boolean) => [...Array(COUNT).keys()].filter(predicate);

describe('order queries', () => {
  let app: OrdersTestApp;
  const orders: OrderView[] = [];
  const zfbOrders: OrderView[] = [];

  beforeAll(async () => {
    app = await startOrdersTestApp();
    for (let i = 0; i < COUNT; i += 1) {
      orders.push(
        await createOrder(
          app,
          { amount: formatFen(amountOf(i)), merchantOrderNo: noOf(i) },
          ACTORS.otherMerchant,
        ),
      );
    }
    for (const i of PAID) await completeOrder(app, { platformOrderNo: orders[i]!.platformOrderNo });
    for (const i of WITHHELD) await forceStatus(app, orders[i]!.platformOrderNo, 'WITHHELD');
    for (let i = 0; i < COUNT; i += 1) {
      const paid = PAID.includes(i) || WITHHELD.includes(i);
      await sql(app, 'update "order" set created_at = ?, paid_at = ? where platform_order_no = ?', [
        createdAt(i),
        paid ? paidAt(i) : null,
        orders[i]!.platformOrderNo,
      ]);
    }
    for (const amount of ['100.00', '50.00', '20.00'])
      zfbOrders.push(await createOrder(app, { amount }, ACTORS.merchant));
    await completeOrder(app, { platformOrderNo: zfbOrders[0]!.platformOrderNo });
  });

  afterAll(async () => {
    await app.close();
  });

  async function list(
    variables: Record<string, unknown>,
    actor: Actor = ACTORS.otherMerchant,
  ): Promise<OrdersPage> {
    return dataOf(await app.gql<{ orders: OrdersPage }>(ORDERS, variables, actor)).orders;
  }

  /** The merchant order numbers of every order matching `filter` (one page of 100). */
  async function numbers(
    filter: Record<string, unknown>,
    actor: Actor = ACTORS.otherMerchant,
  ): Promise<string[]> {
    const page = await list({ filter, pageSize: 100 }, actor);
    expect(page.totalCount).toBe(page.nodes.length);
    return page.nodes.map((n) => n.merchantOrderNo).sort();
  }

  const expected = (is: number[]) => is.map(noOf).sort();

  describe('orders', () => {
    it('defaults to page 1 of 20, newest first, with totalCount and totalPages', async () => {
      const page = await list({});
      expect(page).toMatchObject({ page: 1, pageSize: 20, totalCount: 25, totalPages: 2 });
      expect(page.nodes).toHaveLength(20);
      expect(page.nodes[0]).toMatchObject({
        merchantOrderNo: 'Q-24',
        merchantId: 2023100,
        amount: '35.00',
        channelCode: 'wxhftest',
      });
      expect(page.nodes.map((n) => n.merchantOrderNo)).toEqual(
        indices((i) => i >= 5)
          .reverse()
          .map(noOf),
      );
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await list({ page: 2 });
      expect(second).toMatchObject({ page: 2, pageSize: 20, totalCount: 25, totalPages: 2 });
      expect(second.nodes.map((n) => n.merchantOrderNo)).toEqual(['Q-04', 'Q-03', 'Q-02', 'Q-01', 'Q-00']);
      expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(await list({ pageSize: 7 })).toMatchObject({ totalCount: 25, totalPages: 4, pageSize: 7 });
      expect((await list({ page: 9 })).nodes).toEqual([]);
    });

    it('accepts pageSize 100 and refuses 101 (and first 101) with BAD_USER_INPUT', async () => {
      expect((await list({ pageSize: 100 })).nodes).toHaveLength(25);
      expectError(await app.gql(ORDERS, { pageSize: 101 }, ACTORS.otherMerchant), 'BAD_USER_INPUT');
      expectError(await app.gql(ORDERS, { first: 101 }, ACTORS.otherMerchant), 'BAD_USER_INPUT');
      expectError(await app.gql(ORDERS, { pageSize: 0 }, ACTORS.otherMerchant), 'BAD_USER_INPUT');
    });

    it('continues with Relay first/after until the end, each order once', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      const pages: OrdersPage[] = [];
      for (;;) {
        const page = await list({ first: 10, ...(after ? { after } : {}) });
        pages.push(page);
        seen.push(...page.edges.map((e) => e.node.merchantOrderNo));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(pages.map((p) => p.edges.length)).toEqual([10, 10, 5]);
      expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
      expect(seen).toEqual(
        indices(() => true)
          .reverse()
          .map(noOf),
      );
      expect(pages[1]!.pageInfo.startCursor).toBe(pages[1]!.edges[0]!.cursor);
    });

    it('filters by status code (0 pending, 1 paid, 2 withheld)', async () => {
      expect(await numbers({ statusCode: 1 })).toEqual(expected(PAID));
      expect(await numbers({ statusCode: 2 })).toEqual(expected(WITHHELD));
      expect(await numbers({ statusCode: 0 })).toEqual(
        expected(indices((i) => !PAID.includes(i) && !WITHHELD.includes(i))),
      );
      expectError(
        await app.gql(ORDERS, { filter: { statusCode: 3 } }, ACTORS.otherMerchant),
        'BAD_USER_INPUT',
      );
    });

    it('filters by merchant and platform order number', async () => {
      expect(await numbers({ merchantOrderNo: 'Q-07' })).toEqual(['Q-07']);
      expect(await numbers({ platformOrderNo: orders[9]!.platformOrderNo })).toEqual(['Q-09']);
      expect(await numbers({ merchantOrderNo: 'Q-07', platformOrderNo: orders[9]!.platformOrderNo })).toEqual(
        [],
      );
      expect(await numbers({ merchantOrderNo: 'nope' })).toEqual([]);
    });

    it('filters by channel code (platform roles across merchants)', async () => {
      expect(await numbers({ channelCode: 'wxhftest' }, ACTORS.operator)).toEqual(
        expected(indices(() => true)),
      );
      const zfb = await list({ filter: { channelCode: 'zfbwthf' }, pageSize: 100 }, ACTORS.operator);
      expect(zfb.nodes.map((n) => n.platformOrderNo).sort()).toEqual(
        zfbOrders.map((o) => o.platformOrderNo).sort(),
      );
      expect(await numbers({ channelCode: 'zfbwthf' })).toEqual([]);
    });

    it('filters by creation and payment time, bounds included', async () => {
      expect(
        await numbers({ createdFrom: createdAt(10).toISOString(), createdTo: createdAt(14).toISOString() }),
      ).toEqual(expected([10, 11, 12, 13, 14]));
      expect(await numbers({ createdFrom: createdAt(23).toISOString() })).toEqual(expected([23, 24]));
      expect(await numbers({ createdTo: createdAt(1).toISOString() })).toEqual(expected([0, 1]));
      expect(await numbers({ paidFrom: paidAt(5).toISOString(), paidTo: paidAt(11).toISOString() })).toEqual(
        expected([5, 8, 11]),
      );
      expect(await numbers({ paidFrom: paidAt(15).toISOString() })).toEqual(expected(WITHHELD));
    });

    it('filters by amount range, bounds included, and combines filters', async () => {
      expect(await numbers({ minAmount: '20.00', maxAmount: '25.00' })).toEqual(
        expected(indices((i) => i >= 9 && i <= 14)),
      );
      expect(await numbers({ minAmount: '34' })).toEqual(expected([23, 24]));
      expect(await numbers({ maxAmount: '11.00' })).toEqual(expected([0]));
      expect(await numbers({ statusCode: 1, minAmount: '20.00' })).toEqual(expected([11, 14]));
      expectError(
        await app.gql(ORDERS, { filter: { minAmount: '30.00', maxAmount: '20.00' } }, ACTORS.otherMerchant),
        'BAD_USER_INPUT',
      );
    });

    it('sums the summary over every matching order, not just the page', async () => {
      const all = await list({ pageSize: 5 });
      expect(all.nodes).toHaveLength(5);
      const gross = indices(() => true).reduce((s, i) => s + amountOf(i), 0);
      expect(all.summary).toEqual({
        orderCount: 25,
        grossAmount: formatFen(gross),
        merchantIncome: formatFen(gross * 0.9),
        agentIncome: '0.00',
      });
      expect(all.summary.grossAmount).toBe('575.00');
      const paid = await list({ filter: { statusCode: 1 }, pageSize: 2 });
      expect(paid.nodes).toHaveLength(2);
      expect(paid.summary).toEqual({
        orderCount: 5,
        grossAmount: '95.00',
        merchantIncome: '85.50',
        agentIncome: '0.00',
      });
      // The agent's share shows for merchant 2024164 (4 %).
      const agentShop = await list({ filter: { merchantId: 2024164 }, pageSize: 1 }, ACTORS.operator);
      expect(agentShop.summary).toEqual({
        orderCount: 3,
        grossAmount: '170.00',
        merchantIncome: '150.45',
        agentIncome: '6.80',
      });
      const none = await list({ filter: { merchantOrderNo: 'nope' } });
      expect(none).toMatchObject({
        totalCount: 0,
        totalPages: 0,
        summary: { orderCount: 0, grossAmount: '0.00' },
      });
    });

    it('shows a merchant only its own orders; platform roles see all or one merchant', async () => {
      expect(
        (await list({ pageSize: 100 }, ACTORS.merchant)).nodes.every((n) => n.merchantId === 2024164),
      ).toBe(true);
      expect((await list({ pageSize: 100 }, ACTORS.analyst)).totalCount).toBe(28);
      expect((await list({ filter: { merchantId: 2023100 } }, ACTORS.operator)).totalCount).toBe(25);
    });
  });

  describe('order', () => {
    const ORDER = `query ($id: String, $platformOrderNo: String, $merchantOrderNo: String, $merchantId: Int) {
      order(id: $id, platformOrderNo: $platformOrderNo, merchantOrderNo: $merchantOrderNo, merchantId: $merchantId) {
        id merchantOrderNo platformOrderNo merchantId merchantOrderNoFull amount statusCode statusName pzid
        channel { code name } merchant { id name } notifyLogs { id attempt }
      }
    }`;
    const one = async (variables: Record<string, unknown>, actor: Actor = ACTORS.otherMerchant) =>
      dataOf(await app.gql<{ order: Record<string, unknown> | null }>(ORDER, variables, actor)).order;

    it('finds an order by platform order number, merchant order number (merchant scope) or id', async () => {
      const target = orders[3]!;
      const expectedOrder = {
        id: target.id,
        merchantOrderNo: 'Q-03',
        platformOrderNo: target.platformOrderNo,
        merchantId: 2023100,
        merchantOrderNoFull: '2023100Q-03',
        amount: '14.00',
        statusCode: 0,
        pzid: 337,
        channel: { code: 'wxhftest', name: '微信话费测试专用' },
        merchant: { id: 2023100, name: 'other shop' },
      };
      expect(await one({ platformOrderNo: target.platformOrderNo })).toMatchObject(expectedOrder);
      expect(await one({ merchantOrderNo: 'Q-03' })).toMatchObject(expectedOrder);
      expect(await one({ id: target.id })).toMatchObject(expectedOrder);
      expect(await one({ platformOrderNo: target.platformOrderNo }, ACTORS.operator)).toMatchObject(
        expectedOrder,
      );
      expect(await one({ merchantOrderNo: 'Q-03', merchantId: 2023100 }, ACTORS.analyst)).toMatchObject(
        expectedOrder,
      );
      expect(await one({ platformOrderNo: target.platformOrderNo, merchantOrderNo: 'Q-04' })).toBeNull();
    });

    it('answers null for an unknown order and BAD_USER_INPUT for a merchant order number without a merchant', async () => {
      expect(await one({ platformOrderNo: 'H00000000000000000000' })).toBeNull();
      expect(await one({ merchantOrderNo: 'Q-99' })).toBeNull();
      expect(await one({ id: '999999999' })).toBeNull();
      expectError(await app.gql(ORDER, { merchantOrderNo: 'Q-03' }, ACTORS.operator), 'BAD_USER_INPUT');
    });

    it('has no notify logs for a new order', async () => {
      const fresh = await createOrder(app, { amount: '10.00' }, ACTORS.otherMerchant);
      expect(await one({ platformOrderNo: fresh.platformOrderNo })).toMatchObject({ notifyLogs: [] });
    });
  });

  describe('merchants, channels and upstream configs', () => {
    it('gives a merchant itself and platform roles any merchant', async () => {
      const MERCHANT = `query ($id: Int) { merchant(id: $id) { id name status agent { name } channelSettings { channel { code } rate agentRate enabled roundRobin } } }`;
      expect(dataOf(await app.gql(MERCHANT, {}, ACTORS.merchant)).merchant).toEqual({
        id: 2024164,
        name: 'jl888',
        status: expect.any(String),
        agent: { name: 'Agent Zhang' },
        channelSettings: [
          { channel: { code: 'zfbwthf' }, rate: 11.5, agentRate: 4, enabled: true, roundRobin: true },
          { channel: { code: 'cwtlt' }, rate: 9, agentRate: 0, enabled: true, roundRobin: false },
        ],
      });
      expect(dataOf(await app.gql(MERCHANT, { id: 2024164 }, ACTORS.merchant)).merchant).toMatchObject({
        id: 2024164,
      });
      expect(dataOf(await app.gql(MERCHANT, { id: 2023100 }, ACTORS.operator)).merchant).toMatchObject({
        id: 2023100,
        agent: null,
      });
      expect(dataOf(await app.gql(MERCHANT, {}, ACTORS.operator)).merchant).toBeNull();
      expect(dataOf(await app.gql(MERCHANT, { id: 1 }, ACTORS.operator)).merchant).toBeNull();
    });

    it('lists merchants for platform roles only', async () => {
      const MERCHANTS = `query ($status: MerchantStatus, $name: String) { merchants(status: $status, name: $name) { totalCount nodes { id status } } }`;
      const all = dataOf(
        await app.gql<{ merchants: { totalCount: number; nodes: { id: number }[] } }>(
          MERCHANTS,
          {},
          ACTORS.analyst,
        ),
      ).merchants;
      expect(all.totalCount).toBe(3);
      expect(all.nodes.map((n) => n.id)).toEqual([2020001, 2023100, 2024164]);
      const disabled = dataOf(
        await app.gql<{ merchants: { nodes: { id: number }[] } }>(
          MERCHANTS,
          { status: 'DISABLED' },
          ACTORS.operator,
        ),
      ).merchants;
      expect(disabled.nodes.map((n) => n.id)).toEqual([2020001]);
      const byName = dataOf(
        await app.gql<{ merchants: { nodes: { id: number }[] } }>(
          MERCHANTS,
          { name: 'SHOP' },
          ACTORS.operator,
        ),
      ).merchants;
      expect(byName.nodes.map((n) => n.id)).toEqual([2020001, 2023100]);
      const wildcard = dataOf(
        await app.gql<{ merchants: { nodes: unknown[] } }>(MERCHANTS, { name: '%' }, ACTORS.operator),
      ).merchants;
      expect(wildcard.nodes).toEqual([]);
      expectError(await app.gql(MERCHANTS, {}, ACTORS.merchant), 'FORBIDDEN');
    });

    it('does not expose the signing key', async () => {
      expectError(
        await app.gql('{ merchant(id: 2024164) { signingKey } }', {}, ACTORS.operator),
        'GRAPHQL_VALIDATION_FAILED',
      );
    });

    it('lists channels in display order for everyone', async () => {
      const CHANNELS = `{ channels { code name payType systemEnabled minAmount maxAmount dailyQuota sortOrder } }`;
      const expectedChannels = [
        {
          code: 'zfbwthf',
          name: '支付宝网厅话费',
          payType: 'ALIPAY',
          systemEnabled: true,
          minAmount: '0.00',
          maxAmount: null,
          dailyQuota: null,
          sortOrder: 1,
        },
        {
          code: 'wxhftest',
          name: '微信话费测试专用',
          payType: 'WECHAT',
          systemEnabled: true,
          minAmount: '10.00',
          maxAmount: '500.00',
          dailyQuota: null,
          sortOrder: 2,
        },
        {
          code: 'cwtlt',
          name: '纯联通',
          payType: 'ALIPAY',
          systemEnabled: false,
          minAmount: '0.00',
          maxAmount: null,
          dailyQuota: null,
          sortOrder: 3,
        },
      ];
      expect(dataOf(await app.gql(CHANNELS, {}, ACTORS.merchant)).channels).toEqual(expectedChannels);
      expect(dataOf(await app.gql(CHANNELS, {}, ACTORS.analyst)).channels).toEqual(expectedChannels);
    });

    it('lists upstream configs with their cost rate for platform roles only', async () => {
      const CONFIGS = `query ($channelCode: String) { upstreamConfigs(channelCode: $channelCode) { pzid name costRate weight enabled channel { code } } }`;
      const configs = dataOf(
        await app.gql<{ upstreamConfigs: { pzid: number; costRate: number; channel: { code: string } }[] }>(
          CONFIGS,
          {},
          ACTORS.analyst,
        ),
      ).upstreamConfigs;
      expect(configs.map((c) => [c.pzid, c.costRate, c.channel.code])).toEqual([
        [332, 0.5, 'zfbwthf'],
        [333, 0.5, 'zfbwthf'],
        [337, 0.6, 'wxhftest'],
        [340, 0.5, 'cwtlt'],
      ]);
      const zfb = dataOf(
        await app.gql<{ upstreamConfigs: { pzid: number }[] }>(
          CONFIGS,
          { channelCode: 'zfbwthf' },
          ACTORS.operator,
        ),
      ).upstreamConfigs;
      expect(zfb.map((c) => c.pzid)).toEqual([332, 333]);
      expectError(await app.gql(CONFIGS, {}, ACTORS.merchant), 'FORBIDDEN');
    });

    it("refuses a merchant the upstream config's costRate but shows its pzid and name", async () => {
      const no = orders[0]!.platformOrderNo;
      const withCost = await app.gql(
        `query ($no: String) { order(platformOrderNo: $no) { upstreamConfig { pzid costRate } } }`,
        { no },
        ACTORS.otherMerchant,
      );
      expectError(withCost, 'FORBIDDEN');
      expect(withCost.body.errors![0]!.path).toEqual(['order', 'upstreamConfig', 'costRate']);
      const plain = await app.gql(
        `query ($no: String) { order(platformOrderNo: $no) { upstreamConfig { pzid name } } }`,
        { no },
        ACTORS.otherMerchant,
      );
      expect(dataOf(plain)).toEqual({
        order: { upstreamConfig: { pzid: 337, name: '华捷四方-网厅微信md5' } },
      });
      const asOperator = await app.gql(
        `query ($no: String) { order(platformOrderNo: $no) { upstreamConfig { costRate } } }`,
        { no },
        ACTORS.operator,
      );
      expect(dataOf(asOperator)).toEqual({ order: { upstreamConfig: { costRate: 0.6 } } });
    });
  });
  // Last: it adds an order, which the counts above do not expect.
  describe('keyset pages', () => {
    const SLIM = `query ($first: Int, $after: String) {
      orders(first: $first, after: $after) { nodes { merchantOrderNo } pageInfo { hasNextPage endCursor } } }`;
    type Slim = {
      nodes: { merchantOrderNo: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    const slim = async (variables: Record<string, unknown>) =>
      dataOf(await app.gql<{ orders: Slim }>(SLIM, variables, ACTORS.otherMerchant)).orders;

    it('continue below the last row seen: an order arriving meanwhile repeats nothing (an offset page would)', async () => {
      const all = (await list({ pageSize: 100 })).nodes.map((n) => n.merchantOrderNo);
      const first = await slim({ first: 10 });
      expect(first.nodes.map((n) => n.merchantOrderNo)).toEqual(all.slice(0, 10));
      const newcomer = await createOrder(
        app,
        { amount: '30.00', merchantOrderNo: 'Q-NEW' },
        ACTORS.otherMerchant,
      );
      expect(newcomer.merchantOrderNo).toBe('Q-NEW');
      const second = await slim({ first: 10, after: first.pageInfo.endCursor });
      expect(second.nodes.map((n) => n.merchantOrderNo)).toEqual(all.slice(10, 20));
      // The same page by number has shifted: it starts with the last row of page one.
      const byNumber = await list({ page: 2, pageSize: 10 });
      expect(byNumber.nodes[0]!.merchantOrderNo).toBe(all[9]);
      const rest: string[] = [];
      let after = second.pageInfo.endCursor;
      for (let more = second.pageInfo.hasNextPage; more;) {
        const page = await slim({ first: 10, after });
        rest.push(...page.nodes.map((n) => n.merchantOrderNo));
        ({ endCursor: after, hasNextPage: more } = page.pageInfo);
      }
      expect(rest).toEqual(all.slice(20));
    });

    it('walks rows that share one instant (ties go by id) without losing or repeating one', async () => {
      const before = (await list({ pageSize: 100 })).nodes.map((n) => n.merchantOrderNo);
      // Two orders at one instant, with microseconds as SQL's now() writes them.
      await sql(
        app,
        `update "order" set created_at = timestamptz '2025-10-31 10:00:00.123456+00' where merchant_order_no in (?, ?)`,
        [noOf(0), noOf(1)],
      );
      const all = (await list({ pageSize: 100 })).nodes.map((n) => n.merchantOrderNo);
      // The oldest now, one instant for both (ties go by id, newest first).
      expect(all.slice(-2)).toEqual([noOf(1), noOf(0)]);
      const walked: string[] = [];
      let after: string | undefined;
      for (let more = true; more;) {
        const page = await slim({ first: 1, ...(after ? { after } : {}) });
        walked.push(...page.nodes.map((n) => n.merchantOrderNo));
        ({ endCursor: after, hasNextPage: more } = page.pageInfo);
      }
      expect(walked).toEqual(all);
      // Put them back where they were.
      for (const i of [0, 1])
        await sql(app, 'update "order" set created_at = ? where merchant_order_no = ?', [
          createdAt(i),
          noOf(i),
        ]);
      expect((await list({ pageSize: 100 })).nodes.map((n) => n.merchantOrderNo)).toEqual(before);
    });

    it('count(*) only when the query shows totalCount or totalPages', async () => {
      // The counter is the process's: the app's background loops (outbox relay, job
      // queue) add statements now and then, never take any away. The fewest of a few
      // tries is the request's own.
      const statementsOf = async (query: string) => {
        let fewest = Infinity;
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const before = sqlStatementCount();
          dataOf(await app.gql(query, { first: 5 }, ACTORS.otherMerchant));
          fewest = Math.min(fewest, sqlStatementCount() - before);
        }
        return fewest;
      };
      expect(await statementsOf(SLIM)).toBe(1);
      expect(await statementsOf(SLIM.replace('nodes {', 'totalCount nodes {'))).toBe(2);
      expect(await statementsOf(SLIM.replace('nodes {', 'totalPages nodes {'))).toBe(2);
      expect(
        await statementsOf(
          SLIM.replace('nodes {', '...counted nodes {') +
            ' fragment counted on OrderConnection { totalCount }',
        ),
      ).toBe(2);
    });

    it('reads only the columns a page asks for, and every field alone answers as the whole order does', async () => {
      const type = dataOf(
        await app.gql<{
          __type: {
            fields: {
              name: string;
              type: { kind: string; ofType: { kind: string; ofType: { kind: string } | null } | null };
            }[];
          };
        }>(
          `{ __type(name: "Order") { fields { name type { kind ofType { kind ofType { kind ofType { kind } } } } } } }`,
        ),
      ).__type.fields;
      const isObject = (t: { kind: string; ofType: unknown }): boolean =>
        t.kind === 'OBJECT' || (t.ofType !== null && isObject(t.ofType as { kind: string; ofType: unknown }));
      expect(type.length).toBeGreaterThan(40);
      // Every field is known to the page's column choice (none falls back to every column) …
      const meta = app.orm.getMetadata().get(Order);
      expect(type.filter((field) => orderPropertiesFor(meta, [field.name]) === null)).toEqual([]);
      expect(orderPropertiesFor(meta, ['statusCode', 'merchant'])).toEqual([
        'id',
        'createdAt',
        'status',
        'merchant',
      ]);
      // … and reads what it needs: the newest order is made a cashier order (its link differs).
      const [newest] = dataOf(
        await app.gql<{ orders: { nodes: { platformOrderNo: string }[] } }>(
          '{ orders(pageSize: 1) { nodes { platformOrderNo } } }',
          {},
          ACTORS.operator,
        ),
      ).orders.nodes;
      await sql(app, 'update "order" set cashier = true where platform_order_no = ?', [
        newest!.platformOrderNo,
      ]);
      for (const field of type) {
        const selection = isObject(field.type) ? `${field.name} { __typename }` : field.name;
        const page = dataOf(
          await app.gql<{ orders: { nodes: Record<string, unknown>[] } }>(
            `{ orders(pageSize: 3) { nodes { id ${selection} } } }`,
            {},
            ACTORS.operator,
          ),
        ).orders.nodes;
        expect(page).toHaveLength(3);
        for (const node of page) {
          const whole = dataOf(
            await app.gql<{ order: Record<string, unknown> }>(
              `query ($id: String!) { order(id: $id) { id ${selection} } }`,
              { id: node.id },
              ACTORS.operator,
            ),
          ).order;
          expect({ field: field.name, value: node }).toEqual({ field: field.name, value: whole });
        }
      }
      await sql(app, 'update "order" set cashier = false where platform_order_no = ?', [
        newest!.platformOrderNo,
      ]);
    });

    it('refuses a cursor it did not make', async () => {
      const forged = Buffer.from('k:abc:1').toString('base64url');
      expectError(await app.gql(SLIM, { first: 5, after: forged }, ACTORS.otherMerchant), 'BAD_USER_INPUT');
    });
  });
});

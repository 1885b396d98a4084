import {
  addDays,
  dataOf,
  formatChinaDate,
  monthlyPartitionsOf,
  sqlStatementCount,
  startOfChinaDay,
  type Actor,
} from '@pay/common';
import type { OrderEvent } from '../../src/modules/order-events/order-event';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import {
  adjust,
  backdate,
  creditKey,
  deliver,
  expectError,
  MERCHANT_A,
  MERCHANT_B,
  paidOrder,
  reversalOf,
} from '../support/money-fixtures';

const LOGS = `query ($merchantId: Int, $type: Int, $startTime: String, $endTime: String, $page: Int, $pageSize: Int, $first: Int, $after: String) {
  moneyLogs(merchantId: $merchantId, type: $type, startTime: $startTime, endTime: $endTime, page: $page, pageSize: $pageSize, first: $first, after: $after) {
    totalCount page pageSize totalPages pageInfo { hasNextPage endCursor }
    nodes { id amount balanceAfter type typeName description orderNo platformOrderNo uniqueNo accountPurpose createdAt }
  }
}`;
const POSTING = `query ($id: ID, $uniqueNo: String) {
  posting(id: $id, uniqueNo: $uniqueNo) { id uniqueNo type typeName orderNo platformOrderNo
    legs { amount accountPurpose account { ownerType ownerId } } }
}`;
const ORDER_POSTINGS = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Order { platformOrderNo postings { uniqueNo type reversesPostingId legs { amount accountPurpose } } }
} }`;
const MERCHANT_LOGS = `query ($representations: [_Any!]!, $type: Int) { _entities(representations: $representations) {
  ... on Merchant { id moneyLogs(type: $type, pageSize: 5) { totalCount nodes { uniqueNo orderNo typeName } } }
} }`;
const ACCOUNTS = `query ($ownerType: AccountOwnerType, $ownerId: String, $purpose: AccountPurpose) {
  accounts(ownerType: $ownerType, ownerId: $ownerId, purpose: $purpose, pageSize: 50) {
    totalCount nodes { id ownerType ownerId purpose balance moneyLogs(pageSize: 1) { totalCount nodes { amount } } }
  }
}`;

interface LogView {
  id: string;
  amount: string;
  balanceAfter: string | null;
  type: number;
  typeName: string;
  description: string;
  orderNo: string | null;
  platformOrderNo: string | null;
  uniqueNo: string;
  accountPurpose: string;
  createdAt: string;
}
interface LogPage {
  totalCount: number;
  page: number;
  pageSize: number;
  totalPages: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: LogView[];
}

describe('money logs (/moneylogs)', () => {
  let app: LedgerTestApp;
  const today = startOfChinaDay(new Date());
  const yesterdayNoon = new Date(addDays(today, -1).getTime() + 12 * 3600_000);
  let order1: OrderEvent;
  let order2: OrderEvent;
  let order3: OrderEvent;
  let theirOrder: OrderEvent;
  let adjustmentKey: string;

  const logs = async (vars: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
    dataOf(await app.gql<{ moneyLogs: LogPage }>(LOGS, { merchantId: MERCHANT_A, ...vars }, actor)).moneyLogs;

  beforeAll(async () => {
    app = await startLedgerTestApp();
    order1 = paidOrder(MERCHANT_A, 'ML-1', 10000);
    order2 = paidOrder(MERCHANT_A, 'ML-2', 20000);
    order3 = paidOrder(MERCHANT_A, 'ML-3', 10000);
    theirOrder = paidOrder(MERCHANT_B, 'ML-B1', 30000);
    await deliver(app, order1);
    await backdate(app, creditKey(order1), yesterdayNoon);
    await deliver(app, order2, theirOrder);
    adjustmentKey = await adjust(app, MERCHANT_A, '10.00', 'compensation for a lost order');
    await deliver(app, order3, reversalOf(order3));
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists the legs of the available and frozen accounts, newest first, with everything /moneylogs shows', async () => {
    const page = await logs({});
    expect(page).toMatchObject({ totalCount: 5, page: 1, pageSize: 20, totalPages: 1 });
    expect(page.nodes.map((n) => [n.typeName, n.amount, n.accountPurpose])).toEqual([
      ['reversal', '-88.50', 'MERCHANT_FROZEN'],
      ['recharge', '88.50', 'MERCHANT_FROZEN'],
      ['adjustment', '10.00', 'MERCHANT_AVAILABLE'],
      ['recharge', '177.00', 'MERCHANT_FROZEN'],
      ['recharge', '88.50', 'MERCHANT_FROZEN'],
    ]);
    const ids = page.nodes.map((n) => Number(n.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(page.nodes[3]).toMatchObject({
      type: 1,
      balanceAfter: '265.50',
      description: '资金流水记录：订单金额200.00元，到账金额177.00元',
      orderNo: `${MERCHANT_A}ML-2`,
      platformOrderNo: order2.payload.platformOrderNo,
      uniqueNo: `${MERCHANT_A}ML-2_bd0`,
    });
    expect(page.nodes[2]).toMatchObject({
      type: 0,
      balanceAfter: '10.00',
      description: 'compensation for a lost order',
      orderNo: null,
      uniqueNo: adjustmentKey,
    });
    expect(page.nodes[0]).toMatchObject({
      type: 4,
      uniqueNo: `${MERCHANT_A}ML-3_rv0`,
      balanceAfter: '265.50',
    });
    expect(page.nodes.every((n) => !n.orderNo || n.orderNo.startsWith(String(MERCHANT_A)))).toBe(true);
  });

  it('filters by type code (style)', async () => {
    expect((await logs({ type: 0 })).nodes.map((n) => n.uniqueNo)).toEqual([adjustmentKey]);
    const incomes = await logs({ type: 1 });
    expect(incomes.totalCount).toBe(3);
    expect(incomes.nodes.every((n) => n.typeName === 'recharge')).toBe(true);
    expect((await logs({ type: 2 })).totalCount).toBe(0);
    expectError(await app.gql(LOGS, { merchantId: MERCHANT_A, type: 99 }), 'BAD_USER_INPUT');
  });

  it('filters by time (China time; an end date covers its whole day, a time is inclusive to the second)', async () => {
    const yesterday = formatChinaDate(yesterdayNoon);
    const onlyYesterday = await logs({ startTime: yesterday, endTime: yesterday });
    expect(onlyYesterday.nodes.map((n) => n.uniqueNo)).toEqual([creditKey(order1)]);
    expect((await logs({ startTime: formatChinaDate(today) })).totalCount).toBe(4);
    expect((await logs({ endTime: `${yesterday} 12:00:00` })).totalCount).toBe(1);
    expect((await logs({ endTime: `${yesterday} 11:59:59` })).totalCount).toBe(0);
    expect((await logs({ startTime: `${yesterday} 12:00:01` })).totalCount).toBe(4);
    const unix = String(Math.floor(yesterdayNoon.getTime() / 1000));
    expect((await logs({ startTime: unix, endTime: unix })).totalCount).toBe(1);
    expect((await logs({ type: 1, startTime: formatChinaDate(today) })).totalCount).toBe(2);
    expectError(await app.gql(LOGS, { merchantId: MERCHANT_A, startTime: 'yesterday' }), 'BAD_USER_INPUT');
    expectError(
      await app.gql(LOGS, { merchantId: MERCHANT_A, startTime: '2025-11-17', endTime: '2025-11-16' }),
      'BAD_USER_INPUT',
    );
  });

  it('filters by order: merchant or platform order number, with the other filters', async () => {
    const byOrder = async (
      orderNo: string,
      vars: Record<string, unknown> = {},
      actor: Actor = ACTORS.operator,
    ) =>
      dataOf(
        await app.gql<{ moneyLogs: LogPage }>(
          `query ($merchantId: Int, $orderNo: String, $type: Int) {
            moneyLogs(merchantId: $merchantId, orderNo: $orderNo, type: $type) { totalCount nodes { uniqueNo } } }`,
          { merchantId: MERCHANT_A, orderNo, ...vars },
          actor,
        ),
      ).moneyLogs;
    expect((await byOrder(`${MERCHANT_A}ML-3`)).nodes.map((n) => n.uniqueNo)).toEqual([
      `${MERCHANT_A}ML-3_rv0`,
      `${MERCHANT_A}ML-3_bd0`,
    ]);
    expect((await byOrder(order2.payload.platformOrderNo)).nodes.map((n) => n.uniqueNo)).toEqual([
      `${MERCHANT_A}ML-2_bd0`,
    ]);
    expect((await byOrder(`${MERCHANT_A}ML-3`, { type: 1 })).totalCount).toBe(1);
    expect((await byOrder('no-such-order')).totalCount).toBe(0);
    // Another merchant's order number finds nothing in this merchant's logs.
    expect((await byOrder(`${MERCHANT_B}ML-B1`, {}, ACTORS.merchant)).totalCount).toBe(0);
  });

  it('pages (default 1/20, at most 200) and continues with cursors', async () => {
    const second = await logs({ page: 2, pageSize: 2 });
    expect(second).toMatchObject({ totalCount: 5, page: 2, pageSize: 2, totalPages: 3 });
    const all = await logs({ pageSize: 200 });
    expect(second.nodes.map((n) => n.id)).toEqual(all.nodes.slice(2, 4).map((n) => n.id));
    const first = await logs({ first: 2 });
    const next = await logs({ first: 2, after: first.pageInfo.endCursor });
    expect(next.nodes.map((n) => n.id)).toEqual(second.nodes.map((n) => n.id));
    expect((await logs({ page: 9 })).nodes).toEqual([]);
    expectError(await app.gql(LOGS, { merchantId: MERCHANT_A, pageSize: 201 }), 'BAD_USER_INPUT');
    expectError(await app.gql(LOGS, { merchantId: MERCHANT_A, pageSize: 0 }), 'BAD_USER_INPUT');
    expectError(await app.gql(LOGS, { merchantId: MERCHANT_A, page: 0 }), 'BAD_USER_INPUT');
  });

  describe('postings', () => {
    it('reads a posting by id or key with all its legs (platform roles)', async () => {
      const byKey = dataOf(
        await app.gql<{ posting: { id: string; legs: { amount: string }[]; typeName: string } }>(
          POSTING,
          { uniqueNo: creditKey(order2) },
          ACTORS.analyst,
        ),
      ).posting;
      expect(byKey.typeName).toBe('recharge');
      expect(byKey.legs.length).toBe(4);
      const sum = byKey.legs.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
      expect(sum).toBe(0);
      const byId = dataOf(
        await app.gql<{ posting: { uniqueNo: string } }>(POSTING, { id: byKey.id }),
      ).posting;
      expect(byId.uniqueNo).toBe(creditKey(order2));
      expect(dataOf(await app.gql(POSTING, { uniqueNo: 'nope' })).posting).toBeNull();
      expectError(await app.gql(POSTING, {}), 'BAD_USER_INPUT');
      expectError(await app.gql(POSTING, { id: '1', uniqueNo: 'x' }), 'BAD_USER_INPUT');
    });

    it('gives the postings of an order by its platform order number, in batches', async () => {
      const data = dataOf(
        await app.gql<{
          _entities: {
            platformOrderNo: string;
            postings: { uniqueNo: string; type: number; reversesPostingId: string | null }[];
          }[];
        }>(ORDER_POSTINGS, {
          representations: [
            { __typename: 'Order', platformOrderNo: order3.payload.platformOrderNo },
            { __typename: 'Order', platformOrderNo: order2.payload.platformOrderNo },
            { __typename: 'Order', platformOrderNo: 'P-unknown' },
          ],
        }),
      );
      expect(data._entities[0]!.postings.map((p) => [p.uniqueNo, p.type])).toEqual([
        [`${MERCHANT_A}ML-3_bd0`, 1],
        [`${MERCHANT_A}ML-3_rv0`, 4],
      ]);
      expect(data._entities[0]!.postings[1]!.reversesPostingId).not.toBeNull();
      expect(data._entities[1]!.postings.map((p) => p.uniqueNo)).toEqual([creditKey(order2)]);
      expect(data._entities[2]).toEqual({ platformOrderNo: 'P-unknown', postings: [] });
    });
  });

  describe('accounts', () => {
    it('lists accounts with balances through account_balance (hot accounts too)', async () => {
      const data = dataOf(
        await app.gql<{
          accounts: { totalCount: number; nodes: { ownerId: string; purpose: string; balance: string }[] };
        }>(ACCOUNTS, { ownerType: 'MERCHANT', ownerId: String(MERCHANT_A) }),
      );
      expect(Object.fromEntries(data.accounts.nodes.map((a) => [a.purpose, a.balance]))).toEqual({
        MERCHANT_FROZEN: '265.50',
        MERCHANT_AVAILABLE: '10.00',
      });
      const revenue = dataOf(
        await app.gql<{ accounts: { nodes: { balance: string; moneyLogs: { totalCount: number } }[] } }>(
          ACCOUNTS,
          { purpose: 'PLATFORM_REVENUE' },
          ACTORS.analyst,
        ),
      ).accounts.nodes;
      // 100 + 200 + 300 + 100 − 100 paid; the platform keeps 11.5 % − 0.5 %.
      expect(revenue).toEqual([expect.objectContaining({ balance: '66.00' })]);
      expect(revenue[0]!.moneyLogs.totalCount).toBe(5);
    });

    it('is for platform roles only', async () => {
      expectError(await app.gql(ACCOUNTS, {}, ACTORS.merchant), 'FORBIDDEN');
    });
  });

  describe('merchant isolation', () => {
    it("never lists another merchant's logs", async () => {
      const own = await logs({ merchantId: undefined }, ACTORS.merchant);
      expect(own.totalCount).toBe(5);
      expectError(await app.gql(LOGS, { merchantId: MERCHANT_B }, ACTORS.merchant), 'FORBIDDEN');
      const b = dataOf(await app.gql<{ moneyLogs: LogPage }>(LOGS, {}, ACTORS.otherMerchant)).moneyLogs;
      expect(b.nodes.map((n) => n.uniqueNo)).toEqual([creditKey(theirOrder)]);
      expectError(await app.gql(LOGS, {}, ACTORS.operator), 'BAD_USER_INPUT');
    });

    it('reads only postings touching its accounts, and only its own legs of them', async () => {
      expect(
        dataOf(await app.gql(POSTING, { uniqueNo: creditKey(theirOrder) }, ACTORS.merchant)).posting,
      ).toBeNull();
      const mine = dataOf(
        await app.gql<{
          posting: { legs: { amount: string; accountPurpose: string; account: { ownerId: string } }[] };
        }>(POSTING, { uniqueNo: creditKey(order2) }, ACTORS.merchant),
      ).posting;
      expect(mine.legs).toEqual([
        {
          amount: '177.00',
          accountPurpose: 'MERCHANT_FROZEN',
          account: { ownerType: 'MERCHANT', ownerId: String(MERCHANT_A) },
        },
      ]);
    });

    it("sees no postings of another merchant's order and null for another merchant", async () => {
      const data = dataOf(
        await app.gql<{ _entities: { postings: { legs: unknown[] }[] }[] }>(
          ORDER_POSTINGS,
          {
            representations: [
              { __typename: 'Order', platformOrderNo: theirOrder.payload.platformOrderNo },
              { __typename: 'Order', platformOrderNo: order2.payload.platformOrderNo },
            ],
          },
          ACTORS.merchant,
        ),
      );
      expect(data._entities[0]!.postings).toEqual([]);
      expect(data._entities[1]!.postings).toHaveLength(1);
      expect(data._entities[1]!.postings[0]!.legs).toHaveLength(1);
      const merchants = dataOf(
        await app.gql<{ _entities: ({ id: number } | null)[] }>(
          MERCHANT_LOGS,
          {
            representations: [
              { __typename: 'Merchant', id: MERCHANT_B },
              { __typename: 'Merchant', id: MERCHANT_A },
            ],
          },
          ACTORS.merchant,
        ),
      );
      expect(merchants._entities[0]).toBeNull();
      expect(merchants._entities[1]).toMatchObject({ id: MERCHANT_A });
    });
  });

  it('resolves Merchant.moneyLogs of many merchants in a constant number of statements', async () => {
    const statementsFor = async (count: number) => {
      // Distinct merchants: the two with logs, then merchants without any.
      const representations = Array.from({ length: count }, (_, i) => ({
        __typename: 'Merchant',
        id: i === 0 ? MERCHANT_A : i === 1 ? MERCHANT_B : 7000000 + i,
      }));
      const before = sqlStatementCount();
      const data = dataOf(
        await app.gql<{
          _entities: { id: number; moneyLogs: { totalCount: number; nodes: { orderNo: string | null }[] } }[];
        }>(MERCHANT_LOGS, { representations, type: 1 }),
      );
      expect(data._entities[0]!.moneyLogs.totalCount).toBe(3);
      expect(data._entities[1]!.moneyLogs.nodes.map((n) => n.orderNo)).toEqual([`${MERCHANT_B}ML-B1`]);
      expect(data._entities.at(-1)!.moneyLogs.totalCount).toBe(0);
      return sqlStatementCount() - before;
    };
    expect(await statementsFor(12)).toBe(await statementsFor(3));
  });

  describe('keyset pages', () => {
    const KEYSET_MERCHANT = 7100001;
    const SLIM = `query ($merchantId: Int, $first: Int, $after: String) {
      moneyLogs(merchantId: $merchantId, first: $first, after: $after) { nodes { uniqueNo } pageInfo { hasNextPage endCursor } } }`;
    type Slim = { nodes: { uniqueNo: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const slim = async (variables: Record<string, unknown>) =>
      dataOf(await app.gql<{ moneyLogs: Slim }>(SLIM, { merchantId: KEYSET_MERCHANT, ...variables }))
        .moneyLogs;

    it('continue below the last log seen: a log arriving meanwhile repeats nothing (a numbered page would)', async () => {
      const keys: string[] = [];
      for (const amount of ['1.00', '2.00', '3.00', '4.00'])
        keys.push(await adjust(app, KEYSET_MERCHANT, amount));
      const newestFirst = [...keys].reverse();
      const first = await slim({ first: 2 });
      expect(first.nodes.map((n) => n.uniqueNo)).toEqual(newestFirst.slice(0, 2));
      expect(first.pageInfo.hasNextPage).toBe(true);
      await adjust(app, KEYSET_MERCHANT, '5.00');
      const second = await slim({ first: 2, after: first.pageInfo.endCursor });
      expect(second.nodes.map((n) => n.uniqueNo)).toEqual(newestFirst.slice(2, 4));
      expect(second.pageInfo.hasNextPage).toBe(false);
      // Page two by number now starts with the last log of page one.
      const byNumber = await logs({ merchantId: KEYSET_MERCHANT, page: 2, pageSize: 2 });
      expect(byNumber.nodes[0]!.uniqueNo).toBe(newestFirst[1]);
    });

    it('count(*) only when the query shows totalCount or totalPages', async () => {
      // Background loops add statements now and then, never take any away: the fewest of a few tries.
      const statementsOf = async (query: string) => {
        let fewest = Infinity;
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const before = sqlStatementCount();
          dataOf(await app.gql(query, { merchantId: KEYSET_MERCHANT, first: 2 }));
          fewest = Math.min(fewest, sqlStatementCount() - before);
        }
        return fewest;
      };
      const without = await statementsOf(SLIM);
      expect(await statementsOf(SLIM.replace('nodes {', 'totalCount nodes {'))).toBe(without + 1);
      expect(await statementsOf(SLIM.replace('nodes {', 'totalPages nodes {'))).toBe(without + 1);
    });
  });

  it("keeps the legs in monthly partitions, this month's and the next ones' ready", async () => {
    const state = await monthlyPartitionsOf(app.orm.em.getConnection(), 'leg');
    expect(state).toMatchObject({ partitioned: true, monthsAheadReady: true });
    // The postings above wrote their legs into this month's partition.
    expect(state.rowsThisMonth).toBeGreaterThan(0);
  });
});

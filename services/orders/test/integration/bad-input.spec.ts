import { dataOf, type Actor, type GraphQLResponse } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  CANCEL_ORDER,
  COMPLETE_ORDER,
  CREATE_ORDER,
  DEAD_NOTIFY_URL,
  createOrder,
  expectError,
  sql,
  tableCounts,
  type OrderView,
} from '../support/order-helpers';

const ORDERS = `query ($filter: OrderFilterInput, $page: Int, $pageSize: Int, $first: Int, $after: String) {
  orders(filter: $filter, page: $page, pageSize: $pageSize, first: $first, after: $after) { totalCount nodes { id } }
}`;
const ORDER = `query ($id: String, $platformOrderNo: String) { order(id: $id, platformOrderNo: $platformOrderNo) { id } }`;
const SQL_LIKE = `'; drop table "order"; --`;

/**
 * Every malformed request is refused with a typed code, leaks no stack trace, and
 * leaves "order", outbox_event and order_audit exactly as they were.
 */
describe('bad input', () => {
  let app: OrdersTestApp;
  let pending: OrderView;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    pending = await createOrder(app, { amount: '100.00' }, ACTORS.merchant);
  });

  afterAll(async () => {
    await app.close();
  });

  async function expectRefused(
    query: string,
    variables: Record<string, unknown>,
    code: string,
    actor: Actor = ACTORS.merchant,
  ): Promise<{ status: number; body: GraphQLResponse<unknown> }> {
    const before = await tableCounts(app);
    const result = await app.gql(query, variables, actor);
    expectError(result, code);
    expect(await tableCounts(app)).toEqual(before);
    return result;
  }

  const createInput = (input: Record<string, unknown>) => ({
    input: { notifyUrl: DEAD_NOTIFY_URL, amount: '10.00', ...input },
  });

  describe('amounts', () => {
    it.each([
      '-1',
      '1.234',
      'abc',
      '0',
      '1e5',
      '',
      '0.00',
      '1,000.00',
      ' ',
      '100000000000.00',
      'NaN',
      'Infinity',
      '0x10',
    ])('refuses amount %p with INVALID_AMOUNT', async (amount) => {
      await expectRefused(CREATE_ORDER, createInput({ amount }), 'INVALID_AMOUNT');
    });

    it('refuses a non-string amount at the GraphQL layer with BAD_USER_INPUT', async () => {
      await expectRefused(CREATE_ORDER, createInput({ amount: 100 }), 'BAD_USER_INPUT');
      await expectRefused(CREATE_ORDER, createInput({ amount: null }), 'BAD_USER_INPUT');
    });

    it.each(['abc', '-1', '1.234'])(
      'refuses %p as the amount check of a manual action with INVALID_AMOUNT',
      async (amount) => {
        await expectRefused(
          COMPLETE_ORDER,
          { input: { platformOrderNo: pending.platformOrderNo, amount } },
          'INVALID_AMOUNT',
        );
        await expectRefused(
          CANCEL_ORDER,
          { input: { platformOrderNo: pending.platformOrderNo, amount } },
          'INVALID_AMOUNT',
        );
      },
    );

    it('refuses a malformed amount filter with INVALID_AMOUNT', async () => {
      await expectRefused(ORDERS, { filter: { minAmount: 'abc' } }, 'INVALID_AMOUNT');
      await expectRefused(ORDERS, { filter: { maxAmount: '1.234' } }, 'INVALID_AMOUNT');
    });
  });

  describe('pagination', () => {
    it.each([
      [{ pageSize: 1000000 }],
      [{ pageSize: 101 }],
      [{ pageSize: -1 }],
      [{ first: 1000000 }],
      [{ page: 0 }],
      [{ page: -5 }],
      [{ page: 2000000 }],
      [{ after: 'not-a-cursor' }],
    ])('refuses %p with BAD_USER_INPUT', async (args) => {
      await expectRefused(ORDERS, args, 'BAD_USER_INPUT');
    });

    it('refuses a huge merchants page with BAD_USER_INPUT', async () => {
      await expectRefused(
        '{ merchants(pageSize: 1000000) { totalCount } }',
        {},
        'BAD_USER_INPUT',
        ACTORS.operator,
      );
    });
  });

  describe('unknown targets', () => {
    it('refuses an unknown channel with CHANNEL_UNAVAILABLE', async () => {
      await expectRefused(CREATE_ORDER, createInput({ channelCode: 'nope' }), 'CHANNEL_UNAVAILABLE');
      await expectRefused(CREATE_ORDER, createInput({ channelCode: 'x'.repeat(33) }), 'BAD_USER_INPUT');
    });

    it.each([
      ['completeOrder', COMPLETE_ORDER],
      ['cancelOrder', CANCEL_ORDER],
    ])('%s of an unknown order is NOT_FOUND; of no order at all BAD_USER_INPUT', async (_name, mutation) => {
      await expectRefused(mutation, { input: { platformOrderNo: 'H00000000000000000000' } }, 'NOT_FOUND');
      await expectRefused(mutation, { input: { merchantOrderNo: 'no-such-order' } }, 'NOT_FOUND');
      await expectRefused(
        mutation,
        { input: { platformOrderNo: 'x'.repeat(1000) } },
        'NOT_FOUND',
        ACTORS.operator,
      );
      await expectRefused(mutation, { input: {} }, 'BAD_USER_INPUT');
      await expectRefused(
        mutation,
        { input: { merchantOrderNo: 'no-such-order' } },
        'BAD_USER_INPUT',
        ACTORS.operator,
      );
    });

    it('answers null for unknown lookups and BAD_USER_INPUT for a malformed id', async () => {
      expect(dataOf(await app.gql(ORDER, { platformOrderNo: 'nope' })).order).toBeNull();
      await expectRefused(ORDER, { id: 'abc' }, 'BAD_USER_INPUT');
      await expectRefused(ORDER, { id: '1'.repeat(30) }, 'BAD_USER_INPUT');
      // A malformed key resolves to null without failing the valid keys batched with it.
      const entities = await app.gql<{ _entities: unknown[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id } ... on Merchant { merchantNo: id } } }`,
        {
          r: [
            { __typename: 'Order', id: '999999999' },
            { __typename: 'Order', platformOrderNo: 'nope' },
            { __typename: 'Order', id: 'abc' },
            { __typename: 'Order', id: pending.id },
            { __typename: 'Merchant', id: 'x' },
            { __typename: 'Merchant', id: 2024164 },
          ],
        },
        ACTORS.operator,
      );
      expect(dataOf(entities)._entities).toEqual([
        null,
        null,
        null,
        { id: pending.id },
        null,
        { merchantNo: 2024164 },
      ]);
    });

    it('refuses a platform caller without merchantId, and a bad order style, with BAD_USER_INPUT', async () => {
      await expectRefused(CREATE_ORDER, createInput({}), 'BAD_USER_INPUT', ACTORS.operator);
      await expectRefused(CREATE_ORDER, createInput({ orderStyle: 9 }), 'BAD_USER_INPUT');
      await expectRefused(ORDERS, { filter: { statusCode: 7 } }, 'BAD_USER_INPUT');
    });
  });

  describe('lengths', () => {
    it.each([
      ['description', 201],
      ['attach', 501],
      ['merchantOrderNo', 65],
      ['notifyUrl', 501],
      ['returnUrl', 501],
      ['clientIp', 65],
      ['bankCode', 33],
      ['subUserId', 65],
      ['deviceNo', 65],
    ])('refuses %s of %i characters with BAD_USER_INPUT', async (field, length) => {
      const value = field.endsWith('Url')
        ? `https://example.com/${'a'.repeat(length - 20)}`
        : 'a'.repeat(length);
      expect(value).toHaveLength(length);
      await expectRefused(CREATE_ORDER, createInput({ [field]: value }), 'BAD_USER_INPUT');
    });

    it('accepts the longest allowed description, attach and merchant order number', async () => {
      const order = await createOrder(
        app,
        {
          amount: '10.00',
          description: '商'.repeat(200),
          attach: 'a'.repeat(500),
          merchantOrderNo: 'M'.repeat(64),
        },
        ACTORS.merchant,
      );
      expect(order.productTitle).toBe('商'.repeat(200));
      expect(order.attach).toHaveLength(500);
      expect(order.merchantOrderNo).toBe('M'.repeat(64));
    });

    it('refuses a manual action note over 500 characters with BAD_USER_INPUT', async () => {
      await expectRefused(
        COMPLETE_ORDER,
        { input: { platformOrderNo: pending.platformOrderNo, note: 'n'.repeat(501) } },
        'BAD_USER_INPUT',
      );
      await expectRefused(
        CANCEL_ORDER,
        { input: { platformOrderNo: pending.platformOrderNo, note: 'n'.repeat(501) } },
        'BAD_USER_INPUT',
      );
    });
  });

  describe('SQL-looking strings', () => {
    it('refuses one as a merchant order number by the format rule', async () => {
      await expectRefused(CREATE_ORDER, createInput({ merchantOrderNo: SQL_LIKE }), 'BAD_USER_INPUT');
      await expectRefused(CREATE_ORDER, createInput({ merchantOrderNo: 'M 1' }), 'BAD_USER_INPUT');
      await expectRefused(CREATE_ORDER, createInput({ merchantOrderNo: '订单1' }), 'BAD_USER_INPUT');
    });

    it('stores one as a description verbatim, and the table is still there', async () => {
      const before = await tableCounts(app);
      const order = await createOrder(
        app,
        { amount: '10.00', description: SQL_LIKE, attach: `1' or '1'='1` },
        ACTORS.merchant,
      );
      expect(order.productTitle).toBe(SQL_LIKE);
      expect(order.attach).toBe(`1' or '1'='1`);
      const [row] = await sql<{ product_title: string }>(
        app,
        'select product_title from "order" where platform_order_no = ?',
        [order.platformOrderNo],
      );
      expect(row!.product_title).toBe(SQL_LIKE);
      expect(await tableCounts(app)).toEqual({
        ...before,
        orders: before.orders + 1,
        events: before.events + 1,
      }); // its order.state
    });

    it('finds nothing with one as a filter or lookup', async () => {
      expect(
        dataOf(
          await app.gql<{ orders: { totalCount: number } }>(ORDERS, {
            filter: { merchantOrderNo: SQL_LIKE, channelCode: SQL_LIKE },
          }),
        ).orders.totalCount,
      ).toBe(0);
      expect(dataOf(await app.gql(ORDER, { platformOrderNo: SQL_LIKE })).order).toBeNull();
      await expectRefused(COMPLETE_ORDER, { input: { merchantOrderNo: SQL_LIKE } }, 'NOT_FOUND');
      const merchants = dataOf(
        await app.gql<{ merchants: { totalCount: number } }>(
          `query ($n: String) { merchants(name: $n) { totalCount } }`,
          { n: SQL_LIKE },
          ACTORS.operator,
        ),
      );
      expect(merchants.merchants.totalCount).toBe(0);
      expect(
        Number((await sql<{ n: string }>(app, 'select count(*) as n from "order"'))[0]!.n),
      ).toBeGreaterThan(0);
    });
  });

  describe('malformed operations', () => {
    it('answers a parse error, an unknown field and a wrong variable type with typed codes', async () => {
      await expectRefused('{ orders { ', {}, 'GRAPHQL_PARSE_FAILED');
      await expectRefused('{ orders { nodes { secret } } }', {}, 'GRAPHQL_VALIDATION_FAILED');
      await expectRefused(ORDERS, { pageSize: 'ten' }, 'BAD_USER_INPUT');
      await expectRefused(ORDERS, { filter: { createdFrom: 'yesterday' } }, 'BAD_USER_INPUT');
    });
  });
});

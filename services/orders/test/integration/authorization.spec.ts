import { dataOf, postGraphQL, signActorHeader, ACTOR_HEADER, errorCodes } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  CANCEL_ORDER,
  COMPLETE_ORDER,
  CREATE_ORDER,
  completeOrder,
  createOrder,
  eventTopics,
  expectError,
  orderRow,
  tableCounts,
  type OrderView,
} from '../support/order-helpers';

const ORDER = `query ($id: String, $platformOrderNo: String, $merchantOrderNo: String, $merchantId: Int) {
  order(id: $id, platformOrderNo: $platformOrderNo, merchantOrderNo: $merchantOrderNo, merchantId: $merchantId) { id platformOrderNo merchantId }
}`;
const ORDERS = `query ($filter: OrderFilterInput) { orders(filter: $filter, pageSize: 100) { totalCount nodes { merchantId } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Order { id platformOrderNo merchantId amount }
  ... on Merchant { merchantNo: id name }
} }`;
const RESEND = `mutation ($input: ResendNotificationsInput!) { resendNotifications(input: $input) { queued skipped } }`;

/** Merchant A is ACTORS.merchant (2024164); merchant B is ACTORS.otherMerchant (2023100). */
describe('authorization', () => {
  let app: OrdersTestApp;
  let mine: OrderView;
  let theirs: OrderView;
  let theirsPaid: OrderView;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    mine = await createOrder(app, { amount: '10.00', merchantOrderNo: 'A-0001' }, ACTORS.merchant);
    theirs = await createOrder(app, { amount: '20.00', merchantOrderNo: 'B-0001' }, ACTORS.otherMerchant);
    theirsPaid = await createOrder(app, { amount: '30.00', merchantOrderNo: 'B-0002' }, ACTORS.otherMerchant);
    await completeOrder(app, { platformOrderNo: theirsPaid.platformOrderNo });
  });

  afterAll(async () => {
    await app.close();
  });

  describe("a merchant cannot read another merchant's orders", () => {
    it('order(platformOrderNo) answers null', async () => {
      expect(
        dataOf(await app.gql(ORDER, { platformOrderNo: theirs.platformOrderNo }, ACTORS.merchant)).order,
      ).toBeNull();
      expect(
        dataOf(await app.gql(ORDER, { platformOrderNo: mine.platformOrderNo }, ACTORS.merchant)).order,
      ).toMatchObject({ merchantId: 2024164 });
    });

    it('order(merchantOrderNo) looks only among its own orders', async () => {
      expect(dataOf(await app.gql(ORDER, { merchantOrderNo: 'B-0001' }, ACTORS.merchant)).order).toBeNull();
    });

    it('order(id) answers null', async () => {
      expect(dataOf(await app.gql(ORDER, { id: theirs.id }, ACTORS.merchant)).order).toBeNull();
      expect(dataOf(await app.gql(ORDER, { id: mine.id }, ACTORS.merchant)).order).toMatchObject({
        id: mine.id,
      });
    });

    it('naming the other merchant is FORBIDDEN (order, orders)', async () => {
      expectError(
        await app.gql(
          ORDER,
          { platformOrderNo: theirs.platformOrderNo, merchantId: 2023100 },
          ACTORS.merchant,
        ),
        'FORBIDDEN',
      );
      expectError(await app.gql(ORDERS, { filter: { merchantId: 2023100 } }, ACTORS.merchant), 'FORBIDDEN');
      const own = dataOf(
        await app.gql<{ orders: { totalCount: number; nodes: { merchantId: number }[] } }>(
          ORDERS,
          {},
          ACTORS.merchant,
        ),
      ).orders;
      expect(own.totalCount).toBe(1);
      expect(own.nodes.map((n) => n.merchantId)).toEqual([2024164]);
      const byNo = dataOf(
        await app.gql<{ orders: { totalCount: number } }>(
          ORDERS,
          { filter: { platformOrderNo: theirs.platformOrderNo } },
          ACTORS.merchant,
        ),
      );
      expect(byNo.orders.totalCount).toBe(0);
    });

    it('the federation _entities query answers null for their orders and merchant', async () => {
      const representations = [
        { __typename: 'Order', id: theirs.id },
        { __typename: 'Order', platformOrderNo: theirsPaid.platformOrderNo },
        { __typename: 'Order', id: mine.id },
        { __typename: 'Merchant', id: 2023100 },
        { __typename: 'Merchant', id: 2024164 },
      ];
      const result = await app.gql<{ _entities: unknown[] }>(ENTITIES, { representations }, ACTORS.merchant);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!._entities).toEqual([
        null,
        null,
        { id: mine.id, platformOrderNo: mine.platformOrderNo, merchantId: 2024164, amount: '10.00' },
        null,
        { merchantNo: 2024164, name: 'jl888' },
      ]);
      // Platform roles resolve every one.
      const asOperator = dataOf(
        await app.gql<{ _entities: unknown[] }>(ENTITIES, { representations }, ACTORS.operator),
      )._entities;
      expect(asOperator.every((e) => e !== null)).toBe(true);
    });

    it('merchant(id) of another merchant is FORBIDDEN', async () => {
      expectError(await app.gql('query { merchant(id: 2023100) { id } }', {}, ACTORS.merchant), 'FORBIDDEN');
    });
  });

  describe("a merchant cannot act on another merchant's orders", () => {
    it.each([
      ['completeOrder', COMPLETE_ORDER],
      ['cancelOrder', CANCEL_ORDER],
    ])('%s answers NOT_FOUND and leaves the order alone', async (_name, mutation) => {
      for (const target of [theirs, theirsPaid]) {
        const before = await orderRow(app, target.platformOrderNo);
        const counts = await tableCounts(app);
        expectError(
          await app.gql(mutation, { input: { platformOrderNo: target.platformOrderNo } }, ACTORS.merchant),
          'NOT_FOUND',
        );
        expectError(
          await app.gql(mutation, { input: { merchantOrderNo: target.merchantOrderNo } }, ACTORS.merchant),
          'NOT_FOUND',
        );
        expectError(
          await app.gql(
            mutation,
            { input: { merchantOrderNo: target.merchantOrderNo, merchantId: 2023100 } },
            ACTORS.merchant,
          ),
          'FORBIDDEN',
        );
        expect(await orderRow(app, target.platformOrderNo)).toEqual(before);
        expect(await tableCounts(app)).toEqual(counts);
      }
      expect(await eventTopics(app, theirsPaid.platformOrderNo)).toEqual(['order.paid']);
    });

    it('createOrder for another merchant is FORBIDDEN', async () => {
      const counts = await tableCounts(app);
      expectError(
        await app.gql(CREATE_ORDER, { input: { amount: '10.00', merchantId: 2023100 } }, ACTORS.merchant),
        'FORBIDDEN',
      );
      expect(await tableCounts(app)).toEqual(counts);
    });
  });

  describe('read-only and platform-only operations', () => {
    it.each([
      ['createOrder', CREATE_ORDER, () => ({ amount: '10.00', merchantId: 2024164 })],
      ['completeOrder', COMPLETE_ORDER, () => ({ platformOrderNo: mine.platformOrderNo })],
      ['cancelOrder', CANCEL_ORDER, () => ({ platformOrderNo: theirsPaid.platformOrderNo })],
      ['resendNotifications', RESEND, () => ({ platformOrderNos: [theirsPaid.platformOrderNo] })],
    ])('ANALYST may not %s (FORBIDDEN, nothing written)', async (_name, mutation, input) => {
      const counts = await tableCounts(app);
      expectError(await app.gql(mutation, { input: input() }, ACTORS.analyst), 'FORBIDDEN');
      expect(await tableCounts(app)).toEqual(counts);
      expect((await orderRow(app, mine.platformOrderNo)).status).toBe('PENDING');
      expect((await orderRow(app, theirsPaid.platformOrderNo)).status).toBe('PAID');
    });

    it('ANALYST may read', async () => {
      expect(
        dataOf(await app.gql<{ orders: { totalCount: number } }>(ORDERS, {}, ACTORS.analyst)).orders
          .totalCount,
      ).toBe(3);
    });

    it('MERCHANT may not resendNotifications, even for its own orders', async () => {
      const counts = await tableCounts(app);
      expectError(
        await app.gql(RESEND, { input: { platformOrderNos: [mine.platformOrderNo] } }, ACTORS.merchant),
        'FORBIDDEN',
      );
      expectError(
        await app.gql(
          RESEND,
          { input: { platformOrderNos: [theirsPaid.platformOrderNo] } },
          ACTORS.otherMerchant,
        ),
        'FORBIDDEN',
      );
      expect(await tableCounts(app)).toEqual(counts);
    });

    it('OPERATOR may resendNotifications (unpaid and unknown orders are skipped)', async () => {
      const result = dataOf(
        await app.gql<{ resendNotifications: { queued: number; skipped: string[] } }>(RESEND, {
          input: { platformOrderNos: [mine.platformOrderNo, 'H-unknown'] },
        }),
      ).resendNotifications;
      expect(result).toEqual({ queued: 0, skipped: [mine.platformOrderNo, 'H-unknown'] });
    });
  });

  it('refuses an actor header signed with another secret (401)', async () => {
    const forged = signActorHeader(ACTORS.operator, 'not-the-internal-secret');
    const result = await postGraphQL(app.url, ORDERS, {}, { [ACTOR_HEADER]: forged });
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

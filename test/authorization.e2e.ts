import { dataOf, errorCodes, postGraphQL } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from './support/platform';

describe('authorisation at the gateway', () => {
  let platform: Platform;
  let otherOrderNo: string;
  beforeAll(async () => {
    platform = await startPlatform();
    const created = dataOf(
      await platform.gql<{ createOrder: { order: { platformOrderNo: string } } }>(
        `mutation { createOrder(input: { amount: "50.00", merchantOrderNo: "B-1" }) { order { platformOrderNo } } }`,
        {},
        ACTORS.otherMerchant,
      ),
    );
    otherOrderNo = created.createOrder.order.platformOrderNo;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses a request without a token (401) and with a forged one', async () => {
    const none = await platform.gql('{ channels { code } }', {}, null);
    expect(none.status).toBe(401);
    expect(errorCodes(none)).toEqual(['UNAUTHENTICATED']);
    const forged = await postGraphQL(
      platform.gatewayUrl,
      '{ channels { code } }',
      {},
      { authorization: 'Bearer abc.def.ghi' },
    );
    expect(forged.status).toBe(401);
  });

  it("never shows merchant A merchant B's order through any field", async () => {
    const byNo = await platform.gql<{ order: unknown }>(
      `query ($no: String) { order(platformOrderNo: $no) { id } }`,
      { no: otherOrderNo },
      ACTORS.merchant,
    );
    expect(dataOf(byNo).order).toBeNull();
    const list = await platform.gql(
      `{ orders(filter: { merchantId: 2023100 }) { totalCount } }`,
      {},
      ACTORS.merchant,
    );
    expect(errorCodes(list)).toEqual(['FORBIDDEN']);
    const own = dataOf(
      await platform.gql<{ orders: { nodes: { merchantId: number }[] } }>(
        `{ orders { nodes { merchantId } } }`,
        {},
        ACTORS.merchant,
      ),
    );
    expect(own.orders.nodes.every((o) => o.merchantId === 2024164)).toBe(true);
    const cancel = await platform.gql(
      `mutation ($no: String) { cancelOrder(input: { platformOrderNo: $no }) { order { id } } }`,
      { no: otherOrderNo },
      ACTORS.merchant,
    );
    expect(errorCodes(cancel)).toEqual(['NOT_FOUND']);
    const stats = await platform.gql(
      `{ merchantStats(merchantId: 2023100) { total { orderCount } } }`,
      {},
      ACTORS.merchant,
    );
    expect(errorCodes(stats)).toEqual(['FORBIDDEN']);
  });

  it("keeps the ledger's and reconciliation's data of merchant B away from merchant A", async () => {
    const forbidden = [
      `{ merchantBalance(merchantId: 2023100) { available } }`,
      `{ moneyLogs(merchantId: 2023100) { totalCount } }`,
      `{ withdrawals(merchantId: 2023100) { totalCount } }`,
      `{ bankCards(merchantId: 2023100) { id } }`,
      `{ manualAdjustments(merchantId: 2023100) { totalCount } }`,
      `{ reconciliationRuns { totalCount } }`,
      `{ discrepancies { totalCount } }`,
      `{ statements { totalCount } }`,
      `{ reconciliationOrders { totalCount } }`,
    ];
    for (const query of forbidden) {
      expect({ query, codes: errorCodes(await platform.gql(query, {}, ACTORS.merchant)) }).toEqual({
        query,
        codes: ['FORBIDDEN'],
      });
    }
    const reconciled = await platform.gql<{ reconciledOrder: unknown }>(
      `query ($no: String!) { reconciledOrder(platformOrderNo: $no) { platformOrderNo } }`,
      { no: otherOrderNo },
      ACTORS.merchant,
    );
    expect(dataOf(reconciled).reconciledOrder).toBeNull();
    const entity = await platform.gql<{ _entities: unknown[] }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Merchant { id } } }`,
      { reps: [{ __typename: 'Merchant', id: 2023100 }] },
      ACTORS.merchant,
    );
    expect(entity.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('keeps ANALYST read-only', async () => {
    const result = await platform.gql(
      `mutation { createOrder(input: { amount: "10.00", merchantId: 2024164 }) { order { id } } }`,
      {},
      ACTORS.analyst,
    );
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    const read = await platform.gql<{ orders: { totalCount: number } }>(
      `{ orders { totalCount } }`,
      {},
      ACTORS.analyst,
    );
    expect(dataOf(read).orders.totalCount).toBeGreaterThan(0);
  });

  it('refuses a direct subgraph call without the gateway signature', async () => {
    const direct = await postGraphQL(platform.ordersUrl, '{ channels { code } }');
    expect(direct.status).toBe(401);
    expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
  });

  it('allows introspection to ANALYST and OPERATOR only', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect(dataOf(await platform.gql<{ __schema: unknown }>(query, {}, ACTORS.analyst)).__schema).toEqual({
      queryType: { name: 'Query' },
    });
    expect(errorCodes(await platform.gql(query, {}, ACTORS.merchant))).toEqual(['FORBIDDEN']);
  });

  it('enforces depth and alias limits', async () => {
    const deep = `{ orders { edges { node { merchant { agent { id } } channel { code } upstreamConfig { channel { code } } } } } }`;
    expect((await platform.gql(deep, {}, ACTORS.operator)).body.errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: channels { code }`).join(' ')} }`;
    const tooMany = await platform.gql(aliases, {}, ACTORS.operator);
    expect(tooMany.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('blocks CSRF-prone simple requests', async () => {
    const response = await fetch(
      `${platform.gatewayUrl}?query=${encodeURIComponent('{ channels { code } }')}`,
      {
        headers: { authorization: `Bearer ${platform.token(ACTORS.operator)}` },
      },
    );
    expect(response.status).toBe(400);
  });
});

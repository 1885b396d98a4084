import { dataOf, errorCodes } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';

const MERCHANT_KEY = `query ($id: Int) { merchant(id: $id) { id apiKeyMasked } }`;

describe('Merchant.apiKeyMasked', () => {
  let app: OrdersTestApp;

  beforeAll(async () => {
    app = await startOrdersTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the merchant its own key as first 4 + **** + last 4', async () => {
    expect(dataOf(await app.gql(MERCHANT_KEY, {}, ACTORS.merchant))).toEqual({
      merchant: { id: 2024164, apiKeyMasked: 'key-****demo' },
    });
  });

  it('shows platform roles any merchant’s masked key, in one batch for a list', async () => {
    for (const actor of [ACTORS.operator, ACTORS.analyst]) {
      expect(dataOf(await app.gql(MERCHANT_KEY, { id: 2023100 }, actor))).toEqual({
        merchant: { id: 2023100, apiKeyMasked: 'key-****demo' },
      });
    }
    const list = dataOf(
      await app.gql<{ merchants: { nodes: { id: number; apiKeyMasked: string }[] } }>(
        `{ merchants(pageSize: 10) { nodes { id apiKeyMasked } } }`,
      ),
    ).merchants.nodes;
    expect(list.length).toBeGreaterThan(1);
    for (const m of list) expect(m.apiKeyMasked).toMatch(/^.{4}\*{4}.{4}$/);
  });

  it('never hands another merchant’s key out, nor the key itself', async () => {
    const other = await app.gql(MERCHANT_KEY, { id: 2023100 }, ACTORS.merchant);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    // Reached through a federation reference (e.g. from another subgraph's entity), the field is null.
    const viaReference = await app.gql<{ _entities: ({ id: number; apiKeyMasked: string | null } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Merchant { id apiKeyMasked } } }`,
      { r: [{ __typename: 'Merchant', id: 2023100 }] },
      ACTORS.merchant,
    );
    expect(JSON.stringify(viaReference.body)).not.toContain('****');
    const probe = await app.gql(`{ merchant { signingKey } }`, {}, ACTORS.merchant);
    expect(errorCodes(probe)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

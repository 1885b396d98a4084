import { dataOf, errorCodes, eventually } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from './support/platform';

describe('reconciliation keeps a copy of every order, through the outbox', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('shows an order’s reconciliation status and auto flag on the Order entity, and lets operators switch the flag', async () => {
    const created = dataOf(
      await platform.gql<{ createOrder: { order: { platformOrderNo: string } } }>(
        `mutation { createOrder(input: { amount: "60.00", notifyUrl: "http://127.0.0.1:9/n" }) { order { platformOrderNo } } }`,
        {},
        ACTORS.merchant,
      ),
    ).createOrder;
    const no = created.order.platformOrderNo;
    const view = `query ($no: String) { order(platformOrderNo: $no) { statusCode reconciliationStatus reconciliationStatusCode autoReconcile } }`;
    const seen = await eventually(async () => {
      const order = dataOf(
        await platform.gql<{ order: { reconciliationStatus: string | null } }>(view, { no }, ACTORS.merchant),
      ).order;
      return order.reconciliationStatus ? order : undefined;
    }, 'the copy in reconciliation');
    expect(seen).toEqual({
      statusCode: 0,
      reconciliationStatus: 'NOT_YET',
      reconciliationStatusCode: 2,
      autoReconcile: false,
    });

    const set = `mutation ($no: String!) { setAutoReconcile(input: { platformOrderNo: $no, auto: true }) }`;
    expect(errorCodes(await platform.gql(set, { no }, ACTORS.merchant))).toEqual(['FORBIDDEN']);
    expect(
      dataOf(await platform.gql<{ setAutoReconcile: boolean }>(set, { no }, ACTORS.operator))
        .setAutoReconcile,
    ).toBe(true);
    const after = dataOf(
      await platform.gql<{ order: { autoReconcile: boolean } }>(view, { no }, ACTORS.operator),
    ).order;
    expect(after.autoReconcile).toBe(true);
  });
});

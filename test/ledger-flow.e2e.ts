import { dataOf, eventually } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from './support/platform';

const CREATE = `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { paymentUrl order { platformOrderNo } } }`;
const BALANCE = `{ merchant(id: 2024164) { id name balance { available frozen pendingWithdrawal currency } } }`;

interface Balance {
  available: string;
  frozen: string;
  pendingWithdrawal: string;
  currency: string;
}

describe('orders → ledger through the outbox, end to end through the gateway', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  async function payOrder(amount: string): Promise<string> {
    const created = dataOf(
      await platform.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(
        CREATE,
        { input: { amount, notifyUrl: 'http://127.0.0.1:9/notify' } },
        ACTORS.merchant,
      ),
    ).createOrder;
    const paid = await fetch(created.paymentUrl, { method: 'POST' });
    expect(((await paid.json()) as { paid: boolean }).paid).toBe(true);
    return created.order.platformOrderNo;
  }

  const balance = async () =>
    dataOf(await platform.gql<{ merchant: { balance: Balance } }>(BALANCE, {}, ACTORS.merchant)).merchant
      .balance;

  const postingCount = async () =>
    (
      (await platform.ledgerOrm.em
        .fork()
        .getConnection()
        .execute(`select count(*)::int as n from posting`)) as { n: number }[]
    )[0]!.n;

  it("credits a paid sandbox order's merchant income as frozen (T+1) money, read through the Merchant entity", async () => {
    await payOrder('100.00');
    const b = await eventually(async () => {
      const current = await balance();
      return current.frozen === '88.50' ? current : undefined;
    }, 'the credit');
    expect(b).toEqual({ available: '0.00', frozen: '88.50', pendingWithdrawal: '0.00', currency: 'CNY' });
  });

  it('catches up after the ledger was down: every credit arrives exactly once', async () => {
    const before = await postingCount();
    await platform.stopLedger();
    await payOrder('10.00');
    await payOrder('20.00');
    await payOrder('30.00');
    await platform.startLedger();
    const b = await eventually(async () => {
      const current = await balance();
      // 88.50 + (10 + 20 + 30) × 88.5 %
      return current.frozen === '141.60' ? current : undefined;
    }, 'the three credits');
    expect(b.frozen).toBe('141.60');
    expect(await postingCount()).toBe(before + 3);
  });

  it('reverses a paid order before it goes back to pending', async () => {
    const no = await payOrder('40.00');
    await eventually(async () => ((await balance()).frozen === '177.00' ? true : undefined), 'the credit');
    const cancelled = dataOf(
      await platform.gql<{ cancelOrder: { order: { statusCode: number } } }>(
        `mutation ($no: String) { cancelOrder(input: { platformOrderNo: $no }) { order { statusCode } } }`,
        { no },
        ACTORS.operator,
      ),
    ).cancelOrder;
    expect(cancelled.order.statusCode).toBe(0);
    // The reversal was posted synchronously: no waiting for the relay.
    expect((await balance()).frozen).toBe('141.60');
  });
});

describe('a reversal the merchant cannot cover', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses the cancel, says so, and changes nothing in orders or the ledger', async () => {
    const created = dataOf(
      await platform.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(
        CREATE,
        { input: { amount: '100.00', notifyUrl: 'http://127.0.0.1:9/notify' } },
        ACTORS.merchant,
      ),
    ).createOrder;
    expect(
      ((await (await fetch(created.paymentUrl, { method: 'POST' })).json()) as { paid: boolean }).paid,
    ).toBe(true);
    const logs = `{ moneyLogs(pageSize: 5) { totalCount nodes { amount balanceAfter typeCode: type typeName description orderNo uniqueNo accountPurpose } } }`;
    const credited = await eventually(async () => {
      const page = dataOf(
        await platform.gql<{ moneyLogs: { totalCount: number; nodes: Record<string, unknown>[] } }>(
          logs,
          {},
          ACTORS.merchant,
        ),
      ).moneyLogs;
      return page.totalCount === 1 ? page.nodes[0] : undefined;
    }, 'the money log of the credit');
    expect(credited).toMatchObject({
      amount: '88.50',
      balanceAfter: '88.50',
      typeCode: 1,
      typeName: 'recharge',
      description: '资金流水记录：订单金额100.00元，到账金额88.50元',
      accountPurpose: 'MERCHANT_FROZEN',
    });
    expect(credited.uniqueNo).toMatch(/^2024164.+_bd0$/);

    // The income is released to the available balance (as the nightly job does) and then spent.
    const { post } = await import('@pay/ledger');
    await post(platform.ledgerOrm.em.fork(), {
      uniqueNo: 'e2e-unfreeze',
      type: 5,
      description: '冻结资金解冻',
      actor: 'test',
      legs: [
        { ownerType: 'MERCHANT', ownerId: '2024164', purpose: 'MERCHANT_FROZEN', amount: -8850 },
        { ownerType: 'MERCHANT', ownerId: '2024164', purpose: 'MERCHANT_AVAILABLE', amount: 8850 },
      ] as never,
    });
    dataOf(
      await platform.gql(
        `mutation { adjustBalance(input: { merchantId: 2024164, amount: "-80.00", reason: "e2e: spend", requestId: "e2e-spend-1" }) { created } }`,
        {},
        ACTORS.operator,
      ),
    );

    const refused = await platform.gql(
      `mutation ($no: String) { cancelOrder(input: { platformOrderNo: $no }) { order { statusCode } } }`,
      { no: created.order.platformOrderNo },
      ACTORS.operator,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_BALANCE');
    const order = dataOf(
      await platform.gql<{ order: { statusCode: number } }>(
        `query ($no: String) { order(platformOrderNo: $no) { statusCode } }`,
        { no: created.order.platformOrderNo },
        ACTORS.operator,
      ),
    ).order;
    expect(order.statusCode).toBe(1);
    const balance = dataOf(
      await platform.gql<{ merchantBalance: { available: string; frozen: string } }>(
        `{ merchantBalance(merchantId: 2024164) { available frozen } }`,
        {},
        ACTORS.operator,
      ),
    ).merchantBalance;
    expect(balance).toEqual({ available: '8.50', frozen: '0.00' });
  });
});

describe('a cancel that comes before the ledger heard of the credit', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('is a CONFLICT to retry (not 订单不存在), changes nothing, and succeeds once the credit is in', async () => {
    const created = dataOf(
      await platform.gql<{ createOrder: { order: { platformOrderNo: string } } }>(
        CREATE,
        { input: { amount: '20.00', notifyUrl: 'http://127.0.0.1:9/notify' } },
        ACTORS.merchant,
      ),
    ).createOrder;
    const no = created.order.platformOrderNo;
    // The relay pauses: the complete's order.paid event waits in the outbox.
    await platform.orders.runtime.relay.stop();
    const cancel = `mutation ($no: String) { cancelOrder(input: { platformOrderNo: $no }) { order { statusCode } } }`;
    try {
      dataOf(
        await platform.gql(
          `mutation ($no: String) { completeOrder(input: { platformOrderNo: $no }) { order { statusCode } } }`,
          { no },
          ACTORS.operator,
        ),
      );
      const early = await platform.gql(cancel, { no }, ACTORS.operator);
      expect(early.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(early.body.errors?.[0]?.message).toBe('订单入账处理中，请稍后再试');
      const order = dataOf(
        await platform.gql<{ order: { statusCode: number } }>(
          `query ($no: String) { order(platformOrderNo: $no) { statusCode } }`,
          { no },
          ACTORS.operator,
        ),
      ).order;
      expect(order.statusCode).toBe(1);
    } finally {
      platform.orders.runtime.relay.start();
    }
    const cancelled = await eventually(async () => {
      const answer = await platform.gql<{ cancelOrder: { order: { statusCode: number } } }>(
        cancel,
        { no },
        ACTORS.operator,
      );
      return answer.body.data?.cancelOrder ?? undefined;
    }, 'the cancel once the credit is in the ledger');
    expect(cancelled.order.statusCode).toBe(0);
  });
});

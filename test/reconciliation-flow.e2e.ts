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

describe('resolving a surplus through the gateway', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  /** An order the channel was paid for but whose callback never arrived: pending here. */
  async function pendingOrderPaidAtChannel(amount: string, fen: number): Promise<string> {
    const no = dataOf(
      await platform.gql<{ createOrder: { order: { platformOrderNo: string } } }>(
        `mutation ($amount: String!) { createOrder(input: { amount: $amount, notifyUrl: "http://127.0.0.1:9/n" }) { order { platformOrderNo } } }`,
        { amount },
        ACTORS.merchant,
      ),
    ).createOrder.order.platformOrderNo;
    await eventually(async () => {
      const rows = (await platform.reconciliationOrm.em
        .fork()
        .getConnection()
        .execute('select 1 from payment where platform_order_no = ?', [no])) as unknown[];
      return rows.length ? true : undefined;
    }, 'the copy in reconciliation');
    // The channel's statement (a third party's file) lists it as paid.
    const em = platform.reconciliationOrm.em.fork();
    // One current statement per source and day: later orders' lines join the day's statement.
    const [statement] = (await em.getConnection().execute(
      `with day as (
         select id from statement where source = 'sandbox-alipay' and bill_date = current_date and superseded_at is null
       ), added as (
         insert into statement (source, template, bill_date, content_hash, file_name, line_count, payment_count, payment_amount, person)
         select 'sandbox-alipay', 'test', current_date, md5(random()::text) || md5(random()::text), 'e2e.csv', 1, 1, ?, 'e2e'
         where not exists (select 1 from day) returning id
       )
       select id from added union all select id from day`,
      [fen],
    )) as { id: string }[];
    await em.getConnection().execute(
      `insert into statement_line (statement_id, line_no, source, kind, trade_time, platform_order_no, transaction_id, amount)
       values (?, 1, 'sandbox-alipay', 'PAYMENT', now() - interval '2 hours', ?, ?, ?)`,
      [statement!.id, no, `ALI${no}`, fen],
    );
    return no;
  }

  async function surplusOf(no: string): Promise<string> {
    const run = dataOf(
      await platform.gql<{ startReconciliationRun: { code: string } }>(
        `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`,
        {
          input: {
            source: 'sandbox-alipay',
            periodStart: new Date(Date.now() - 24 * 3600_000).toISOString(),
            periodEnd: new Date(Date.now() - 3600_000).toISOString(),
          },
        },
        ACTORS.operator,
      ),
    ).startReconciliationRun;
    const lines = dataOf(
      await platform.gql<{
        discrepancies: { nodes: { code: string; issue: string; platformOrderNo: string | null }[] };
      }>(
        `query ($run: String) { discrepancies(runCode: $run) { nodes { code issue platformOrderNo } } }`,
        { run: run.code },
        ACTORS.operator,
      ),
    ).discrepancies.nodes;
    const line = lines.find((l) => l.platformOrderNo === no)!;
    expect(line.issue).toBe('SURPLUS');
    return line.code;
  }

  const RESOLVE = `mutation ($input: ResolveDiscrepancyInput!) { resolveDiscrepancy(input: $input) { id state outcome } }`;
  const frozen = async () =>
    dataOf(
      await platform.gql<{ merchantBalance: { frozen: string } }>(
        `{ merchantBalance(merchantId: 2024164) { frozen } }`,
        {},
        ACTORS.operator,
      ),
    ).merchantBalance.frozen;
  const credits = async (no: string) =>
    (
      (await platform.ledgerOrm.em
        .fork()
        .getConnection()
        .execute(`select count(*)::int as n from posting where platform_order_no = ? and type = 1`, [
          no,
        ])) as { n: number }[]
    )[0]!.n;

  it('completes the order through the orders service, and the ledger credits the merchant exactly once', async () => {
    const no = await pendingOrderPaidAtChannel('100.00', 10_000);
    const code = await surplusOf(no);
    const done = dataOf(
      await platform.gql<{ resolveDiscrepancy: { state: string; outcome: string } }>(
        RESOLVE,
        {
          input: { resultCode: code, action: 'COMPLETE_ORDER', note: 'callback lost; the channel was paid' },
        },
        ACTORS.operator,
      ),
    ).resolveDiscrepancy;
    expect(done).toMatchObject({ state: 'EXECUTED', outcome: `order ${no} is now PAID` });
    await eventually(async () => ((await frozen()) === '88.50' ? true : undefined), 'the credit');
    const again = await platform.gql(
      RESOLVE,
      { input: { resultCode: code, action: 'COMPLETE_ORDER', note: 'again' } },
      ACTORS.operator,
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const order = dataOf(
      await platform.gql<{ order: { statusCode: number; reconciliationStatus: string } }>(
        `query ($no: String) { order(platformOrderNo: $no) { statusCode reconciliationStatus } }`,
        { no },
        ACTORS.operator,
      ),
    ).order;
    expect(order).toEqual({ statusCode: 1, reconciliationStatus: 'REVERSED' });
    expect(await credits(no)).toBe(1);
    expect(await frozen()).toBe('88.50');
  });

  it('waits for a second operator above the approval amount, then credits once', async () => {
    const no = await pendingOrderPaidAtChannel('2000.00', 200_000);
    const code = await surplusOf(no);
    const pending = dataOf(
      await platform.gql<{ resolveDiscrepancy: { id: string; state: string } }>(
        RESOLVE,
        { input: { resultCode: code, action: 'COMPLETE_ORDER', note: 'large: needs a checker' } },
        ACTORS.operator,
      ),
    ).resolveDiscrepancy;
    expect(pending.state).toBe('PENDING_APPROVAL');
    expect(await credits(no)).toBe(0);
    const approved = dataOf(
      await platform.gql<{ approveResolution: { state: string } }>(
        `mutation ($id: ID!) { approveResolution(input: { resolutionId: $id }) { state } }`,
        { id: pending.id },
        { sub: 'ops-carol', role: 'OPERATOR' },
      ),
    ).approveResolution;
    expect(approved.state).toBe('EXECUTED');
    await eventually(async () => ((await credits(no)) === 1 ? true : undefined), 'the credit');
    expect(await credits(no)).toBe(1);
  });
});

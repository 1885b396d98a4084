import { dataOf, eventually, formatChinaDate } from '@pay/common';
import { givenStatement } from '../services/reconciliation/test/support/recon-fixtures';
import { ACTORS, startPlatform, type Platform } from './support/platform';

describe('a reconciliation run through the gateway asks the sandbox channel about doubtful orders', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('doubts an order paid just before the cut-off, notes the channel’s answer, and shows it on the Order', async () => {
    const created = dataOf(
      await platform.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(
        `mutation { createOrder(input: { amount: "12.34", channelCode: "zfbwthf", notifyUrl: "http://127.0.0.1:9/n" }) {
          paymentUrl order { platformOrderNo } } }`,
        {},
        ACTORS.merchant,
      ),
    ).createOrder;
    const no = created.order.platformOrderNo;
    expect((await fetch(created.paymentUrl, { method: 'POST' })).status).toBe(200);

    const VIEW = `query ($no: String) { order(platformOrderNo: $no) {
      paidAt reconciliationStatus statementLine { id } reconciliationResults { issue note runCode } } }`;
    type View = {
      order: {
        paidAt: string | null;
        reconciliationStatus: string | null;
        statementLine: unknown;
        reconciliationResults: { issue: string; note: string; runCode: string }[];
      };
    };
    // Reconciliation's copy of the order has caught up with the payment.
    const paid = await eventually(async () => {
      const order = dataOf(await platform.gql<View>(VIEW, { no })).order;
      const [copy] = (await platform.reconciliationOrm.em
        .fork()
        .getConnection()
        .execute(`select paid_at from payment where platform_order_no = ?`, [no])) as {
        paid_at: Date | null;
      }[];
      return order.paidAt && copy?.paid_at ? new Date(order.paidAt) : undefined;
    }, 'the paid order in reconciliation');

    // The channel's statement for the day does not list it (yet).
    await givenStatement(platform.reconciliationOrm.em.fork(), {
      source: 'sandbox-alipay',
      billDate: formatChinaDate(paid),
      lines: [],
    });
    const run = dataOf(
      await platform.gql<{ startReconciliationRun: { code: string; doubtfulCount: number; person: string } }>(
        `mutation ($input: StartReconciliationRunInput!) {
          startReconciliationRun(input: $input) { code doubtfulCount person } }`,
        {
          input: {
            source: 'sandbox-alipay',
            periodStart: new Date(paid.getTime() - 3600_000).toISOString(),
            // Paid five minutes before the period ends: within the cut-off.
            periodEnd: new Date(paid.getTime() + 5 * 60_000).toISOString(),
            remark: 'e2e',
          },
        },
      ),
    ).startReconciliationRun;
    expect(run).toMatchObject({ doubtfulCount: 1, person: ACTORS.operator.sub });

    const order = dataOf(await platform.gql<View>(VIEW, { no })).order;
    expect(order.reconciliationStatus).toBe('DOUBTFUL');
    expect(order.statementLine).toBeNull();
    expect(order.reconciliationResults).toHaveLength(1);
    expect(order.reconciliationResults[0]).toMatchObject({ issue: 'DOUBTFUL', runCode: run.code });
    expect(order.reconciliationResults[0]!.note).toContain('渠道查询：SUCCESS，金额 12.34 元，交易号 SBX');

    const list = dataOf(
      await platform.gql<{
        reconciliationOrders: {
          statistics: { orderNum: number };
          nodes: { reconciliationStatusCode: number }[];
        };
      }>(
        `query ($code: String) { reconciliationOrders(filter: { code: $code }) {
          statistics { orderNum } nodes { reconciliationStatusCode } } }`,
        { code: no },
      ),
    ).reconciliationOrders;
    expect(list).toEqual({ statistics: { orderNum: 1 }, nodes: [{ reconciliationStatusCode: 5 }] });
  });
});

import { dataOf, sqlStatementCount } from '@pay/common';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';
import { cn, givenPayments } from '../support/recon-fixtures';

interface Page {
  totalCount?: number;
  statistics?: { orderNum: number };
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  nodes: { platformOrderNo: string }[];
}

/** `reconciliationOrders`, newest first: continued by a keyset cursor or by page number. */
describe('the reconciliation list, page by page', () => {
  let app: ReconciliationTestApp;
  const merchantName = '翻页商户';
  // Seven orders; KS-B, KS-C and KS-D share one time (the order number breaks the tie).
  const times = ['10:00', '10:01', '10:01', '10:01', '10:02', '10:03', '10:04'];
  const orderNos = times.map((_, i) => `KS-${String.fromCharCode(65 + i)}`);
  // Newest first, and within one time the greater order number first.
  const expected = ['KS-G', 'KS-F', 'KS-E', 'KS-D', 'KS-C', 'KS-B', 'KS-A'];

  const page = async (args: string, fields = 'pageInfo { hasNextPage hasPreviousPage endCursor }') =>
    dataOf(
      await app.gql<{ reconciliationOrders: Page }>(
        `query { reconciliationOrders(filter: { merchantName: "${merchantName}" }, ${args}) {
           ${fields} nodes { platformOrderNo } } }`,
        {},
        ACTORS.operator,
      ),
    ).reconciliationOrders;

  beforeAll(async () => {
    app = await startReconciliationTestApp();
    await givenPayments(
      app.orm.em.fork(),
      orderNos.map((no, i) => ({
        platformOrderNo: no,
        merchantName,
        amount: 100 + i,
        createdAt: cn(`2025-10-08 ${times[i]}`),
      })),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('continues after a cursor: every order once, in order, ties broken by order number', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const current: Page = await page(after === null ? 'first: 2' : `first: 2, after: "${after}"`);
      seen.push(...current.nodes.map((n) => n.platformOrderNo));
      expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('does not shift a page when newer orders arrive after the cursor was handed out', async () => {
    const first = await page('first: 3');
    await givenPayments(app.orm.em.fork(), [
      { platformOrderNo: 'KS-NEW', merchantName, amount: 1, createdAt: cn('2025-10-08 11:00') },
    ]);
    const next = await page(`first: 3, after: "${first.pageInfo.endCursor}"`);
    expect(next.nodes.map((n) => n.platformOrderNo)).toEqual(expected.slice(3, 6));
  });

  it('still answers page numbers, and computes the statistics only when asked', async () => {
    const second = await page(
      'page: 2, pageSize: 3',
      'totalCount statistics { orderNum } pageInfo { hasNextPage }',
    );
    expect(second.totalCount).toBe(8);
    expect(second.statistics).toEqual({ orderNum: 8 });
    expect(second.nodes.map((n) => n.platformOrderNo)).toEqual(['KS-E', 'KS-D', 'KS-C']);

    const without = sqlStatementCount();
    await page('page: 2, pageSize: 3');
    const statementsWithout = sqlStatementCount() - without;
    const withTotal = sqlStatementCount();
    await page('page: 2, pageSize: 3', 'totalCount pageInfo { hasNextPage }');
    expect(sqlStatementCount() - withTotal).toBe(statementsWithout + 1);
  });

  it('refuses a cursor that is neither its keyset nor an offset (another list’s numeric keyset too)', async () => {
    const numeric = Buffer.from('k:1759888800000:42').toString('base64url');
    for (const after of ['bm9wZQ', numeric]) {
      const answer = await app.gql(
        `query { reconciliationOrders(first: 2, after: "${after}") { nodes { platformOrderNo } } }`,
        {},
        ACTORS.operator,
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

import { dataOf, sqlStatementCount } from '@pay/common';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';
import { cn, givenPayments, givenStatement } from '../support/recon-fixtures';

const RUN = `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`;

interface Page {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  nodes: { outTradeNo: string | null; issueText: string }[];
}

/** A run's grid, `ReconciliationRun.results`: by order key, continued by key or by page number. */
describe('a run’s results, page by page', () => {
  let app: ReconciliationTestApp;
  let runCode: string;
  const orderNos = Array.from({ length: 7 }, (_, i) => `PAGE${String(i + 1).padStart(4, '0')}`);

  const page = async (args: string, fields = 'pageInfo { hasNextPage hasPreviousPage endCursor }') =>
    dataOf(
      await app.gql<{ reconciliationRun: { results: Page } }>(
        `query ($code: String) { reconciliationRun(code: $code) {
           results(${args}) { ${fields} nodes { outTradeNo issueText } } } }`,
        { code: runCode },
        ACTORS.operator,
      ),
    ).reconciliationRun.results;

  beforeAll(async () => {
    app = await startReconciliationTestApp();
    const em = app.orm.em.fork();
    // Seven orders; the lines of the even ones are missing (shortages), the rest match.
    await givenPayments(
      em,
      orderNos.map((no, i) => ({ platformOrderNo: no, amount: 100 + i, paidAt: cn(`2025-10-08 1${i}:00`) })),
    );
    await givenStatement(em, {
      source: 'wechat',
      billDate: '2025-10-08',
      lines: orderNos
        .filter((_, i) => i % 2 === 0)
        .map((no) => ({
          tradeTime: cn(`2025-10-08 1${orderNos.indexOf(no)}:00`),
          platformOrderNo: no,
          transactionId: `WX-${no}`,
          amount: 100 + orderNos.indexOf(no),
        })),
    });
    runCode = dataOf(
      await app.gql<{ startReconciliationRun: { code: string } }>(RUN, {
        input: { source: 'wechat', periodStart: cn('2025-10-08 00:00'), periodEnd: cn('2025-10-09 00:00') },
      }),
    ).startReconciliationRun.code;
  });
  afterAll(async () => {
    await app.close();
  });

  it('continues after a cursor by order key: every result once, in order, the last page saying so', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const current: Page = await page(after === null ? 'first: 3' : `first: 3, after: "${after}"`);
      pages += 1;
      seen.push(...current.nodes.map((n) => n.outTradeNo!));
      expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(orderNos);
  });

  it('still answers page numbers with the total, and counts only when the total is asked', async () => {
    const second = await page(
      'page: 2, pageSize: 3',
      'totalCount pageInfo { hasNextPage hasPreviousPage endCursor }',
    );
    expect(second.totalCount).toBe(7);
    expect(second.nodes.map((n) => n.outTradeNo)).toEqual(orderNos.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const withoutTotal = sqlStatementCount();
    await page('page: 2, pageSize: 3');
    const statementsWithout = sqlStatementCount() - withoutTotal;
    const withTotal = sqlStatementCount();
    await page('page: 2, pageSize: 3', 'totalCount pageInfo { hasNextPage }');
    expect(sqlStatementCount() - withTotal).toBe(statementsWithout + 1);
  });

  it('keeps the filter across cursors', async () => {
    const first = await page('first: 2, discrepanciesOnly: true');
    expect(first.nodes.map((n) => n.outTradeNo)).toEqual(['PAGE0002', 'PAGE0004']);
    const next = await page(`first: 2, discrepanciesOnly: true, after: "${first.pageInfo.endCursor}"`);
    expect(next.nodes.map((n) => n.outTradeNo)).toEqual(['PAGE0006']);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a cursor that is neither a key nor an offset', async () => {
    const answer = await app.gql(
      `query ($code: String) { reconciliationRun(code: $code) { results(first: 2, after: "bm9wZQ") { nodes { code } } } }`,
      { code: runCode },
      ACTORS.operator,
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

import { dataOf, monthlyPartitionsOf, monthPartitionOf } from '@pay/common';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';
import { cn, givenPayments, givenStatement } from '../support/recon-fixtures';

const RUN = `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`;
const DISCREPANCIES = `query ($runCode: String) { discrepancies(runCode: $runCode) { nodes { code platformOrderNo } } }`;
const RESOLVE = `mutation ($input: ResolveDiscrepancyInput!) { resolveDiscrepancy(input: $input) { id state } }`;

describe('statement lines and results in monthly partitions', () => {
  let app: ReconciliationTestApp;
  let runCode: string;
  let lineIds: number[];

  const sql = <T>(text: string, params: unknown[] = []) =>
    app.orm.em.getConnection().execute(text, params) as Promise<T[]>;
  const failure = (text: string, params: unknown[]) =>
    sql(text, params).then(
      () => 'no error',
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    app = await startReconciliationTestApp();
    const em = app.orm.em.fork();
    await givenPayments(em, [
      { platformOrderNo: 'PART0001', amount: 1000, paidAt: cn('2025-11-16 10:00') },
      { platformOrderNo: 'PART0002', amount: 2000, paidAt: cn('2025-11-16 11:00') },
    ]);
    ({ lineIds } = await givenStatement(em, {
      source: 'wechat',
      billDate: '2025-11-16',
      lines: [
        {
          tradeTime: cn('2025-11-16 11:00'),
          platformOrderNo: 'PART0002',
          transactionId: 'WXP2',
          amount: 2000,
        },
        {
          tradeTime: cn('2025-11-16 12:00'),
          platformOrderNo: 'PARTGHOST',
          transactionId: 'WXP9',
          amount: 300,
        },
      ],
    }));
    // A line of today: this month's partition.
    await givenStatement(em, {
      source: 'alipay',
      billDate: '2026-01-01',
      lines: [{ tradeTime: new Date(), platformOrderNo: 'PARTNOW1', transactionId: 'AL1', amount: 100 }],
    });
    runCode = dataOf(
      await app.gql<{ startReconciliationRun: { code: string } }>(RUN, {
        input: { source: 'wechat', periodStart: cn('2025-11-16 00:00'), periodEnd: cn('2025-11-17 00:00') },
      }),
    ).startReconciliationRun.code;
  });
  afterAll(async () => {
    await app.close();
  });

  it('places lines by trade time and a run’s results in the month it ran, the months ahead ready', async () => {
    const connection = app.orm.em.getConnection();
    const lines = await monthlyPartitionsOf(connection, 'statement_line');
    expect(lines).toMatchObject({ partitioned: true, monthsAheadReady: true, rowsThisMonth: 1 });
    const results = await monthlyPartitionsOf(connection, 'reconciliation_result');
    expect(results).toMatchObject({ partitioned: true, monthsAheadReady: true });

    // Lines of a month before the table was partitioned have no month of their own: the default takes them.
    const placed = await sql<{ partition: string }>(
      `select tableoid::regclass::text as partition from statement_line where id in (${lineIds.join(', ')}) order by id`,
    );
    expect(placed.map((p) => p.partition)).toEqual(['statement_line_default', 'statement_line_default']);

    // Every result of the run in one month partition: this one (results are written by the run's transaction).
    const byPartition = await sql<{ partition: string; n: number }>(
      `select r.tableoid::regclass::text as partition, count(*)::int as n
         from reconciliation_result r join reconciliation_run u on u.id = r.run_id
        where u.code = ? group by 1`,
      [runCode],
    );
    expect(byPartition).toEqual([{ partition: monthPartitionOf('reconciliation_result', new Date()), n: 3 }]);
  });

  it('keeps (run, order key) unique and results referenced by their resolutions', async () => {
    const [row] = await sql<{ id: string; run_id: string; order_key: string }>(
      `select r.id, r.run_id, r.order_key from reconciliation_result r join reconciliation_run u on u.id = r.run_id
        where u.code = ? and r.platform_order_no = 'PART0002'`,
      [runCode],
    );
    // The same (run, order key) again, as the run's own transaction would write it.
    expect(
      await failure(
        `insert into reconciliation_result
           select (jsonb_populate_record(null::reconciliation_result,
                     to_jsonb(r) || jsonb_build_object('id', nextval('reconciliation_result_id_seq'), 'code', 'PARTCOPY'))).*
             from reconciliation_result r where r.id = ?`,
        [row!.id],
      ),
      // PostgreSQL names the partition's own index of reconciliation_result_run_order_unique.
    ).toMatch(
      /duplicate key value violates unique constraint "reconciliation_result_p\d{6}_run_id_order_key/,
    );

    const ghost = dataOf(
      await app.gql<{ discrepancies: { nodes: { code: string; platformOrderNo: string | null }[] } }>(
        DISCREPANCIES,
        { runCode },
      ),
    ).discrepancies.nodes.find((n) => n.platformOrderNo === null)!;
    const resolved = dataOf(
      await app.gql<{ resolveDiscrepancy: { id: string; state: string } }>(
        RESOLVE,
        { input: { resultCode: ghost.code, action: 'ACCEPT', note: 'partition test' } },
        ACTORS.operator,
      ),
    ).resolveDiscrepancy;
    expect(resolved.state).toBe('EXECUTED');
    const [link] = await sql<{ matches: boolean }>(
      `select s.result_created_at = r.created_at as matches from resolution s
         join reconciliation_result r on r.id = s.result_id where s.id = ?`,
      [resolved.id],
    );
    expect(link!.matches).toBe(true);
    // A resolution must name an existing result, month included.
    expect(
      await failure(
        `insert into resolution (result_id, result_created_at, action, state, amount, note, requested_by)
         select r.id, r.created_at - interval '1 month', 'ACCEPT', 'REJECTED', 0, 'x', 'test'
           from reconciliation_result r where r.code = ?`,
        [ghost.code],
      ),
    ).toMatch(/resolution_result_fkey/);
  });
});

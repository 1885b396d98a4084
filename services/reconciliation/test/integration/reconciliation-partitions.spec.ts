import { dataOf, monthlyPartitionsOf, monthPartitionOf } from '@pay/common';
import { Migration20261209110000_reconciliation_partitions } from '../../src/db/migrations/Migration20261209110000_reconciliation_partitions';
import {
  ACTORS,
  openTestReconciliationDatabase,
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

/** The migration on a database that has lines, results and resolutions already. */
describe('partitioning reconciliation tables that hold rows (the migration)', () => {
  let db: Awaited<ReturnType<typeof openTestReconciliationDatabase>>;
  const SCHEMA = 'recon_partition_upgrade';

  beforeAll(async () => {
    db = await openTestReconciliationDatabase();
  });
  afterAll(async () => {
    await db.orm.em.getConnection().execute(`drop schema if exists ${SCHEMA} cascade`);
    await db.close();
  });

  it('keeps every row, gives each resolution its result’s month, and keeps the key between them', async () => {
    const connection = db.orm.em.getConnection();
    const source = (await connection.execute('select current_schema() as s')) as { s: string }[];
    const from = source[0]!.s;
    // The tables as they were before: plain, with the old keys.
    await connection.execute(`drop schema if exists ${SCHEMA} cascade`);
    await connection.execute(`create schema ${SCHEMA}`);
    const inSchema = async (sql: string, params: unknown[] = []) => {
      const trx = await connection.begin();
      try {
        await connection.execute(`set local search_path to ${SCHEMA}`, [], 'run', trx);
        const rows = await connection.execute(sql, params, 'all', trx);
        await connection.commit(trx);
        return rows as Record<string, unknown>[];
      } catch (error) {
        await connection.rollback(trx);
        throw error;
      }
    };
    await inSchema(
      `create table statement (like ${from}.statement including defaults including constraints)`,
    );
    await inSchema(`alter table statement add primary key (id)`);
    await inSchema(
      `create table statement_line (like ${from}.statement_line including defaults including constraints)`,
    );
    await inSchema(`alter table statement_line add primary key (id)`);
    await inSchema(`alter table statement_line add constraint statement_line_statement_id_fkey
      foreign key (statement_id) references statement (id)`);
    await inSchema(
      `create table reconciliation_result (like ${from}.reconciliation_result including defaults including constraints)`,
    );
    await inSchema(`alter table reconciliation_result alter column created_at set default now()`);
    await inSchema(`alter table reconciliation_result add primary key (id)`);
    await inSchema(
      `alter table reconciliation_result add constraint reconciliation_result_code_unique unique (code)`,
    );
    await inSchema(`alter table reconciliation_result add constraint reconciliation_result_run_order_unique
      unique (run_id, order_key)`);
    await inSchema(
      `create table resolution (like ${from}.resolution including defaults including constraints)`,
    );
    await inSchema(`alter table resolution drop column result_created_at`);
    await inSchema(`alter table resolution add primary key (id)`);
    await inSchema(`alter table resolution add constraint resolution_result_id_fkey
      foreign key (result_id) references reconciliation_result (id)`);

    // Rows of two months, a result written with microseconds, and its resolution.
    await inSchema(`insert into statement (id, source, template, bill_date, content_hash, file_name, line_count,
        payment_count, payment_amount, refund_count, refund_amount, person)
      values (1, 'wechat', 'test', '2025-11-16', 'h', 'f.csv', 2, 2, 300, 0, 0, 'test')`);
    await inSchema(`insert into statement_line (id, statement_id, line_no, source, kind, trade_time, amount)
      values (1, 1, 1, 'wechat', 'PAYMENT', '2025-10-31 23:59:59+08', 100),
             (2, 1, 2, 'wechat', 'PAYMENT', '2025-11-16 10:00:00+08', 200)`);
    const result = (code: string, id: number, at: string) =>
      inSchema(`insert into reconciliation_result (id, code, run_id, source, order_key, issue, note, pay_money,
          channel_state, platform_state, created_at)
        values (${id}, '${code}', ${id}, 'wechat', 'K${id}', 1, '', 100, 'PAID', 'MISSING', '${at}')`);
    await result('C1', 1, '2025-10-20 10:00:00.123456+08');
    await result('C2', 2, '2025-11-17 02:30:00.5+08');
    await inSchema(`insert into resolution (id, result_id, action, state, amount, note, requested_by)
      values (1, 1, 'ACCEPT', 'EXECUTED', 0, 'ok', 'ops')`);

    const migration = new Migration20261209110000_reconciliation_partitions(
      db.orm.em.getDriver(),
      db.orm.config,
    );
    await migration.up();
    for (const query of migration.getQueries()) await inSchema(String(query));

    const partitions = await inSchema(`select c.relname as name from pg_inherits i
        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
       where p.relnamespace = '${SCHEMA}'::regnamespace order by 1`);
    expect(partitions.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'reconciliation_result_p202510',
        'reconciliation_result_p202511',
        'statement_line_p202510',
        'statement_line_p202511',
      ]),
    );
    expect(
      await inSchema(`select id, tableoid::regclass::text as part from statement_line order by id`),
    ).toEqual([
      { id: '1', part: 'statement_line_p202510' },
      { id: '2', part: 'statement_line_p202511' },
    ]);
    const [kept] =
      await inSchema(`select trim(r.code) as code, to_char(r.created_at at time zone 'Asia/Shanghai', 'HH24:MI:SS.US') as at,
        s.result_created_at = r.created_at as linked
        from resolution s join reconciliation_result r on r.id = s.result_id`);
    expect(kept).toEqual({ code: 'C1', at: '10:00:00.123000', linked: true });
    expect(await inSchema(`select count(*)::int as n from reconciliation_result`)).toEqual([{ n: 2 }]);
    // The key holds: a result with a resolution cannot go (PostgreSQL names the partition's copy of the key).
    await expect(inSchema(`delete from reconciliation_result where code = 'C1'`)).rejects.toThrow(
      /violates foreign key constraint ".*" on table "resolution"/,
    );
  });
});

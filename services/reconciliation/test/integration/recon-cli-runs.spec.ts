import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runReconCli } from '../../src/recon-cli';
import { testReconciliationConfig } from '../../src/config';
import { openTestReconciliationDatabase } from '../support/reconciliation-app';
import { cn, givenPayments, givenStatement } from '../support/recon-fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('npm run recon -- run | discrepancies | import --replace', () => {
  let db: Awaited<ReturnType<typeof openTestReconciliationDatabase>>;
  let dir: string;
  beforeAll(async () => {
    db = await openTestReconciliationDatabase();
    dir = await mkdtemp(join(tmpdir(), 'recon-cli-'));
    const day = '2025-03-01';
    await givenPayments(db.orm.em.fork(), [
      { platformOrderNo: 'C-NORMAL', amount: 100, paidAt: cn(`${day} 10:00`) },
      { platformOrderNo: 'C-SHORT-1', amount: 12345, paidAt: cn(`${day} 11:00`), merchantName: '商户, "甲"' },
      { platformOrderNo: 'C-SHORT-2', amount: 5, paidAt: cn(`${day} 12:00`) },
      { platformOrderNo: 'C-AMOUNT', amount: 300, paidAt: cn(`${day} 13:00`) },
    ]);
    await givenStatement(db.orm.em.fork(), {
      source: 'wechat',
      billDate: day,
      lines: [
        { tradeTime: cn(`${day} 10:00:05`), platformOrderNo: 'C-NORMAL', amount: 100 },
        { tradeTime: cn(`${day} 13:00:05`), platformOrderNo: 'C-AMOUNT', amount: 299 },
        {
          tradeTime: cn(`${day} 14:00`),
          platformOrderNo: 'C-MISSING',
          transactionId: 'TX-MISSING',
          amount: 700,
        },
      ],
    });
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (argv: string[]) => {
    const stdout = capture();
    const stderr = capture();
    const config = testReconciliationConfig();
    const code = await runReconCli(argv, {
      databaseUrl: db.url,
      statementDir: dir,
      stdout: stdout.stream,
      stderr: stderr.stream,
      progress: false,
      runDependencies: { matching: config.matching, channel: null },
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  let runCode = '';

  it('reconciles a source over China days and prints the run’s counts', async () => {
    const result = await run([
      'run',
      '--source',
      'wechat',
      '--date',
      '2025-03-01',
      '--remark',
      'night shift',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^reconciling wechat for 2025-03-01 \(China time\) as cli:/);
    const match = /\nrun ([0-9a-f]{32}) DONE in [\d.]+ s\n/.exec(result.stdout);
    expect(match).not.toBeNull();
    runCode = match![1]!;
    expect(result.stdout).toContain('period      2025-03-01 00:00:00 – 2025-03-02 00:00:00');
    expect(result.stdout).toMatch(/statement {3}\d+ wechat-2025-03-01\.csv \(2025-03-01, 3 lines\)/);
    expect(result.stdout).toContain('lines       3 channel lines → 5 results, 134.49');
    expect(result.stdout).toContain('matched     1, 1.00');
    expect(result.stdout).toContain('abnormal    4, 133.49');
    expect(result.stdout).toContain('doubtful    0, 0.00');
    const [row] = (await db.orm.em
      .fork()
      .getConnection()
      .execute('select remark, person from reconciliation_run where code = ?', [runCode])) as {
      remark: string;
      person: string;
    }[];
    expect(row?.remark).toBe('night shift');
  });

  it('refuses with the graph’s codes and a non-zero exit', async () => {
    const noStatement = await run(['run', '--source', 'alipay', '--date', '2025-03-01']);
    expect(noStatement.code).toBe(1);
    expect(noStatement.stderr).toMatch(
      /^rejected \(BAD_USER_INPUT\): no statement of this source covers the period/,
    );
    const backwards = await run(['run', '--source', 'wechat', '--date', '2025-03-02', '--to', '2025-03-01']);
    expect(backwards).toMatchObject({
      code: 1,
      stderr: 'rejected (BAD_USER_INPUT): --to must not be before --date\n',
    });
    const badDate = await run(['run', '--source', 'wechat', '--date', '2025-02-30']);
    expect(badDate.stderr).toMatch(/rejected \(BAD_USER_INPUT\): date must be a date like/);
    const tooLong = await run(['run', '--source', 'wechat', '--date', '2025-01-01', '--to', '2025-03-01']);
    expect(tooLong.stderr).toMatch(/rejected \(BAD_USER_INPUT\): a run covers at most 31 days/);
    const badIssue = await run(['discrepancies', '--issue', 'MISSING']);
    expect(badIssue.code).toBe(1);
    expect(badIssue.stderr).toMatch(
      /rejected \(BAD_USER_INPUT\): unknown issue "MISSING": one of DOUBTFUL, SURPLUS, SHORTAGE/,
    );
    const noRun = await run(['discrepancies', '--run', 'f'.repeat(32)]);
    expect(noRun).toMatchObject({
      code: 1,
      stderr: `rejected (NOT_FOUND): no reconciliation run with code ${'f'.repeat(32)}\n`,
    });
    const usage = await run(['run', '--date', '2025-03-01']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--source is required[\s\S]*usage: npm run recon/);
  });

  it('lists discrepancies with filters and writes them as CSV, amounts in exact yuan', async () => {
    const listed = await run(['discrepancies', '--source', 'wechat', '--run', runCode]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('SHORTAGE(短款)  C-SHORT-1  123.45  open  短款：平台已支付，渠道无记录');
    expect(listed.stdout).toMatch(/\n4 discrepancies\n$/);

    const csv = await run(['discrepancies', '--issue', 'shortage', '--csv', '-']);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toBe('');
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'code,run_code,source,issue,issue_text,platform_order_no,transaction_id,trade_time,amount,channel_amount,platform_amount,merchant_id,merchant_name,resolved,note,created_at',
    );
    expect(lines).toHaveLength(4); // header, two shortages, and the empty string after the last CRLF
    const [one, two] = [lines[1], lines[2]].sort(
      (a, b) => Number(b!.includes('C-SHORT-1')) - Number(a!.includes('C-SHORT-1')),
    );
    expect(one).toMatch(
      new RegExp(
        `^[0-9a-f]{32},${runCode},wechat,SHORTAGE,短款,C-SHORT-1,TX-C-SHORT-1,2025-03-01 11:00:00,123\\.45,,123\\.45,2024164,"商户, ""甲""",false,短款：平台已支付，渠道无记录,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$`,
      ),
    );
    expect(two).toContain(',C-SHORT-2,TX-C-SHORT-2,2025-03-01 12:00:00,0.05,,0.05,2024164,测试商户,false,');

    // An operator resolves one; --open leaves it out.
    await db.orm.em
      .fork()
      .getConnection()
      .execute(`update reconciliation_result set resolved = true where out_trade_no = 'C-SHORT-2'`);
    const file = join(dir, 'open.csv');
    const open = await run(['discrepancies', '--open', '--issue', 'SHORTAGE', '--csv', file]);
    expect(open).toMatchObject({ code: 0, stdout: `wrote 1 discrepancy to ${file}\n` });
    const written = await readFile(file, 'utf8');
    expect(written.startsWith('\uFEFFcode,run_code,')).toBe(true);
    expect(written.split('\r\n')).toHaveLength(3);
    expect(written).toContain(',C-SHORT-1,');

    const nowhere = await run(['discrepancies', '--csv', join(dir, 'no-such-dir', 'x.csv')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^rejected \(BAD_USER_INPUT\): cannot write .*no-such-dir/);
  });

  it('refuses a second file for a day unless --replace, and says what it replaced', async () => {
    const args = (file: string, ...extra: string[]) => [
      'import',
      '--source',
      'sandbox-wechat',
      '--date',
      '2025-11-16',
      ...extra,
      join(FIXTURES, file),
    ];
    const first = await run(args('wechat-all-20251116.csv'));
    expect(first.code).toBe(0);
    const id = /^imported statement (\d+)/.exec(first.stdout)![1];
    const refused = await run(args('wechat-success-20251116.csv'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `rejected (STATEMENT_EXISTS): sandbox-wechat already has statement ${id} (wechat-all-20251116.csv) for 2025-11-16`,
    );
    expect(refused.stderr).toContain('add --replace to replace it');
    const replaced = await run(args('wechat-success-20251116.csv', '--replace'));
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/^imported statement \d+\n/);
    expect(replaced.stdout).toContain(
      `replaces   statement ${id} (wechat-all-20251116.csv), kept as history`,
    );
  });

  it('lists what each source covers', async () => {
    const sources = await run(['sources']);
    expect(sources.stdout).toMatch(/wechat\s+wechat-trade-bill \(built in\) {2}covers WECHAT/);
    expect(sources.stdout).toMatch(/sandbox-alipay\s+alipay-trade-bill \(built in\) {2}covers ALIPAY/);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runReconCli } from '../../src/recon-cli';
import { openTestReconciliationDatabase } from '../support/reconciliation-app';

const FIXTURES = join(__dirname, '..', 'fixtures');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('npm run recon -- import', () => {
  let db: Awaited<ReturnType<typeof openTestReconciliationDatabase>>;
  let dir: string;
  beforeAll(async () => {
    db = await openTestReconciliationDatabase();
    dir = await mkdtemp(join(tmpdir(), 'recon-cli-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (argv: string[]) => {
    const stdout = capture();
    const stderr = capture();
    const code = await runReconCli(argv, {
      databaseUrl: db.url,
      statementDir: dir,
      stdout: stdout.stream,
      stderr: stderr.stream,
      progress: true,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  it('imports a file, prints the statement summary, and imports it again as a no-op', async () => {
    const file = join(FIXTURES, 'wechat-all-20251116.csv');
    const first = await run([
      'import',
      '--source',
      'wechat',
      '--date',
      '2025-11-16',
      '--person',
      'ops-carol',
      file,
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported statement (\d+)\n/);
    expect(first.stdout).toContain('source     wechat (wechat-trade-bill:ALL)');
    expect(first.stdout).toContain('bill date  2025-11-16');
    expect(first.stdout).toContain('lines      8');
    expect(first.stdout).toContain('payments   6, 775.17');
    expect(first.stdout).toContain('refunds    1, 100.00');
    expect(first.stdout).toContain('fees       4.05');
    const rows = (await db.orm.em
      .fork()
      .getConnection()
      .execute('select person, file_name, line_count from statement')) as unknown[];
    expect(rows).toEqual([{ person: 'ops-carol', file_name: 'wechat-all-20251116.csv', line_count: 8 }]);

    const again = await run(['import', '--source', 'wechat', '--date', '2025-11-16', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already imported as statement \d+: nothing changed/);
  });

  it('rejects a bad file with its line and reason, exit code 1', async () => {
    const result = await run([
      'import',
      '--source',
      'wechat',
      '--date',
      '2025-11-17',
      join(FIXTURES, 'bad-wechat-summary-mismatch.csv'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /rejected \(STATEMENT_INVALID\): .*line 11: summary 应结订单总金额 is 805.71/,
    );
  });

  it('explains its usage on bad arguments and lists the sources', async () => {
    const bad = await run(['import', '--date', '2025-11-16', join(FIXTURES, 'wechat-all-20251116.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--source is required[\s\S]*usage: npm run recon/);
    const sources = await run(['sources']);
    expect(sources.code).toBe(0);
    expect(sources.stdout).toMatch(/sandbox-alipay\s+alipay-trade-bill \(built in\)/);
  });
});

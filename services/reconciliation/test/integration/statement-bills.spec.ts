import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ACTOR_HEADER, AppError, dataOf, errorCodes, signActorHeader } from '@pay/common';
import { runReconCli } from '../../src/recon-cli';
import { importStatement, type ImportStatementResult } from '../../src/modules/statement/statement.service';
import { StatementStore } from '../../src/modules/statement/statement-store';
import {
  ACTORS,
  openTestReconciliationDatabase,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(FIXTURES, file)))
    .digest('hex');

/**
 * Issue 12: Alipay bills exactly as Alipay writes them (both footers, the summary file),
 * a channel transaction listed twice, and refused files leaving nothing behind — in the
 * database or under STATEMENT_DIR — whether imported through the graph or the CLI.
 * Each import uses its own bill date (one statement per source and day).
 */
describe('statement bills as the channels write them', () => {
  let app: ReconciliationTestApp;
  let dir: string;
  let store: StatementStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'statement-bills-'));
    app = await startReconciliationTestApp({ statementDir: dir });
    store = new StatementStore(dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.orm.em.fork().getConnection().execute(text, params)) as T[];
  const counts = async () =>
    (
      await sql<{ s: string; l: string; u: string }>(
        `select (select count(*) from statement) as s, (select count(*) from statement_line) as l,
                (select count(*) from statement_upload) as u`,
      )
    )[0] as { s: string; l: string; u: string };

  const importFixture = (file: string, source: string, billDate: string): Promise<ImportStatementResult> =>
    importStatement(app.orm.em.fork(), store, {
      source,
      billDate,
      fileName: file,
      person: 'ops-alice',
      stream: createReadStream(join(FIXTURES, file)),
    });

  it('reads a day without refunds: `#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元`, a store row before 合计', async () => {
    const { statement, created } = await importFixture(
      'alipay-trade-20251117-no-refunds.csv.zip',
      'alipay',
      '2025-11-17',
    );
    expect(created).toBe(true);
    expect(statement).toMatchObject({
      template: 'alipay-trade-bill',
      lineCount: 2,
      paymentCount: 2,
      paymentAmount: 3006,
      refundCount: 0,
      refundAmount: 0,
      feeAmount: 18,
    });
  });

  it('reads the real footers with refunds (`商家实收退款共-100.00元`) and the summary file', async () => {
    const { statement } = await importFixture('alipay-trade-20251116.csv.zip', 'alipay', '2025-11-16');
    expect(statement).toMatchObject({ lineCount: 4, paymentCount: 3, refundCount: 1, refundAmount: 10000 });
  });

  it.each([
    [
      'bad-alipay-no-summary.csv.zip',
      'alipay',
      0,
      /^the zip has no summary file \(an entry matching .*entries: 20881021770001560156_20251116_业务明细\.csv\): the bill is incomplete$/,
    ],
    [
      'bad-alipay-summary-mismatch.csv.zip',
      'alipay',
      6,
      /^20881021770001560156_20251116_业务明细\(汇总\)\.csv 合计 商家实收（元） is 49\.19 but the rows add up to 49\.91$/,
    ],
    ['bad-alipay-missing-column.csv.zip', 'alipay', 5, /^missing column: 商家实收（元） \/ 商家实收\(元\)$/],
    [
      'bad-alipay-duplicate-refund.csv.zip',
      'alipay',
      10,
      /^line 10 repeats line 9: the same channel transaction twice \(REFUND, transaction 2025111622001425671000000101, refund RH25111600000401\)$/,
    ],
    [
      'bad-wechat-duplicate-line.csv',
      'wechat',
      10,
      /^line 10 repeats line 2: the same channel transaction twice \(PAYMENT, transaction 4200002901202511160001\)$/,
    ],
  ])(
    'refuses %s (as %s) at line %d, and keeps nothing of it: no rows, no file',
    async (file, source, line, reason) => {
      const before = await counts();
      const error = await importFixture(file, source, '2025-11-20').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('STATEMENT_INVALID');
      expect((error as AppError).details).toMatchObject({ line, fileName: file, source });
      expect(String((error as AppError).details.reason)).toMatch(reason);
      expect(await counts()).toEqual(before);
      expect(await store.has(sha256(file))).toBe(false);
    },
  );

  it('keeps the file of a refused import when a statement already holds the same content', async () => {
    const { statement } = await importFixture('wechat-success-20251116.csv', 'wechat', '2025-11-21');
    await expect(importFixture('wechat-success-20251116.csv', 'alipay', '2025-11-21')).rejects.toMatchObject({
      code: 'STATEMENT_INVALID',
    });
    expect(await store.has(statement.contentHash)).toBe(true);
    expect(existsSync(statement.storedPath as string)).toBe(true);
  });

  it('through the graph: a refused upload leaves no statement, no upload record and no file', async () => {
    const file = 'bad-alipay-summary-mismatch.csv.zip';
    const response = await fetch(`${app.baseUrl}/internal/statement-uploads`, {
      method: 'POST',
      headers: {
        [ACTOR_HEADER]: signActorHeader(ACTORS.system, app.config.auth.internalSecret),
        'x-statement-file-name': encodeURIComponent(file),
        'content-type': 'application/octet-stream',
      },
      body: readFileSync(join(FIXTURES, file)),
    });
    const { uploadId } = (await response.json()) as { uploadId: string };
    expect(uploadId).toBe(sha256(file));
    expect(await store.has(uploadId)).toBe(true);
    const before = await counts();

    const result = await app.gql(
      `mutation ($input: ImportStatementInput!) { importStatement(input: $input) { created } }`,
      { input: { file: uploadId, source: 'sandbox-alipay', billDate: '2025-11-22' } },
    );
    expect(errorCodes(result)).toEqual(['STATEMENT_INVALID']);
    expect(result.body.errors?.[0]?.extensions?.details).toMatchObject({ line: 6, fileName: file });
    expect(await counts()).toEqual({ ...before, u: String(Number(before.u) - 1) });
    expect(await sql('select * from statement_upload where id = ?', [uploadId])).toEqual([]);
    expect(await store.has(uploadId)).toBe(false);
    // Nothing to import any more: the upload is gone.
    expect(
      errorCodes(
        await app.gql(
          `mutation ($input: ImportStatementInput!) { importStatement(input: $input) { created } }`,
          {
            input: { file: uploadId, source: 'sandbox-alipay', billDate: '2025-11-22' },
          },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(dataOf(await app.gql('query { statements(source: "sandbox-alipay") { totalCount } }'))).toEqual({
      statements: { totalCount: 0 },
    });
  });

  it('through the CLI: a refused file leaves nothing, exit code 1 with the cause', async () => {
    // The CLI opens its own connection: a database of its own.
    const db = await openTestReconciliationDatabase();
    const cliDir = await mkdtemp(join(tmpdir(), 'statement-bills-cli-'));
    try {
      const stdout = new PassThrough().resume();
      const stderr = new PassThrough();
      let errText = '';
      stderr.on('data', (c: Buffer) => (errText += c.toString()));
      const file = 'bad-wechat-duplicate-line.csv';
      const code = await runReconCli(
        ['import', '--source', 'wechat', '--date', '2025-11-23', join(FIXTURES, file)],
        {
          databaseUrl: db.url,
          statementDir: cliDir,
          stdout,
          stderr,
          progress: false,
        },
      );
      expect(code).toBe(1);
      expect(errText).toMatch(
        /STATEMENT_INVALID.*line 10: line 10 repeats line 2: the same channel transaction twice/,
      );
      expect(
        await db.orm.em
          .fork()
          .getConnection()
          .execute(
            'select (select count(*) from statement) as s, (select count(*) from statement_line) as l',
          ),
      ).toEqual([{ s: '0', l: '0' }]);
      expect(await new StatementStore(cliDir).has(sha256(file))).toBe(false);
    } finally {
      await db.close();
      await rm(cliDir, { recursive: true, force: true });
    }
  });
});

import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ACTOR_HEADER, AppError, dataOf, errorCodes, signActorHeader } from '@pay/common';
import { importStatement, type ImportStatementResult } from '../../src/modules/statement/statement.service';
import { StatementStore } from '../../src/modules/statement/statement-store';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';

const FIXTURES = join(__dirname, '..', 'fixtures');

interface LineRow {
  line_no: number;
  kind: string;
  trade_time: Date;
  platform_order_no: string | null;
  transaction_id: string | null;
  refund_no: string | null;
  amount: string;
  refund_amount: string;
  fee: string;
  payer: string | null;
  device: string | null;
  product: string | null;
}

describe('statement ingestion', () => {
  let app: ReconciliationTestApp;
  let dir: string;
  let store: StatementStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'statements-'));
    app = await startReconciliationTestApp({ statementDir: dir });
    store = new StatementStore(dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.orm.em.fork().getConnection().execute(text, params)) as T[];

  const importFixture = (
    file: string,
    source: string,
    billDate: string,
    options: { replace?: boolean } = {},
  ): Promise<ImportStatementResult> =>
    importStatement(app.orm.em.fork(), store, {
      source,
      billDate,
      fileName: file,
      person: 'ops-alice',
      replace: options.replace,
      stream: createReadStream(join(FIXTURES, file)),
    });

  const linesOf = async (statementId: number) =>
    (
      await sql<LineRow>('select * from statement_line where statement_id = ? order by line_no', [
        statementId,
      ])
    ).map((l) => ({ ...l, trade_time: new Date(l.trade_time) }));

  /** Expects STATEMENT_INVALID naming the line and a reason, and nothing kept. */
  async function expectRejected(file: string, source: string, line: number, reason: RegExp): Promise<void> {
    const before = await sql<{ s: string; l: string }>(
      'select (select count(*) from statement) as s, (select count(*) from statement_line) as l',
    );
    // A day without a statement: a different file for a day that has one is STATEMENT_EXISTS first.
    const error = await importFixture(file, source, '2025-11-26').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('STATEMENT_INVALID');
    expect(appError.details).toMatchObject({ line, fileName: file, source });
    expect(String(appError.details.reason)).toMatch(reason);
    expect(
      await sql('select (select count(*) from statement) as s, (select count(*) from statement_line) as l'),
    ).toEqual(before);
  }

  it('reads the WeChat ALL bill: kinds, amounts in fen, five-decimal fees rounded half-up once, China time', async () => {
    const { statement, created } = await importFixture('wechat-all-20251116.csv', 'wechat', '2025-11-16');
    expect(created).toBe(true);
    expect(statement).toMatchObject({
      source: 'wechat',
      template: 'wechat-trade-bill:ALL',
      billDate: '2025-11-16',
      fileName: 'wechat-all-20251116.csv',
      person: 'ops-alice',
      lineCount: 8,
      paymentCount: 6,
      paymentAmount: 77517,
      refundCount: 1,
      refundAmount: 10000,
      // 60 + 53 (0.53100) + 0 (0.00006) + 300 + 12 - 60 + 0 + 40 (0.39996)
      feeAmount: 405,
    });
    expect(statement.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(statement.storedPath).toBe(join(dir, statement.contentHash.slice(0, 2), statement.contentHash));
    expect(readFileSync(statement.storedPath as string)).toEqual(
      readFileSync(join(FIXTURES, 'wechat-all-20251116.csv')),
    );
    const lines = await linesOf(statement.id);
    expect(
      lines.map((l) => [l.line_no, l.kind, Number(l.amount), Number(l.refund_amount), Number(l.fee)]),
    ).toEqual([
      [2, 'PAYMENT', 10000, 0, 60],
      [3, 'PAYMENT', 8850, 0, 53],
      [4, 'PAYMENT', 1, 0, 0],
      [5, 'PAYMENT', 50000, 0, 300],
      [6, 'PAYMENT', 2000, 0, 12],
      [7, 'REFUND', 0, 10000, -60],
      [8, 'REVOKED', 3000, 0, 0],
      [9, 'PAYMENT', 6666, 0, 40],
    ]);
    expect(lines[0]).toMatchObject({
      trade_time: new Date('2025-11-15T16:00:03Z'),
      platform_order_no: 'H25111600000301',
      transaction_id: '4200002901202511160001',
      refund_no: null,
      payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      device: '013467007045764',
      product: '话费充值',
    });
    // A quoted field keeps its comma; the backtick prefix is gone.
    expect(lines[1]?.product).toBe('话费充值,100元');
    expect(lines[1]?.device).toBeNull();
    expect(lines[5]).toMatchObject({
      refund_no: 'RH25111600000301',
      trade_time: new Date('2025-11-16T04:00:00Z'),
    });
    expect(lines[7]?.trade_time).toEqual(new Date('2025-11-16T15:59:58Z'));
  });

  it.each([
    [
      'wechat-success-20251116.csv',
      'wechat-trade-bill:SUCCESS',
      {
        lineCount: 6,
        paymentCount: 6,
        paymentAmount: 77517,
        refundCount: 0,
        refundAmount: 0,
        feeAmount: 465,
      },
    ],
    [
      'wechat-refund-20251116.csv',
      'wechat-trade-bill:REFUND',
      {
        lineCount: 2,
        paymentCount: 0,
        paymentAmount: 0,
        refundCount: 2,
        refundAmount: 11234,
        feeAmount: -67,
      },
    ],
    [
      'wechat-legacy-20170901.csv',
      'wechat-trade-bill:LEGACY',
      {
        lineCount: 3,
        paymentCount: 2,
        paymentAmount: 3500,
        refundCount: 1,
        refundAmount: 1000,
        feeAmount: 15,
      },
    ],
  ])('reads the WeChat variant %s', async (file, template, totals) => {
    // Each variant replaces the day's previous file (one statement per source and day).
    const { statement, created } = await importFixture(file, 'wechat', '2025-11-16', { replace: true });
    expect(created).toBe(true);
    expect(statement).toMatchObject({ template, ...totals });
  });

  it('takes a REFUND bill line’s time from 退款成功时间 and keeps refund numbers', async () => {
    const { statement } = await importFixture('wechat-refund-20251116.csv', 'wechat', '2025-11-17');
    const lines = await linesOf(statement.id);
    expect(
      lines.map((l) => [
        l.kind,
        l.trade_time.toISOString(),
        l.refund_no,
        Number(l.refund_amount),
        Number(l.fee),
      ]),
    ).toEqual([
      ['REFUND', '2025-11-16T04:00:00.000Z', 'RH25111600000301', 10000, -60],
      // -0.07404 rounds half away from zero to -0.07.
      ['REFUND', '2025-11-16T07:20:01.000Z', 'RH25111500009901', 1234, -7],
    ]);
  });

  it('reads the Alipay zip: the GBK detail entry, # lines skipped, TABs trimmed, refunds positive, fees charged positive', async () => {
    const { statement, created } = await importFixture(
      'alipay-trade-20251116.csv.zip',
      'alipay',
      '2025-11-16',
    );
    expect(created).toBe(true);
    expect(statement).toMatchObject({
      template: 'alipay-trade-bill',
      lineCount: 4,
      paymentCount: 3,
      paymentAmount: 14991,
      refundCount: 1,
      refundAmount: 10000,
      // 服务费 -0.50, -0.25, 0.00 charged; +0.50 given back.
      feeAmount: 25,
    });
    const lines = await linesOf(statement.id);
    expect(
      lines.map((l) => [l.line_no, l.kind, Number(l.amount), Number(l.refund_amount), Number(l.fee)]),
    ).toEqual([
      [6, 'PAYMENT', 10000, 0, 50],
      [7, 'PAYMENT', 4990, 0, 25],
      [8, 'PAYMENT', 1, 0, 0],
      [9, 'REFUND', 0, 10000, -50],
    ]);
    expect(lines[1]).toMatchObject({
      platform_order_no: 'H25111600000402',
      transaction_id: '2025111622001425671000000102',
      payer: '138****0000',
      device: 'T001',
      product: '话费充值',
      trade_time: new Date('2025-11-16T02:20:09Z'),
    });
    expect(lines[3]).toMatchObject({ refund_no: 'RH25111600000401', platform_order_no: 'H25111600000401' });
    expect(lines[0]?.refund_no).toBeNull();
  });

  it('imports the same file twice as a no-op, and the same file for another day as another statement', async () => {
    const first = await importFixture('wechat-all-20251116.csv', 'sandbox-wechat', '2025-11-16');
    const again = await importFixture('wechat-all-20251116.csv', 'sandbox-wechat', '2025-11-16');
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.statement.id).toBe(first.statement.id);
    expect(await linesOf(first.statement.id)).toHaveLength(8);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from statement where source = ?', [
      'sandbox-wechat',
    ])) as [{ n: string }];
    expect(Number(n)).toBe(1);
    const otherDay = await importFixture('wechat-all-20251116.csv', 'sandbox-wechat', '2025-11-17');
    expect(otherDay.created).toBe(true);
    expect(otherDay.statement.id).not.toBe(first.statement.id);
    // Stored once, content-addressed.
    const hash = first.statement.contentHash;
    expect(await readdir(join(dir, hash.slice(0, 2)))).toContain(hash);
  });

  it('imports concurrently sent copies of one file once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => importFixture('wechat-success-20251116.csv', 'sandbox-wechat', '2025-11-20')),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.statement.id)).size).toBe(1);
  });

  it.each([
    ['bad-wechat-gbk-encoded.csv', 'wechat', 1, /not valid UTF-8.*GBK/],
    ['bad-alipay-utf8-content.csv.zip', 'alipay', 1, /UTF-8.*expects GBK/],
    ['bad-wechat-missing-column.csv', 'wechat', 1, /missing column: 商户订单号/],
    ['bad-wechat-malformed-amount.csv', 'wechat', 5, /应结订单金额 "5OO.00" is not an amount/],
    ['bad-alipay-truncated.csv.zip', 'alipay', 0, /not a readable zip/],
    [
      'bad-wechat-summary-mismatch.csv',
      'wechat',
      11,
      /summary 应结订单总金额 is 805.71 but the rows add up to 805.17/,
    ],
    ['bad-wechat-truncated.csv', 'wechat', 6, /expected 27 fields, found 7/],
    ['wechat-all-20251116.csv', 'alipay', 0, /not a readable zip/],
    ['alipay-trade-20251116.csv.zip', 'wechat', 1, /binary data, not text/],
  ])('rejects %s (as %s) at line %d, keeping nothing', async (file, source, line, reason) => {
    await expectRejected(file, source, line, reason);
  });

  /** A WeChat ALL bill of `rows` payments of 1.00 (fee 0.00600 each), generated while it is read. */
  function bigWechatBill(rows: number, badRow?: number): Readable {
    const fixture = readFileSync(join(FIXTURES, 'wechat-all-20251116.csv'), 'utf8').split('\r\n');
    const [header, sample] = fixture as [string, string];
    return Readable.from(
      (function* lines() {
        yield Buffer.from(`${header}\r\n`);
        let chunk = '';
        for (let i = 1; i <= rows; i += 1) {
          const no = `H2511160${String(i).padStart(7, '0')}`;
          chunk += `${sample
            .replace('H25111600000301', no)
            .replace('4200002901202511160001', `42000029012025111${String(i).padStart(5, '0')}`)
            .replace('`100.00,`0.00,`0,', i === badRow ? '`1.0.0,`0.00,`0,' : '`1.00,`0.00,`0,')
            .replace('`0.60000,', '`0.00600,')
            .replace(/`100\.00,`0\.00,`$/, '`1.00,`0.00,`')}\r\n`;
          if (chunk.length > 32_000) {
            yield Buffer.from(chunk);
            chunk = '';
          }
        }
        const fees = (rows * 600).toString().padStart(6, '0');
        const sum = `${rows}.00`;
        yield Buffer.from(
          `${chunk}总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n` +
            `\`${rows},\`${sum},\`0.00,\`0.00,\`${fees.slice(0, -5)}.${fees.slice(-5)},\`${sum},\`0.00\r\n`,
        );
      })(),
    );
  }

  it('streams a large file through COPY, and rolls back a late error after lines were already sent', async () => {
    const big = await importStatement(app.orm.em.fork(), store, {
      source: 'wechat',
      billDate: '2025-12-01',
      fileName: 'big.csv',
      person: 'ops-alice',
      stream: bigWechatBill(20_000),
    });
    expect(big.statement).toMatchObject({ lineCount: 20_000, paymentAmount: 2_000_000, feeAmount: 20_000 });
    const [{ n }] = (await sql<{ n: string }>(
      'select count(*) as n from statement_line where statement_id = ?',
      [big.statement.id],
    )) as [{ n: string }];
    expect(Number(n)).toBe(20_000);

    const before = await sql(
      'select (select count(*) from statement) as s, (select count(*) from statement_line) as l',
    );
    const error = await importStatement(app.orm.em.fork(), store, {
      source: 'wechat',
      billDate: '2025-12-02',
      fileName: 'big-bad.csv',
      person: 'ops-alice',
      stream: bigWechatBill(20_000, 19_000),
    }).catch((e: unknown) => e as AppError);
    expect((error as AppError).details).toMatchObject({
      line: 19_001,
      reason: '应结订单金额 "1.0.0" is not an amount',
    });
    expect(
      await sql('select (select count(*) from statement) as s, (select count(*) from statement_line) as l'),
    ).toEqual(before);
    // The connection went back to the pool usable.
    expect(await sql('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('rejects a summary count that disagrees with the rows', async () => {
    const { readFile } = await import('node:fs/promises');
    // The WeChat ALL fixture read by a template whose summary expects another count.
    const text = (await readFile(join(FIXTURES, 'wechat-all-20251116.csv'), 'utf8')).replace(
      '`8,`805.17',
      '`9,`805.17',
    );
    const error = await importStatement(app.orm.em.fork(), store, {
      source: 'wechat',
      billDate: '2025-11-26',
      fileName: 'count.csv',
      person: 'ops-alice',
      stream: Readable.from([Buffer.from(text)]),
    }).catch((e: unknown) => e as AppError);
    expect((error as AppError).details).toMatchObject({
      line: 11,
      reason: 'summary 总交易单数 is 9 but the rows number 8',
    });
  });

  it('refuses an unknown source and a bad bill date before reading anything', async () => {
    await expect(importFixture('wechat-all-20251116.csv', 'nobody', '2025-11-16')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(importFixture('wechat-all-20251116.csv', 'wechat', '2025-02-30')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  describe('through the graph', () => {
    const upload = async (file: string): Promise<string> => {
      const response = await fetch(`${app.baseUrl}/internal/statement-uploads`, {
        method: 'POST',
        headers: {
          [ACTOR_HEADER]: signActorHeader(ACTORS.system, app.config.auth.internalSecret),
          'x-statement-file-name': encodeURIComponent(file),
          'content-type': 'application/octet-stream',
        },
        body: readFileSync(join(FIXTURES, file)),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { uploadId: string }).uploadId;
    };

    const IMPORT = `mutation ($input: ImportStatementInput!) {
      importStatement(input: $input) {
        created
        statement { id source template billDate fileName lineCount paymentCount paymentAmount refundCount refundAmount feeAmount person
          lines(pageSize: 2, kind: PAYMENT) { totalCount nodes { lineNo kind amount fee platformOrderNo statement { id } } } }
      }
    }`;

    it('accepts uploads only from the gateway (signed SYSTEM actor)', async () => {
      const response = await fetch(`${app.baseUrl}/internal/statement-uploads`, {
        method: 'POST',
        headers: { [ACTOR_HEADER]: signActorHeader(ACTORS.operator, app.config.auth.internalSecret) },
        body: 'x',
      });
      expect(response.status).toBe(401);
    });

    it('imports an uploaded file, lists it, and shows its lines', async () => {
      const id = await upload('alipay-trade-20251116.csv.zip');
      const result = dataOf(
        await app.gql<{ importStatement: { created: boolean; statement: Record<string, unknown> } }>(IMPORT, {
          input: { file: id, source: 'sandbox-alipay', billDate: '2025-11-16' },
        }),
      ).importStatement;
      expect(result.created).toBe(true);
      expect(result.statement).toMatchObject({
        source: 'sandbox-alipay',
        template: 'alipay-trade-bill',
        billDate: '2025-11-16',
        fileName: 'alipay-trade-20251116.csv.zip',
        lineCount: 4,
        paymentCount: 3,
        paymentAmount: '149.91',
        refundAmount: '100.00',
        feeAmount: '0.25',
        person: 'ops-alice',
        lines: {
          totalCount: 3,
          nodes: [
            {
              lineNo: 6,
              kind: 'PAYMENT',
              amount: '100.00',
              fee: '0.50',
              platformOrderNo: 'H25111600000401',
              statement: { id: result.statement.id },
            },
            {
              lineNo: 7,
              kind: 'PAYMENT',
              amount: '49.90',
              fee: '0.25',
              platformOrderNo: 'H25111600000402',
              statement: { id: result.statement.id },
            },
          ],
        },
      });
      const again = dataOf(
        await app.gql<{ importStatement: { created: boolean; statement: { id: string } } }>(IMPORT, {
          input: { file: id, source: 'sandbox-alipay', billDate: '2025-11-16' },
        }),
      ).importStatement;
      expect(again).toMatchObject({ created: false, statement: { id: result.statement.id } });

      const listed = dataOf(
        await app.gql<{ statements: { totalCount: number; nodes: { id: string }[] } }>(
          `query { statements(source: "sandbox-alipay", billDateFrom: "2025-11-16", billDateTo: "2025-11-16") { totalCount nodes { id } } }`,
          {},
          ACTORS.analyst,
        ),
      ).statements;
      expect(listed).toEqual({ totalCount: 1, nodes: [{ id: result.statement.id }] });
      const one = dataOf(
        await app.gql<{ statement: { fileName: string } | null }>(
          `query ($id: ID!) { statement(id: $id) { fileName } }`,
          { id: result.statement.id },
          ACTORS.analyst,
        ),
      ).statement;
      expect(one).toEqual({ fileName: 'alipay-trade-20251116.csv.zip' });
    });

    it('reports a bad file with STATEMENT_INVALID, the line and the reason', async () => {
      const id = await upload('bad-wechat-malformed-amount.csv');
      const result = await app.gql(IMPORT, { input: { file: id, source: 'wechat', billDate: '2025-11-18' } });
      expect(errorCodes(result)).toEqual(['STATEMENT_INVALID']);
      expect(result.body.errors?.[0]?.extensions?.details).toMatchObject({
        line: 5,
        reason: '应结订单金额 "5OO.00" is not an amount',
      });
      expect(await sql('select * from statement where bill_date = ?', ['2025-11-18'])).toEqual([]);
    });

    it('is for platform roles: merchants may not read, analysts may not import, unknown uploads are NOT_FOUND', async () => {
      expect(errorCodes(await app.gql('query { statements { totalCount } }', {}, ACTORS.merchant))).toEqual([
        'FORBIDDEN',
      ]);
      const id = await upload('wechat-success-20251116.csv');
      expect(
        errorCodes(
          await app.gql(
            IMPORT,
            { input: { file: id, source: 'wechat', billDate: '2025-11-19' } },
            ACTORS.analyst,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(
          await app.gql(IMPORT, {
            input: { file: 'f'.repeat(64), source: 'wechat', billDate: '2025-11-19' },
          }),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(
          await app.gql(IMPORT, { input: { file: 'nope', source: 'wechat', billDate: '2025-11-19' } }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    });

    it('registers an operator’s CSV template and imports that source with it', async () => {
      const REGISTER = `mutation ($input: RegisterStatementTemplateInput!) {
        registerStatementTemplate(input: $input) { source templateName builtIn encoding container person }
      }`;
      const template = JSON.parse(
        readFileSync(join(FIXTURES, 'generic-acme.template.json'), 'utf8'),
      ) as Record<string, unknown>;
      expect(
        errorCodes(await app.gql(REGISTER, { input: { source: 'acme', template } }, ACTORS.analyst)),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(REGISTER, { input: { source: 'wechat', template } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const invalid = await app.gql(REGISTER, {
        input: { source: 'acme', template: { ...template, encoding: 'latin1', columns: {} } },
      });
      expect(errorCodes(invalid)).toEqual(['BAD_USER_INPUT']);
      expect(invalid.body.errors?.[0]?.message).toMatch(/encoding/);
      const incomplete = await app.gql(REGISTER, {
        input: { source: 'acme', template: { ...template, columns: {} } },
      });
      expect(errorCodes(incomplete)).toEqual(['BAD_USER_INPUT']);
      expect(incomplete.body.errors?.[0]?.message).toMatch(/tradeTime/);

      expect(
        dataOf(await app.gql(REGISTER, { input: { source: 'acme', template } })).registerStatementTemplate,
      ).toEqual({
        source: 'acme',
        templateName: 'acme-settlement',
        builtIn: false,
        encoding: 'utf8',
        container: 'plain',
        person: 'ops-alice',
      });
      const sources = dataOf(
        await app.gql<{ statementSources: { source: string; builtIn: boolean }[] }>(
          'query { statementSources { source builtIn } }',
          {},
          ACTORS.analyst,
        ),
      ).statementSources;
      expect(sources.map((s) => s.source)).toEqual([
        'wechat',
        'alipay',
        'sandbox-wechat',
        'sandbox-alipay',
        'acme',
      ]);

      const id = await upload('generic-acme-20251116.csv');
      const imported = dataOf(
        await app.gql<{ importStatement: { statement: Record<string, unknown> } }>(IMPORT, {
          input: { file: id, source: 'acme', billDate: '2025-11-16', fileName: 'acme.csv' },
        }),
      ).importStatement.statement;
      expect(imported).toMatchObject({
        source: 'acme',
        template: 'acme-settlement',
        fileName: 'acme.csv',
        lineCount: 3,
        paymentCount: 2,
        paymentAmount: '155.50',
        refundCount: 1,
        refundAmount: '20.00',
        feeAmount: '0.93',
      });
      const lines = await linesOf(Number(imported.id));
      expect(lines.map((l) => [l.line_no, l.kind, l.trade_time.toISOString(), l.payer])).toEqual([
        [3, 'PAYMENT', '2025-11-16T01:30:00.000Z', '6222****1234'],
        [4, 'PAYMENT', '2025-11-16T02:05:00.000Z', '6222****9876'],
        [5, 'REFUND', '2025-11-16T09:45:00.000Z', '6222****1234'],
      ]);
    });
  });
});

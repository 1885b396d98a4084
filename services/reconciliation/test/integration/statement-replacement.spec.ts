import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTOR_HEADER, AppError, dataOf, errorCodes, signActorHeader } from '@pay/common';
import { importStatement } from '../../src/modules/statement/statement.service';
import { StatementStore } from '../../src/modules/statement/statement-store';
import { cn } from '../support/recon-fixtures';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const DAY = '2025-11-16';

describe('one current statement per source and bill date', () => {
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

  const importFile = (file: string, source: string, options: { replace?: boolean } = {}) =>
    importStatement(app.orm.em.fork(), store, {
      source,
      billDate: DAY,
      fileName: file,
      person: 'ops-alice',
      stream: createReadStream(join(FIXTURES, file)),
      replace: options.replace,
    });

  /** Lines of each statement of the source and day that matching would use, by statement id. */
  const currentLines = async (source: string) =>
    (
      await sql<{ id: string; current: string; superseded: boolean }>(
        `select s.id, count(l.id) filter (where l.current) as current, s.superseded_at is not null as superseded
         from statement s left join statement_line l on l.statement_id = s.id
         where s.source = ? group by s.id order by s.id`,
        [source],
      )
    ).map((r) => [Number(r.id), Number(r.current), r.superseded]);

  const RUN = `mutation ($input: StartReconciliationRunInput!) {
    startReconciliationRun(input: $input) { id statementLineCount statements { id fileName current } }
  }`;
  const runDay = async (source: string) =>
    dataOf(
      await app.gql<{
        startReconciliationRun: {
          id: string;
          statementLineCount: number;
          statements: { id: string; fileName: string; current: boolean }[];
        };
      }>(RUN, {
        input: {
          source,
          periodStart: cn(`${DAY} 00:00`).toISOString(),
          periodEnd: cn('2025-11-17 00:00').toISOString(),
        },
      }),
    ).startReconciliationRun;

  it('refuses a different file for the same day without replace, naming the statement it has', async () => {
    const first = await importFile('wechat-all-20251116.csv', 'wechat');
    expect(first).toMatchObject({ created: true, replaced: null });
    const error = await importFile('wechat-success-20251116.csv', 'wechat').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'STATEMENT_EXISTS',
      details: { statementId: first.statement.id, fileName: 'wechat-all-20251116.csv', billDate: DAY },
    });
    expect((error as AppError).message).toContain('replace');
    expect(await currentLines('wechat')).toEqual([[first.statement.id, 8, false]]);
    // The same file again is still a no-op.
    expect(await importFile('wechat-all-20251116.csv', 'wechat')).toMatchObject({
      created: false,
      replaced: null,
      statement: { id: first.statement.id },
    });
  });

  it('replaces the day’s statement when told, keeps the old one as history, and runs count the day once', async () => {
    const before = await runDay('wechat');
    expect(before.statementLineCount).toBe(8);
    const [old] = before.statements;
    expect(old).toMatchObject({ fileName: 'wechat-all-20251116.csv', current: true });

    const corrected = await importFile('wechat-success-20251116.csv', 'wechat', { replace: true });
    expect(corrected.created).toBe(true);
    expect(corrected.replaced).toMatchObject({ id: Number(old!.id), replacedById: corrected.statement.id });
    expect(corrected.replaced?.supersededAt).toBeInstanceOf(Date);
    expect(corrected.statement.supersededAt).toBeNull();
    // The old lines are kept but no longer used.
    expect(await currentLines('wechat')).toEqual([
      [Number(old!.id), 0, true],
      [corrected.statement.id, 6, false],
    ]);

    const after = await runDay('wechat');
    expect(after.statementLineCount).toBe(6);
    expect(after.statements).toEqual([
      { id: String(corrected.statement.id), fileName: 'wechat-success-20251116.csv', current: true },
    ]);
    // The earlier run still shows what it used, now history.
    const earlier = dataOf(
      await app.gql<{ reconciliationRun: { statements: { id: string; current: boolean }[] } }>(
        `query ($id: ID) { reconciliationRun(id: $id) { statements { id current } } }`,
        { id: before.id },
        ACTORS.analyst,
      ),
    ).reconciliationRun;
    expect(earlier.statements).toEqual([{ id: old!.id, current: false }]);

    // The same (current) file again: nothing changes.
    expect(await importFile('wechat-success-20251116.csv', 'wechat', { replace: true })).toMatchObject({
      created: false,
      replaced: null,
    });
    // The replaced file again is a different file than the current one…
    await expect(importFile('wechat-all-20251116.csv', 'wechat')).rejects.toMatchObject({
      code: 'STATEMENT_EXISTS',
      details: { statementId: corrected.statement.id },
    });
    // …and with replace it becomes current again, without being read twice.
    const back = await importFile('wechat-all-20251116.csv', 'wechat', { replace: true });
    expect(back).toMatchObject({
      created: false,
      statement: { id: Number(old!.id), supersededAt: null, replacedById: null },
      replaced: { id: corrected.statement.id, replacedById: Number(old!.id) },
    });
    expect(await currentLines('wechat')).toEqual([
      [Number(old!.id), 8, false],
      [corrected.statement.id, 0, true],
    ]);
  });

  it('lets one of two concurrent different files for a day win; the other is refused', async () => {
    const results = await Promise.allSettled([
      importFile('wechat-all-20251116.csv', 'sandbox-wechat'),
      importFile('wechat-success-20251116.csv', 'sandbox-wechat'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'STATEMENT_EXISTS' });
    const [{ n }] = await sql<{ n: string }>(
      `select count(*) as n from statement where source = 'sandbox-wechat' and superseded_at is null`,
    );
    expect(Number(n)).toBe(1);
  });

  it('answers STATEMENT_EXISTS through the graph, and replaces with `replace: true`', async () => {
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
      return ((await response.json()) as { uploadId: string }).uploadId;
    };
    const IMPORT = `mutation ($input: ImportStatementInput!) {
      importStatement(input: $input) { created statement { id current supersededAt replacedBy { id } } replaced { id current replacedBy { id } } }
    }`;
    const first = dataOf(
      await app.gql<{ importStatement: { statement: { id: string } } }>(IMPORT, {
        input: { file: await upload('wechat-all-20251116.csv'), source: 'wechat', billDate: '2025-11-18' },
      }),
    ).importStatement.statement;
    const second = await upload('wechat-success-20251116.csv');
    const refused = await app.gql(IMPORT, {
      input: { file: second, source: 'wechat', billDate: '2025-11-18' },
    });
    expect(errorCodes(refused)).toEqual(['STATEMENT_EXISTS']);
    expect(refused.body.errors?.[0]?.extensions?.details).toMatchObject({
      statementId: Number(first.id),
      fileName: 'wechat-all-20251116.csv',
    });
    const replaced = dataOf(
      await app.gql<{ importStatement: Record<string, unknown> }>(IMPORT, {
        input: { file: second, source: 'wechat', billDate: '2025-11-18', replace: true },
      }),
    ).importStatement;
    expect(replaced).toMatchObject({
      created: true,
      statement: { current: true, supersededAt: null, replacedBy: null },
      replaced: { id: first.id, current: false },
    });
    expect((replaced.replaced as { replacedBy: { id: string } }).replacedBy.id).toBe(
      (replaced.statement as { id: string }).id,
    );
  });
});

import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataOf, errorCodes } from '@pay/common';
import { importStatement } from '../../src/modules/statement/statement.service';
import { StatementStore } from '../../src/modules/statement/statement-store';
import { cn, givenPayments } from '../support/recon-fixtures';
import {
  ACTORS,
  startReconciliationTestApp,
  type ReconciliationTestApp,
} from '../support/reconciliation-app';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe('statement sources carry the pay types and channels they cover', () => {
  let app: ReconciliationTestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'statements-'));
    app = await startReconciliationTestApp({ statementDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const REGISTER = `mutation ($input: RegisterStatementTemplateInput!) {
    registerStatementTemplate(input: $input) { source payTypes channelCodes }
  }`;
  const template = JSON.parse(readFileSync(join(FIXTURES, 'generic-acme.template.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('lists what the built-in sources cover, and checks what an operator registers', async () => {
    const sources = dataOf(
      await app.gql<{ statementSources: { source: string; payTypes: string[]; channelCodes: string[] }[] }>(
        'query { statementSources { source payTypes channelCodes } }',
        {},
        ACTORS.analyst,
      ),
    ).statementSources;
    expect(sources).toEqual([
      { source: 'wechat', payTypes: ['WECHAT'], channelCodes: [] },
      { source: 'alipay', payTypes: ['ALIPAY'], channelCodes: [] },
      { source: 'sandbox-wechat', payTypes: ['WECHAT'], channelCodes: [] },
      { source: 'sandbox-alipay', payTypes: ['ALIPAY'], channelCodes: [] },
    ]);
    const bad = await app.gql(REGISTER, {
      input: { source: 'acme', template, channelCodes: ['acme pay!'] },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.errors?.[0]?.message).toMatch(/not a channel code/);
  });

  it('runs a custom source registered for one channel against that channel’s payments only', async () => {
    expect(
      dataOf(
        await app.gql(REGISTER, {
          input: { source: 'acme', template, channelCodes: ['acmepay', 'acmepay'], payTypes: [] },
        }),
      ).registerStatementTemplate,
    ).toEqual({ source: 'acme', payTypes: [], channelCodes: ['acmepay'] });
    await importStatement(app.orm.em.fork(), new StatementStore(dir), {
      source: 'acme',
      billDate: '2025-11-16',
      fileName: 'acme.csv',
      person: 'ops-alice',
      stream: createReadStream(join(FIXTURES, 'generic-acme-20251116.csv')),
    });
    await givenPayments(app.orm.em.fork(), [
      { platformOrderNo: 'H25111600000502', amount: 3550, paidAt: cn('2025-11-16 10:05') },
      { platformOrderNo: 'ACME-SHORT', amount: 990, paidAt: cn('2025-11-16 11:00') },
      // Other channels' payments of the day: not in Acme's file, and not Acme's business.
      { platformOrderNo: 'WX-OTHER', amount: 100, paidAt: cn('2025-11-16 12:00'), payType: 'wechat' },
      { platformOrderNo: 'ALI-OTHER', amount: 200, paidAt: cn('2025-11-16 13:00'), payType: 'alipay' },
    ]);
    await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `update payment set channel_code = 'acmepay' where platform_order_no in ('H25111600000502', 'ACME-SHORT')`,
      );

    const run = dataOf(
      await app.gql<{
        startReconciliationRun: { results: { nodes: { outTradeNo: string | null; issue: string }[] } };
      }>(
        `mutation ($input: StartReconciliationRunInput!) {
          startReconciliationRun(input: $input) { results(pageSize: 50) { nodes { outTradeNo issue } } }
        }`,
        {
          input: {
            source: 'acme',
            periodStart: cn('2025-11-16 00:00').toISOString(),
            periodEnd: cn('2025-11-17 00:00').toISOString(),
          },
        },
      ),
    ).startReconciliationRun;
    const verdicts = Object.fromEntries(run.results.nodes.map((n) => [n.outTradeNo, n.issue]));
    expect(verdicts).toEqual({
      H25111600000501: 'ABNORMAL',
      H25111600000502: 'NORMAL',
      'ACME-SHORT': 'SHORTAGE',
    });
  });
});

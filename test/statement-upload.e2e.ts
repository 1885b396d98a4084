import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataOf, eventually, formatChinaDate, type Actor } from '@pay/common';
import { statementDirOf } from '@pay/reconciliation';
import { ACTORS, startPlatform, type Platform } from './support/platform';

const FIXTURES = join(__dirname, '..', 'services', 'reconciliation', 'test', 'fixtures');

const CREATE = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { paymentUrl order { platformOrderNo } }
}`;
const ORDER = `query ($no: String) { order(platformOrderNo: $no) { platformOrderNo upstreamOrderNo amount upstreamCost paidAt } }`;
const IMPORT = `mutation ($input: ImportStatementInput!) {
  importStatement(input: $input) {
    created
    statement { id source template billDate fileName lineCount paymentCount paymentAmount refundCount feeAmount person }
  }
}`;

interface PaidOrder {
  platformOrderNo: string;
  upstreamOrderNo: string;
  amount: string;
  upstreamCost: string;
  paidAt: string;
}

/**
 * A GraphQL multipart request (the spec's `operations`, `map`, then the file) through the
 * gateway, as an operator, with the preflight header Apollo's CSRF prevention asks for.
 */
async function upload(
  platform: Platform,
  file: { name: string; bytes: Buffer },
  input: Record<string, unknown>,
  options: { actor?: Actor | null; preflight?: boolean } = {},
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: IMPORT, variables: { input: { ...input, file: null } } }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([file.bytes]), file.name);
  const actor = options.actor === undefined ? ACTORS.operator : options.actor;
  const headers: Record<string, string> = {};
  if (actor) headers.authorization = `Bearer ${platform.token(actor)}`;
  if (options.preflight !== false) headers['apollo-require-preflight'] = 'true';
  const response = await fetch(platform.gatewayUrl, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as never };
}

describe('statement files uploaded through the gateway', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  /** Pays an order through the sandbox upstream (the standard world: zfbwthf is Alipay for the demo merchant, wxhftest WeChat for the other). */
  async function payOrder(amount: string, channelCode: 'zfbwthf' | 'wxhftest'): Promise<PaidOrder> {
    const created = dataOf(
      await platform.gql<{ createOrder: { paymentUrl: string; order: { platformOrderNo: string } } }>(
        CREATE,
        { input: { amount, channelCode, notifyUrl: 'http://127.0.0.1:9/notify' } },
        channelCode === 'wxhftest' ? ACTORS.otherMerchant : ACTORS.merchant,
      ),
    ).createOrder;
    const paid = await fetch(created.paymentUrl, { method: 'POST' });
    expect(((await paid.json()) as { paid: boolean }).paid).toBe(true);
    return dataOf(
      await platform.gql<{ order: PaidOrder }>(ORDER, { no: created.order.platformOrderNo }, ACTORS.operator),
    ).order;
  }

  const sandboxStatement = async (kind: 'wechat' | 'alipay', day: string) => {
    const response = await fetch(
      `${platform.ordersUrl.replace(/\/graphql$/, '')}/sandbox/statements/${kind}/${day}`,
    );
    expect(response.status).toBe(200);
    const name =
      /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${kind}.csv`;
    return { name, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  const fen = (yuan: string) => Math.round(Number(yuan) * 100); // test arithmetic on two-decimal literals only

  it('imports the sandbox’s WeChat and Alipay statements of the day and shows them through the graph', async () => {
    const wechat = [await payOrder('100.00', 'wxhftest'), await payOrder('12.34', 'wxhftest')];
    const alipay = [await payOrder('66.00', 'zfbwthf'), await payOrder('20.00', 'zfbwthf')];
    // The channel refunds the second one (the ledger is asked first, so wait until it holds the credit).
    await eventually(async () => {
      const refund = await platform.gql<{ refundOrder: { order: { status: string } } }>(
        `mutation ($no: String) { refundOrder(input: { platformOrderNo: $no }) { order { status } } }`,
        { no: alipay[1]?.platformOrderNo },
      );
      return refund.body.data?.refundOrder.order.status === 'REFUNDED' ? true : undefined;
    }, 'the refund');
    for (const order of [...wechat, ...alipay]) expect(order.upstreamOrderNo).toMatch(/^SBX/);
    const day = formatChinaDate(new Date(wechat[0]?.paidAt as string));

    const wechatFile = await sandboxStatement('wechat', day);
    expect(wechatFile.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const imported = await upload(platform, wechatFile, { source: 'sandbox-wechat', billDate: day });
    expect(imported.status).toBe(200);
    const result = (
      imported.body.data as { importStatement: { created: boolean; statement: Record<string, unknown> } }
    ).importStatement;
    const sameDay = wechat.filter((o) => formatChinaDate(new Date(o.paidAt)) === day);
    expect(result).toMatchObject({
      created: true,
      statement: {
        source: 'sandbox-wechat',
        template: 'wechat-trade-bill:ALL',
        billDate: day,
        fileName: wechatFile.name,
        lineCount: sameDay.length,
        paymentCount: sameDay.length,
        refundCount: 0,
        person: 'ops-alice',
      },
    });
    expect(fen(result.statement.paymentAmount as string)).toBe(
      sameDay.reduce((a, o) => a + fen(o.amount), 0),
    );
    expect(fen(result.statement.feeAmount as string)).toBe(
      sameDay.reduce((a, o) => a + fen(o.upstreamCost), 0),
    );

    // The same file again: nothing changes.
    const again = await upload(platform, wechatFile, { source: 'sandbox-wechat', billDate: day });
    expect(again.body.data).toMatchObject({
      importStatement: { created: false, statement: { id: result.statement.id } },
    });

    const alipayFile = await sandboxStatement('alipay', day);
    expect(alipayFile.name).toMatch(/\.csv\.zip$/);
    const zipped = await upload(platform, alipayFile, { source: 'sandbox-alipay', billDate: day });
    expect(zipped.body.data).toMatchObject({
      importStatement: {
        created: true,
        statement: {
          template: 'alipay-trade-bill',
          paymentCount: 2,
          paymentAmount: '86.00',
          refundCount: 1,
          // 0.5 % of 66.00 and 20.00 charged, 0.10 given back with the refund.
          feeAmount: '0.33',
        },
      },
    });

    const view = dataOf(
      await platform.gql<{
        statement: {
          source: string;
          lines: {
            totalCount: number;
            nodes: { platformOrderNo: string; transactionId: string; amount: string; kind: string }[];
          };
        };
      }>(
        `query ($id: ID!) { statement(id: $id) { source lines { totalCount nodes { platformOrderNo transactionId amount kind } } } }`,
        { id: result.statement.id },
        ACTORS.analyst,
      ),
    ).statement;
    expect(view.source).toBe('sandbox-wechat');
    expect(view.lines.nodes).toEqual(
      sameDay.map((o) => ({
        platformOrderNo: o.platformOrderNo,
        transactionId: o.upstreamOrderNo,
        amount: o.amount,
        kind: 'PAYMENT',
      })),
    );
    const listed = dataOf(
      await platform.gql<{ statements: { totalCount: number } }>(
        `query ($day: String) { statements(billDateFrom: $day, billDateTo: $day) { totalCount } }`,
        { day },
        ACTORS.operator,
      ),
    ).statements;
    expect(listed.totalCount).toBe(2);
  });

  it('rejects a bad file with STATEMENT_INVALID naming the line', async () => {
    const bytes = readFileSync(join(FIXTURES, 'bad-wechat-malformed-amount.csv'));
    const result = await upload(
      platform,
      { name: 'bad.csv', bytes },
      { source: 'wechat', billDate: '2025-11-16' },
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'STATEMENT_INVALID',
      details: { line: 5, reason: '应结订单金额 "5OO.00" is not an amount' },
    });
  });

  it('keeps nothing of a refused file: no statement, no upload, no stored file (an Alipay zip whose summary disagrees)', async () => {
    const bytes = readFileSync(join(FIXTURES, 'bad-alipay-summary-mismatch.csv.zip'));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const result = await upload(
      platform,
      { name: 'alipay.csv.zip', bytes },
      { source: 'alipay', billDate: '2025-11-16' },
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'STATEMENT_INVALID',
      details: {
        line: 6,
        reason: expect.stringMatching(/业务明细\(汇总\)\.csv 合计 商家实收（元） is 49.19/),
      },
    });
    const sql = (text: string) => platform.reconciliationOrm.em.fork().getConnection().execute(text, [hash]);
    expect(await sql('select id from statement where content_hash = ?')).toEqual([]);
    expect(await sql('select id from statement_upload where id = ?')).toEqual([]);
    const dir = statementDirOf(platform.reconciliation.runtime.config);
    expect(existsSync(join(dir, hash.slice(0, 2), hash))).toBe(false);
  });

  it('needs a token, an operator, and the preflight header', async () => {
    const file = { name: 'all.csv', bytes: readFileSync(join(FIXTURES, 'wechat-all-20251116.csv')) };
    const input = { source: 'wechat', billDate: '2025-11-16' };
    expect((await upload(platform, file, input, { actor: null })).status).toBe(401);
    const merchant = await upload(platform, file, input, { actor: ACTORS.merchant });
    expect(merchant.status).toBe(403);
    expect(merchant.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noPreflight = await upload(platform, file, input, { preflight: false });
    expect(noPreflight.status).toBe(400);
    expect(noPreflight.body.errors?.[0]?.message).toMatch(/apollo-require-preflight/);
    expect(
      dataOf(
        await platform.gql<{ statements: { totalCount: number } }>(
          `query { statements(source: "wechat") { totalCount } }`,
        ),
      ).statements.totalCount,
    ).toBe(0);
  });
});

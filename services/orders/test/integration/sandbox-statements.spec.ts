import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { dataOf, formatChinaDate } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { completeOrder, createOrder } from '../support/order-helpers';
import { ALIPAY_DETAIL_COLUMNS, WECHAT_ALL_COLUMNS } from '../../src/modules/sandbox/sandbox-statements';

const REFUND = `mutation ($input: ManualOrderActionInput!) { refundOrder(input: $input) { order { status } } }`;
const ORDER = `query ($no: String) { order(platformOrderNo: $no) { upstreamOrderNo paidAt } }`;

/** Every entry of a zip: name (GBK unless flagged UTF-8) → bytes. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = entry.generalPurposeBitFlag & 0x800 ? raw.toString('utf8') : iconv.decode(raw, 'gbk');
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(name, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('the sandbox upstream’s daily statements', () => {
  let app: OrdersTestApp;
  let base: string;
  beforeAll(async () => {
    app = await startOrdersTestApp();
    base = app.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await app.close();
  });

  async function paidThroughSandbox(amount: string, merchantId: number, channelCode: string) {
    const order = await createOrder(app, { amount, merchantId, channelCode });
    const paid = await fetch(order.paymentUrl, { method: 'POST' });
    expect(((await paid.json()) as { paid: boolean }).paid).toBe(true);
    const view = dataOf(
      await app.gql<{ order: { upstreamOrderNo: string; paidAt: string } }>(ORDER, {
        no: order.platformOrderNo,
      }),
    ).order;
    return { ...order, ...view };
  }

  it('writes the day’s sandbox payments and refunds in the WeChat and Alipay bill formats', async () => {
    const wechat = await paidThroughSandbox('100.00', 2023100, 'wxhftest');
    const alipay = await paidThroughSandbox('66.00', 2024164, 'zfbwthf');
    const refunded = await paidThroughSandbox('20.00', 2024164, 'zfbwthf');
    dataOf(await app.gql(REFUND, { input: { platformOrderNo: refunded.platformOrderNo } }, ACTORS.operator));
    // Paid by hand, not through the channel: not on the channel's statement.
    const manual = await createOrder(app, { amount: '30.00', merchantId: 2024164, channelCode: 'zfbwthf' });
    await completeOrder(app, { platformOrderNo: manual.platformOrderNo });
    const day = formatChinaDate(new Date(wechat.paidAt));

    const wechatResponse = await fetch(`${base}/sandbox/statements/wechat/${day}`);
    expect(wechatResponse.status).toBe(200);
    expect(wechatResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await wechatResponse.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]?.split(',')).toEqual(WECHAT_ALL_COLUMNS.map(([h]) => h));
    expect(lines[0]?.split(',')).toHaveLength(27);
    const row = lines[1]?.split(',') as string[];
    expect(row.every((field) => field.startsWith('`'))).toBe(true);
    const cell = (name: string) => row[WECHAT_ALL_COLUMNS.findIndex(([h]) => h === name)]?.slice(1);
    expect(cell('商户订单号')).toBe(wechat.platformOrderNo);
    expect(cell('微信订单号')).toBe(wechat.upstreamOrderNo);
    expect(cell('交易状态')).toBe('SUCCESS');
    expect(cell('应结订单金额')).toBe('100.00');
    expect(cell('手续费')).toBe('0.60000');
    expect(cell('费率')).toBe('0.60%');
    expect(lines.slice(2)).toEqual([
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      '`1,`100.00,`0.00,`0.00,`0.60000,`100.00,`0.00',
      '',
    ]);

    const alipayResponse = await fetch(`${base}/sandbox/statements/alipay/${day}`);
    expect(alipayResponse.headers.get('content-type')).toBe('application/zip');
    const entries = await unzip(Buffer.from(await alipayResponse.arrayBuffer()));
    const names = [...entries.keys()];
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/_业务明细\.csv$/);
    expect(names[1]).toMatch(/_业务明细\(汇总\)\.csv$/);
    const detail = iconv.decode(entries.get(names[0] as string) as Buffer, 'gbk').split('\r\n');
    expect(detail.slice(0, 4).every((l) => l.startsWith('#'))).toBe(true);
    expect(detail[3]).toContain('业务明细列表');
    expect(detail[4]?.split(',')).toEqual(ALIPAY_DETAIL_COLUMNS.map(([h]) => h));
    expect(detail[4]?.split(',')).toHaveLength(25);
    const rows = detail.slice(5, 8).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[1], r[2], r[11], r[21], r[22]])).toEqual([
      [`${alipay.upstreamOrderNo}\t`, `${alipay.platformOrderNo}\t`, '交易', '66.00', '\t', '-0.33'],
      [`${refunded.upstreamOrderNo}\t`, `${refunded.platformOrderNo}\t`, '交易', '20.00', '\t', '-0.10'],
      [
        `${refunded.upstreamOrderNo}\t`,
        `${refunded.platformOrderNo}\t`,
        '退款',
        '-20.00',
        expect.stringMatching(/^R.+\t$/),
        '0.10',
      ],
    ]);
    expect(detail.slice(8, 11)).toEqual([
      expect.stringContaining('业务明细列表结束'),
      '#交易合计：2笔，商家实收共86.00元，商家优惠共0.00元',
      '#退款合计：1笔，商家实收退款共-20.00元，商家优惠退款共0.00元',
    ]);
    // The summary file states the same totals in its 合计 row (read by column name).
    const summary = iconv.decode(entries.get(names[1] as string) as Buffer, 'gbk').split('\r\n');
    const header = summary[4]?.split(',') as string[];
    const totals = summary.find((l) => l.startsWith('合计,'))?.split(',') as string[];
    const total = (name: string) => totals[header.indexOf(name)];
    expect([
      total('交易订单总笔数'),
      total('退款订单总笔数'),
      total('订单金额（元）'),
      total('商家实收（元）'),
      total('服务费（元）'),
      total('实收净额（元）'),
    ]).toEqual(['2', '1', '66.00', '66.00', '-0.33', '65.67']);
  });

  it('answers 400 for an unknown kind or an impossible day, and an empty bill for a quiet day', async () => {
    expect((await fetch(`${base}/sandbox/statements/unionpay/2025-11-16`)).status).toBe(400);
    expect((await fetch(`${base}/sandbox/statements/wechat/2025-02-30`)).status).toBe(400);
    const quiet = Buffer.from(
      await (await fetch(`${base}/sandbox/statements/wechat/2001-01-01`)).arrayBuffer(),
    );
    expect(quiet.subarray(3).toString('utf8').split('\r\n').slice(1)).toEqual([
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      '`0,`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00',
      '',
    ]);
    const quietAlipay = await unzip(
      Buffer.from(await (await fetch(`${base}/sandbox/statements/alipay/2001-01-01`)).arrayBuffer()),
    );
    const [detailName, summaryName] = [...quietAlipay.keys()] as [string, string];
    const detail = iconv.decode(quietAlipay.get(detailName) as Buffer, 'gbk').split('\r\n');
    expect(detail.slice(5, 8)).toEqual([
      expect.stringContaining('业务明细列表结束'),
      '#交易合计：0笔，商家实收共0.00元，商家优惠共0.00元',
      '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
    ]);
    expect(iconv.decode(quietAlipay.get(summaryName) as Buffer, 'gbk').split('\r\n')[5]).toBe(
      '合计,,0,0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00',
    );
  });
});

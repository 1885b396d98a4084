import { StatementInvalid, StatementReader, type StatementLineRow } from './statement-reader';
import { defineStatementTemplate, statementTemplateSchema } from './statement-template';
import { alipayTradeBillTemplate } from './templates/alipay-trade-bill.template';
import { BUILT_IN_SOURCES } from './templates/built-in-templates';
import { wechatTradeBillTemplate } from './templates/wechat-trade-bill.template';

const T = '\t';
const ALIPAY_HEADER =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注'.split(
    ',',
  );

function alipayRow(kind: string, amount: string, fee: string, refundNo = ''): string[] {
  return [
    `2025111622001${T}`,
    `H1${T}`,
    kind,
    `话费${T}`,
    '2025-11-16 09:00:00',
    '2025-11-16 09:00:05',
    T,
    T,
    T,
    T,
    `buyer${T}`,
    amount,
    amount,
    '0.00',
    '0.00',
    '0.00',
    '0.00',
    '0.00',
    T,
    '0.00',
    '0.00',
    refundNo + T,
    fee,
    '0.00',
    T,
  ];
}

/** Feeds records (line numbers from 1) and returns the kept lines and the totals. */
function readAll(reader: StatementReader, records: string[][]) {
  const lines: StatementLineRow[] = [];
  records.forEach((record, i) => {
    const line = reader.read(record, i + 1);
    if (line) lines.push(line);
  });
  return { lines, totals: reader.finish(records.length) };
}

function invalid(fn: () => unknown): StatementInvalid {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatementInvalid) return error;
    throw error;
  }
  throw new Error('expected StatementInvalid');
}

const alipayFile = (rows: string[][], footers: string[]) => [
  ['#支付宝业务明细查询'],
  ['#账号：[20881021770001560156]'],
  ALIPAY_HEADER,
  ...rows,
  ['#-----------------------------------------业务明细列表结束------------------------------------'],
  ...footers.map((f) => [f]),
];

describe('the statement reader', () => {
  it('checks every built-in template against the template schema', () => {
    for (const template of Object.values(BUILT_IN_SOURCES)) {
      expect(statementTemplateSchema.parse(template)).toEqual(template);
    }
  });

  it('checks Alipay footers against the rows and reads refunds as positive refund amounts', () => {
    const { lines, totals } = readAll(
      new StatementReader(alipayTradeBillTemplate),
      alipayFile(
        [alipayRow('交易', '10.00', '-0.06'), alipayRow('退款', '-4.00', '0.02', 'R1')],
        [
          '#交易合计：1笔，商家实收共10.00元，商家优惠共0.00元',
          '#退款合计：1笔，商家实收退款共-4.00元，商家优惠退款共0.00元',
        ],
      ),
    );
    expect(
      lines.map((l) => [l.lineNo, l.kind, l.amount, l.refundAmount, l.fee, l.refundNo, l.payer]),
    ).toEqual([
      [4, 'PAYMENT', 1000, 0, 6, null, 'buyer'],
      [5, 'REFUND', 0, 400, -2, 'R1', 'buyer'],
    ]);
    expect(totals).toEqual({
      lineCount: 2,
      paymentCount: 1,
      paymentAmount: 1000,
      refundCount: 1,
      refundAmount: 400,
      feeAmount: 4,
    });
  });

  it('rejects footers that disagree, are missing, or are followed by rows', () => {
    const rows = [alipayRow('交易', '10.00', '-0.06')];
    expect(
      invalid(() =>
        readAll(
          new StatementReader(alipayTradeBillTemplate),
          alipayFile(rows, [
            '#交易合计：2笔，商家实收共10.00元，商家优惠共0.00元',
            '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
          ]),
        ),
      ),
    ).toMatchObject({ line: 6, reason: expect.stringMatching(/figure 1\) is 2 but the rows number 1/) });
    expect(
      invalid(() =>
        readAll(
          new StatementReader(alipayTradeBillTemplate),
          alipayFile(rows, [
            '#交易合计：1笔，商家实收共10.01元，商家优惠共0.00元',
            '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
          ]),
        ),
      ).reason,
    ).toMatch(/is 10.01 but the rows add up to 10.00/);
    expect(
      invalid(() =>
        readAll(
          new StatementReader(alipayTradeBillTemplate),
          alipayFile(rows, ['#交易合计：1笔，商家实收共10.00元，商家优惠共0.00元']),
        ),
      ).reason,
    ).toBe(
      'the footer line #退款合计：N笔，商家实收退款共-X元，商家优惠退款共Y元 is missing (truncated file?)',
    );
    const reader = new StatementReader(alipayTradeBillTemplate);
    expect(
      invalid(() => readAll(reader, [...alipayFile(rows, []), alipayRow('交易', '1.00', '0.00')])),
    ).toMatchObject({ line: 6, reason: 'a data row after the footer lines' });
  });

  it('reads the footers exactly as Alipay writes them, with 0笔 too', () => {
    const cent = (kind: string, i: number) => {
      const row = alipayRow(kind, kind === '交易' ? '0.01' : '-0.01', '0.00', kind === '交易' ? '' : `R${i}`);
      row[0] = `201909162200142567100000010${i}${T}`;
      return row;
    };
    // LEGACY-PROTOCOLS "Channel statements": six payments of 0.01, four of them refunded.
    const { totals } = readAll(
      new StatementReader(alipayTradeBillTemplate),
      alipayFile(
        [...[1, 2, 3, 4, 5, 6].map((i) => cent('交易', i)), ...[1, 2, 3, 4].map((i) => cent('退款', i))],
        [
          '#交易合计：6笔，商家实收共0.06元，商家优惠共0.00元',
          '#退款合计：4笔，商家实收退款共-0.04元，商家优惠退款共0.00元',
          '#导出时间：[2019年09月17日 05:46:49]',
        ],
      ),
    );
    expect(totals).toMatchObject({ paymentCount: 6, paymentAmount: 6, refundCount: 4, refundAmount: 4 });
    expect(
      readAll(
        new StatementReader(alipayTradeBillTemplate),
        alipayFile(
          [cent('交易', 1)],
          [
            '#交易合计：1笔，商家实收共0.01元，商家优惠共0.00元',
            '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
          ],
        ),
      ).totals,
    ).toMatchObject({ paymentCount: 1, refundCount: 0 });
  });

  it('names the real cause: a footer of another form, a missing 商家实收 column, a merchant discount that disagrees', () => {
    const rows = [alipayRow('交易', '10.00', '-0.06')];
    const footers = (refund: string) => ['#交易合计：1笔，商家实收共10.00元，商家优惠共0.00元', refund];
    expect(
      invalid(() =>
        readAll(
          new StatementReader(alipayTradeBillTemplate),
          alipayFile(rows, footers('#退款合计：0笔，商家实收共0.00元，商家优惠共0.00元')),
        ),
      ),
    ).toMatchObject({
      line: 7,
      reason:
        'the footer "#退款合计：0笔，商家实收共0.00元，商家优惠共0.00元" does not read like #退款合计：N笔，商家实收退款共-X元，商家优惠退款共Y元',
    });
    const withoutReceived = (cells: string[]) => cells.filter((_, i) => i !== 12);
    expect(ALIPAY_HEADER[12]).toBe('商家实收（元）');
    const records = alipayFile(
      rows.map(withoutReceived),
      footers('#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元'),
    );
    records[2] = withoutReceived(ALIPAY_HEADER);
    expect(invalid(() => readAll(new StatementReader(alipayTradeBillTemplate), records))).toMatchObject({
      line: 3,
      reason: 'missing column: 商家实收（元） / 商家实收(元)',
    });
    expect(
      invalid(() =>
        readAll(
          new StatementReader(alipayTradeBillTemplate),
          alipayFile(rows, [
            '#交易合计：1笔，商家实收共10.00元，商家优惠共1.00元',
            '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
          ]),
        ),
      ),
    ).toMatchObject({
      line: 6,
      reason: expect.stringMatching(/figure 3\) is 1.00 but the rows add up to 0.00$/),
    });
  });

  it('refuses a summary file for a template that is no zip', () => {
    expect(() =>
      defineStatementTemplate({
        name: 'plain-with-summary-file',
        encoding: 'utf8',
        container: { type: 'plain' },
        columns: { tradeTime: ['Date'], transactionId: ['Ref'], amount: ['Amount'] },
        kind: { default: 'PAYMENT' },
        summaryFile: {
          entry: 'x',
          marker: 'Total',
          checks: [{ column: ['Count'], equals: { measure: 'count' } }],
        },
      }),
    ).toThrow(/summaryFile needs a zip container/);
  });

  it('rejects an unknown kind, a negative payment, an empty time, an over-long id and a row after the summary', () => {
    const rows = (row: string[]) => alipayFile([row], []);
    const read = (records: string[][]) =>
      invalid(() => readAll(new StatementReader(alipayTradeBillTemplate), records));
    expect(read(rows(alipayRow('转账', '1.00', '0.00'))).reason).toBe('unknown 业务类型 "转账"');
    expect(read(rows(alipayRow('交易', '-1.00', '0.00'))).reason).toBe(
      'a payment row with a negative amount',
    );
    const noTime = alipayRow('交易', '1.00', '0.00');
    noTime[5] = '';
    expect(read(rows(noTime)).reason).toBe('完成时间 is empty');
    const badTime = alipayRow('交易', '1.00', '0.00');
    badTime[5] = '2025-11-16T09:00:05';
    expect(read(rows(badTime)).reason).toBe(
      '完成时间 "2025-11-16T09:00:05" is not a time like yyyy-MM-dd HH:mm:ss',
    );
    const longId = alipayRow('交易', '1.00', '0.00');
    longId[1] = 'H'.repeat(65);
    expect(read(rows(longId))).toMatchObject({ line: 4, reason: '商户订单号 is longer than 64 characters' });

    const wechat = new StatementReader(wechatTradeBillTemplate);
    expect(
      invalid(() =>
        readAll(wechat, [
          ['交易时间', '商户订单号', '微信订单号', '交易状态', '应结订单金额', '手续费'],
          ['总交易单数', '应结订单总金额'],
          ['`0', '`0.00'],
          ['`2025-11-16 00:00:00', '`H1', '`42', '`SUCCESS', '`1.00', '`0.00600'],
        ]),
      ),
    ).toMatchObject({ line: 4, reason: 'unexpected row after the summary' });
    expect(wechat.templateName).toBe('wechat-trade-bill:SUCCESS');
  });

  it('rejects a file without header, or without its summary', () => {
    expect(invalid(() => readAll(new StatementReader(wechatTradeBillTemplate), []))).toMatchObject({
      line: 1,
      reason: 'no header row (empty file?)',
    });
    expect(
      invalid(() =>
        readAll(new StatementReader(wechatTradeBillTemplate), [
          ['交易时间', '商户订单号', '微信订单号', '交易状态', '应结订单金额', '手续费'],
          ['`2025-11-16 00:00:00', '`H1', '`42', '`SUCCESS', '`1.00', '`0.00600'],
        ]),
      ),
    ).toMatchObject({ line: 2, reason: expect.stringMatching(/summary rows .* missing/) });
  });

  it('reads a template without a kind column, with a default kind and its own time format', () => {
    const template = defineStatementTemplate({
      name: 'bank-feed',
      encoding: 'utf8',
      container: { type: 'plain' },
      delimiter: ';',
      columns: { tradeTime: ['Date'], transactionId: ['Ref'], amount: ['Amount'] },
      kind: { default: 'PAYMENT' },
      timeFormat: 'dd.MM.yyyy',
      utcOffsetMinutes: 60,
    });
    const { lines } = readAll(new StatementReader(template), [
      ['Date', 'Ref', 'Amount', ''],
      ['16.11.2025', 'R-1', '12.50', ''],
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'PAYMENT',
        transactionId: 'R-1',
        platformOrderNo: null,
        amount: 1250,
        fee: 0,
        tradeTime: new Date('2025-11-15T23:00:00Z'),
      }),
    ]);
  });
});

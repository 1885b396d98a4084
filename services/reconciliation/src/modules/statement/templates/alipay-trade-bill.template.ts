import { defineStatementTemplate } from '../statement-template';

/**
 * Alipay's trade bill (`alipay.data.dataservice.bill.downloadurl.query`, bill_type
 * trade): a zip of GBK CSVs; the detail file (`…业务明细.csv`, not `…业务明细(汇总).csv`)
 * has `#` lines before the 25-column header and `#` footers with the totals after the
 * rows. Column names use full-width brackets (`订单金额（元）`); half-width ones are
 * accepted too. Id and text fields end with a TAB (trimmed). Refund rows repeat the
 * trade and order numbers with negative amounts; 服务费 is negative when charged.
 */
export const alipayTradeBillTemplate = defineStatementTemplate({
  name: 'alipay-trade-bill',
  description: 'Alipay trade bill (zip of GBK CSVs, detail file)',
  encoding: 'gbk',
  container: { type: 'zip', entry: '业务明细\\.csv$' },
  skipLinePrefix: '#',
  columns: {
    tradeTime: ['完成时间'],
    platformOrderNo: ['商户订单号'],
    transactionId: ['支付宝交易号'],
    refundNo: ['退款批次号/请求号'],
    amount: ['订单金额（元）', '订单金额(元)'],
    fee: ['服务费（元）', '服务费(元)'],
    payer: ['对方账户'],
    device: ['终端号'],
    product: ['商品名称'],
  },
  requiredColumns: ['tradeTime', 'platformOrderNo', 'transactionId', 'amount', 'fee'],
  kind: { column: ['业务类型'], values: { 交易: 'PAYMENT', 退款: 'REFUND' } },
  feeChargedAs: 'negative',
  timeFormat: 'yyyy-MM-dd HH:mm:ss',
  utcOffsetMinutes: 480,
  footers: [
    {
      pattern: '^#交易合计：(\\d+)笔，商家实收共(-?\\d+(?:\\.\\d+)?)元',
      required: true,
      groups: [
        { measure: 'count', kind: 'PAYMENT' },
        { measure: 'sum', column: ['商家实收（元）', '商家实收(元)'], kind: 'PAYMENT' },
      ],
    },
    {
      pattern: '^#退款合计：(\\d+)笔，商家实收共(-?\\d+(?:\\.\\d+)?)元',
      required: true,
      groups: [
        { measure: 'count', kind: 'REFUND' },
        { measure: 'sum', column: ['商家实收（元）', '商家实收(元)'], kind: 'REFUND' },
      ],
    },
  ],
});

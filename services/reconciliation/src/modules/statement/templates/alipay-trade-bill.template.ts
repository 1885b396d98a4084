import { defineStatementTemplate } from '../statement-template';

/** A signed yuan figure in a footer. */
const YUAN = '-?\\d+(?:\\.\\d+)?';
// Amount columns by name, full-width brackets first (what Alipay writes), half-width too.
const ORDER_AMOUNT = ['订单金额（元）', '订单金额(元)'];
const RECEIVED = ['商家实收（元）', '商家实收(元)'];
const ALIPAY_DISCOUNT = ['支付宝优惠（元）', '支付宝优惠(元)'];
const MERCHANT_DISCOUNT = ['商家优惠（元）', '商家优惠(元)'];
const CARD = ['卡消费金额（元）', '卡消费金额(元)'];
const FEE = ['服务费（元）', '服务费(元)'];
const SHARING = ['分润（元）', '分润(元)'];

/**
 * Alipay's trade bill (`alipay.data.dataservice.bill.downloadurl.query`, bill_type
 * trade): a zip of two GBK CSVs. The detail file (`…业务明细.csv`) has `#` lines before
 * the 25-column header and `#` footers with the totals after the rows; the summary file
 * (`…业务明细(汇总).csv`) states the totals once more in its 合计 row: both are checked.
 * Column names use full-width brackets (`订单金额（元）`); half-width ones are accepted
 * too. Id and text fields end with a TAB (trimmed). Refund rows repeat the trade and
 * order numbers with negative amounts; 服务费 is negative when charged.
 */
export const alipayTradeBillTemplate = defineStatementTemplate({
  name: 'alipay-trade-bill',
  description:
    'Alipay trade bill (zip of GBK CSVs: the detail file, checked against its footers and the summary file)',
  encoding: 'gbk',
  container: { type: 'zip', entry: '业务明细\\.csv$' },
  skipLinePrefix: '#',
  columns: {
    tradeTime: ['完成时间'],
    platformOrderNo: ['商户订单号'],
    transactionId: ['支付宝交易号'],
    refundNo: ['退款批次号/请求号'],
    amount: ORDER_AMOUNT,
    fee: FEE,
    payer: ['对方账户'],
    device: ['终端号'],
    product: ['商品名称'],
  },
  requiredColumns: ['tradeTime', 'platformOrderNo', 'transactionId', 'amount', 'fee'],
  kind: { column: ['业务类型'], values: { 交易: 'PAYMENT', 退款: 'REFUND' } },
  feeChargedAs: 'negative',
  timeFormat: 'yyyy-MM-dd HH:mm:ss',
  utcOffsetMinutes: 480,
  // The footers exactly as Alipay writes them (LEGACY-PROTOCOLS "Channel statements"),
  // with `0笔` too: the refund line says 商家实收退款共 / 商家优惠退款共.
  footers: [
    {
      pattern: `^#交易合计：(\\d+)笔，商家实收共(${YUAN})元，商家优惠共(${YUAN})元$`,
      startsWith: '#交易合计',
      form: '#交易合计：N笔，商家实收共X元，商家优惠共Y元',
      required: true,
      groups: [
        { measure: 'count', kind: 'PAYMENT' },
        { measure: 'sum', column: RECEIVED, kind: 'PAYMENT' },
        { measure: 'sum', column: MERCHANT_DISCOUNT, kind: 'PAYMENT' },
      ],
    },
    {
      pattern: `^#退款合计：(\\d+)笔，商家实收退款共(${YUAN})元，商家优惠退款共(${YUAN})元$`,
      startsWith: '#退款合计',
      form: '#退款合计：N笔，商家实收退款共-X元，商家优惠退款共Y元',
      required: true,
      groups: [
        { measure: 'count', kind: 'REFUND' },
        { measure: 'sum', column: RECEIVED, kind: 'REFUND' },
        { measure: 'sum', column: MERCHANT_DISCOUNT, kind: 'REFUND' },
      ],
    },
  ],
  // The `…业务明细(汇总).csv` entry is part of the bill: its 合计 row (one row per store
  // before it) must agree with the detail rows, payments and refunds together (refund
  // amounts are negative). 实收净额 is derived from these and not checked on its own.
  summaryFile: {
    entry: '业务明细\\(汇总\\)\\.csv$',
    marker: '合计',
    checks: [
      { column: ['交易订单总笔数'], equals: { measure: 'count', kind: 'PAYMENT' }, required: true },
      { column: ['退款订单总笔数'], equals: { measure: 'count', kind: 'REFUND' }, required: true },
      { column: ORDER_AMOUNT, equals: { measure: 'sum', column: ORDER_AMOUNT } },
      { column: RECEIVED, equals: { measure: 'sum', column: RECEIVED }, required: true },
      { column: ALIPAY_DISCOUNT, equals: { measure: 'sum', column: ALIPAY_DISCOUNT } },
      { column: MERCHANT_DISCOUNT, equals: { measure: 'sum', column: MERCHANT_DISCOUNT } },
      { column: CARD, equals: { measure: 'sum', column: CARD } },
      { column: FEE, equals: { measure: 'sum', column: FEE } },
      { column: SHARING, equals: { measure: 'sum', column: SHARING } },
    ],
  },
});

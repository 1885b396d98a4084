import { defineStatementTemplate } from '../statement-template';

/**
 * WeChat Pay's trade bill (`downloadbill`): UTF-8 with a BOM, every data and summary
 * field prefixed with a backtick, a summary header and one summary row at the end. One
 * template reads the ALL (27 columns), SUCCESS (20) and REFUND (29) bills and the older
 * 24-column layout (子商户号, 总金额, 代金券或立减优惠金额, a 5-column summary): the
 * columns accept both names and the variant is told by the header.
 */
export const wechatTradeBillTemplate = defineStatementTemplate({
  name: 'wechat-trade-bill',
  description: 'WeChat Pay trade bill (ALL, SUCCESS, REFUND and the older layout)',
  encoding: 'utf8',
  container: { type: 'plain' },
  fieldPrefix: '`',
  columns: {
    tradeTime: ['交易时间'],
    refundTime: ['退款成功时间'],
    platformOrderNo: ['商户订单号'],
    transactionId: ['微信订单号'],
    refundNo: ['商户退款单号'],
    amount: ['应结订单金额', '总金额'],
    refundAmount: ['退款金额'],
    fee: ['手续费'],
    payer: ['用户标识'],
    device: ['设备号'],
    product: ['商品名称'],
  },
  requiredColumns: ['tradeTime', 'platformOrderNo', 'transactionId', 'amount', 'fee'],
  kind: { column: ['交易状态'], values: { SUCCESS: 'PAYMENT', REFUND: 'REFUND', REVOKED: 'REVOKED' } },
  timeFormat: 'yyyy-MM-dd HH:mm:ss',
  utcOffsetMinutes: 480,
  variants: [
    { name: 'REFUND', whenColumns: ['退款申请时间'] },
    { name: 'ALL', whenColumns: ['应结订单金额', '退款金额'] },
    { name: 'SUCCESS', whenColumns: ['应结订单金额'] },
    { name: 'LEGACY', whenColumns: ['总金额'] },
  ],
  summary: {
    marker: '总交易单数',
    required: true,
    checks: [
      { column: ['总交易单数'], equals: { measure: 'count' } },
      {
        column: ['应结订单总金额', '总交易额'],
        equals: { measure: 'sum', column: ['应结订单金额', '总金额'] },
      },
      { column: ['退款总金额', '总退款金额'], equals: { measure: 'sum', column: ['退款金额'] } },
      {
        column: ['充值券退款总金额', '总代金券或立减优惠退款金额'],
        equals: { measure: 'sum', column: ['充值券退款金额', '代金券或立减优惠退款金额'] },
      },
      { column: ['手续费总金额'], equals: { measure: 'sum', column: ['手续费'] } },
      { column: ['订单总金额'], equals: { measure: 'sum', column: ['订单金额'] } },
      { column: ['申请退款总金额'], equals: { measure: 'sum', column: ['申请退款金额'] } },
    ],
  },
});

import type { EntityManager } from '@mikro-orm/postgresql';
import iconv from 'iconv-lite';
import { addDays, formatChinaDate, formatChinaDateTime, formatFen, parseChinaDateTime } from '@pay/common';
import { UpstreamAdapterKind } from '../upstream/upstream-config.entity';
import type { SandboxKeys } from './sandbox-keys';
import { storeZip } from './zip-store';

/**
 * The sandbox upstream's daily statement files, in the real channels' formats, so the
 * reconciliation service imports them with the same templates as real ones:
 * WeChat Pay's trade bill (ALL layout: UTF-8 with BOM, CRLF, backtick-prefixed fields,
 * the 7-column summary) and Alipay's trade bill (a zip of two GBK CSVs with `#` lines,
 * the 25-column detail with full-width （元） and trailing TABs, footers with totals, and
 * the summary file whose 合计 row states the same totals).
 * Lines are the day's payments of orders paid through the sandbox (upstream order
 * numbers `SBX…`) and the refunds of such orders made that day, with what the sandbox's
 * own book adds (lost callbacks' payments, channel-side refunds, amounts billed differently). Both formats are
 * column tables — header name → value — so they stay comparable with the templates.
 */

export type SandboxStatementKind = 'wechat' | 'alipay';

/** One line of a sandbox statement, in fen. */
export interface SandboxStatementLine {
  kind: 'PAYMENT' | 'REFUND';
  /** When the payment or the refund happened. */
  time: Date;
  createdAt: Date;
  platformOrderNo: string;
  tradeNo: string;
  refundNo: string | null;
  /** Paid amount (PAYMENT) or refunded amount (REFUND). */
  amount: number;
  /** The channel's fee on the payment (upstream cost), charged on payments and given back on refunds. */
  fee: number;
  feeRatePpm: number;
  payer: string;
  device: string;
  product: string;
  attach: string;
}

type Column = readonly [header: string, value: (line: SandboxStatementLine, keys: SandboxKeys) => string];

const ZERO = '0.00';
const isRefund = (l: SandboxStatementLine) => l.kind === 'REFUND';
/** WeChat fees have five decimals; ours are whole fen. */
const fee5 = (fen: number) => `${formatFen(fen)}000`;
const percent = (ppm: number) => `${(ppm / 10_000).toFixed(2)}%`;

/** WeChat Pay trade bill, ALL layout (27 columns), in the order WeChat writes them. */
export const WECHAT_ALL_COLUMNS: readonly Column[] = [
  ['交易时间', (l) => formatChinaDateTime(l.time)],
  ['公众账号ID', (_l, k) => k.wechatAppId],
  ['商户号', (_l, k) => k.wechatMchId],
  ['特约商户号', () => ''],
  ['设备号', (l) => l.device],
  ['微信订单号', (l) => l.tradeNo],
  ['商户订单号', (l) => l.platformOrderNo],
  ['用户标识', (l) => l.payer],
  ['交易类型', () => 'NATIVE'],
  ['交易状态', (l) => (isRefund(l) ? 'REFUND' : 'SUCCESS')],
  ['付款银行', () => 'OTHERS'],
  ['货币种类', () => 'CNY'],
  ['应结订单金额', (l) => (isRefund(l) ? ZERO : formatFen(l.amount))],
  ['代金券金额', () => ZERO],
  ['微信退款单号', (l) => (isRefund(l) ? `${l.tradeNo}R` : '0')],
  ['商户退款单号', (l) => l.refundNo ?? '0'],
  ['退款金额', (l) => (isRefund(l) ? formatFen(l.amount) : ZERO)],
  ['充值券退款金额', () => ZERO],
  ['退款类型', (l) => (isRefund(l) ? 'ORIGINAL' : '')],
  ['退款状态', (l) => (isRefund(l) ? 'SUCCESS' : '')],
  ['商品名称', (l) => l.product],
  ['商户数据包', (l) => l.attach],
  ['手续费', (l) => fee5(isRefund(l) ? -l.fee : l.fee)],
  ['费率', (l) => percent(l.feeRatePpm)],
  ['订单金额', (l) => (isRefund(l) ? ZERO : formatFen(l.amount))],
  ['申请退款金额', (l) => (isRefund(l) ? formatFen(l.amount) : ZERO)],
  ['费率备注', () => ''],
];

/** The summary: a count, then sums of data columns (by name) with their decimals. */
export const WECHAT_SUMMARY_COLUMNS: readonly (readonly [
  header: string,
  of: 'count' | string,
  decimals: number,
])[] = [
  ['总交易单数', 'count', 0],
  ['应结订单总金额', '应结订单金额', 2],
  ['退款总金额', '退款金额', 2],
  ['充值券退款总金额', '充值券退款金额', 2],
  ['手续费总金额', '手续费', 5],
  ['订单总金额', '订单金额', 2],
  ['申请退款总金额', '申请退款金额', 2],
];

const TAB = '\t';
const signed = (l: SandboxStatementLine, fen: number) => formatFen(isRefund(l) ? -fen : fen);

/** Alipay trade bill detail (25 columns); id and text fields end with a TAB as Alipay's do. */
export const ALIPAY_DETAIL_COLUMNS: readonly Column[] = [
  ['支付宝交易号', (l) => l.tradeNo + TAB],
  ['商户订单号', (l) => l.platformOrderNo + TAB],
  ['业务类型', (l) => (isRefund(l) ? '退款' : '交易')],
  ['商品名称', (l) => l.product + TAB],
  ['创建时间', (l) => formatChinaDateTime(l.createdAt)],
  ['完成时间', (l) => formatChinaDateTime(l.time)],
  ['门店编号', () => TAB],
  ['门店名称', () => TAB],
  ['操作员', () => TAB],
  ['终端号', (l) => l.device + TAB],
  ['对方账户', (l) => l.payer + TAB],
  ['订单金额（元）', (l) => signed(l, l.amount)],
  ['商家实收（元）', (l) => signed(l, l.amount)],
  ['支付宝红包（元）', () => ZERO],
  ['集分宝（元）', () => ZERO],
  ['支付宝优惠（元）', () => ZERO],
  ['商家优惠（元）', () => ZERO],
  ['券核销金额（元）', () => ZERO],
  ['券名称', () => TAB],
  ['商家红包消费金额（元）', () => ZERO],
  ['卡消费金额（元）', () => ZERO],
  ['退款批次号/请求号', (l) => (l.refundNo ?? '') + TAB],
  // Charged on a payment (negative), given back on a refund (positive).
  ['服务费（元）', (l) => formatFen(isRefund(l) ? l.fee : -l.fee)],
  ['分润（元）', () => ZERO],
  ['备注', () => TAB],
];

/** A CSV cell: quoted only when it has to be. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Exact sum of decimal strings ("0.60000", "-1.20"), rendered with the most decimals seen (at least `minScale`). */
function sumDecimals(values: string[], minScale = 2): string {
  let scale = minScale;
  for (const v of values) scale = Math.max(scale, v.split('.')[1]?.length ?? 0);
  let total = 0n;
  for (const v of values) {
    const negative = v.startsWith('-');
    const [whole = '0', fraction = ''] = v.replace(/^[-+]/, '').split('.');
    const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** WeChat Pay's ALL trade bill of the lines. */
export function formatWechatBill(lines: SandboxStatementLine[], keys: SandboxKeys): Buffer {
  const rows = lines.map((l) => WECHAT_ALL_COLUMNS.map(([, value]) => value(l, keys)));
  const headers = WECHAT_ALL_COLUMNS.map(([header]) => header);
  const summary = WECHAT_SUMMARY_COLUMNS.map(([, of, decimals]) => {
    if (of === 'count') return String(rows.length);
    const index = headers.indexOf(of);
    return sumDecimals(
      rows.map((r) => r[index] ?? '0'),
      decimals,
    );
  });
  const text = [
    headers.join(','),
    // The backtick is part of the field (inside the quotes when a field needs them).
    ...rows.map((r) => r.map((v) => cell(`\`${v}`)).join(',')),
    WECHAT_SUMMARY_COLUMNS.map(([header]) => header).join(','),
    summary.map((v) => `\`${v}`).join(','),
  ].join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

const chinaDateWords = (date: Date) => {
  const [y, m, d] = formatChinaDate(date).split('-');
  return `${y}年${m}月${d}日`;
};

/** Alipay's trade bill of the lines for the China day starting at `dayStart`: a zip of two GBK CSVs. */
export function formatAlipayBill(
  lines: SandboxStatementLine[],
  keys: SandboxKeys,
  dayStart: Date,
  exportedAt = new Date(),
): { fileName: string; zip: Buffer } {
  const account = `2088${keys.alipayAppId.replace(/\D/g, '').padEnd(12, '0').slice(0, 12)}`;
  const day = formatChinaDate(dayStart).replace(/-/g, '');
  const range = `#起始日期：[${chinaDateWords(dayStart)} 00:00:00]   终止日期：[${chinaDateWords(addDays(dayStart, 1))} 00:00:00]`;
  const payments = lines.filter((l) => !isRefund(l));
  const refunds = lines.filter(isRefund);
  const received = (ls: SandboxStatementLine[]) => sumDecimals(ls.map((l) => signed(l, l.amount)));
  const fees = (ls: SandboxStatementLine[]) =>
    sumDecimals(ls.map((l) => formatFen(isRefund(l) ? l.fee : -l.fee)));
  const detail = [
    '#支付宝业务明细查询',
    `#账号：[${account}0156]`,
    range,
    '#-----------------------------------------业务明细列表----------------------------------------',
    ALIPAY_DETAIL_COLUMNS.map(([header]) => header).join(','),
    ...lines.map((l) => ALIPAY_DETAIL_COLUMNS.map(([, value]) => cell(value(l, keys))).join(',')),
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${payments.length}笔，商家实收共${received(payments)}元，商家优惠共0.00元`,
    // Alipay's own wording on the refund line (商家实收退款共, 商家优惠退款共), 0笔 included.
    `#退款合计：${refunds.length}笔，商家实收退款共${received(refunds)}元，商家优惠退款共0.00元`,
    `#导出时间：[${chinaDateWords(exportedAt)} ${formatChinaDateTime(exportedAt).slice(11)}]`,
  ];
  const summary = [
    '#支付宝业务汇总查询',
    `#账号：[${account}0156]`,
    range,
    '#-----------------------------------------业务汇总列表----------------------------------------',
    '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）',
    [
      '合计',
      '',
      payments.length,
      refunds.length,
      received(lines),
      received(lines),
      ZERO,
      ZERO,
      ZERO,
      fees(lines),
      ZERO,
      sumDecimals([received(lines), fees(lines)]),
    ].join(','),
    '#-----------------------------------------业务汇总列表结束------------------------------------',
    `#导出时间：[${chinaDateWords(exportedAt)} ${formatChinaDateTime(exportedAt).slice(11)}]`,
  ];
  const gbk = (text: string) => iconv.encode(text, 'gbk');
  const base = `${account}0156_${day}`;
  return {
    fileName: `${base}.csv.zip`,
    zip: storeZip(
      [
        { name: gbk(`${base}_业务明细.csv`), data: gbk(`${detail.join('\r\n')}\r\n`), modified: exportedAt },
        {
          name: gbk(`${base}_业务明细(汇总).csv`),
          data: gbk(`${summary.join('\r\n')}\r\n`),
          modified: exportedAt,
        },
      ],
      { utcOffsetMinutes: 480 },
    ),
  };
}

interface LineRow {
  kind: 'PAYMENT' | 'REFUND';
  time: Date | string;
  created_at: Date | string;
  platform_order_no: string;
  upstream_order_no: string;
  refund_id: string | number | null;
  amount: string | number;
  upstream_cost: string | number;
  upstream_cost_rate_ppm: number;
  payer_id: string | null;
  device_no: string | null;
  product_title: string;
  attach: string;
  id: string | number;
}

/**
 * The day's sandbox lines of one kind, by time: payments (paid that China day) and
 * refunds (audited that day) of orders paid through sandbox configs of that kind.
 */
export async function sandboxStatementLines(
  em: EntityManager,
  kind: SandboxStatementKind,
  dayStart: Date,
): Promise<SandboxStatementLine[]> {
  const adapter = kind === 'wechat' ? UpstreamAdapterKind.SANDBOX_WECHAT : UpstreamAdapterKind.SANDBOX_ALIPAY;
  const dayEnd = addDays(dayStart, 1);
  // The book's entries (sandbox-book.ts) add what the platform was never told: lost
  // callbacks' payments, refunds made at the channel, amounts the bill books differently.
  const columns = (tradeNo: string, amount: string) => `o.platform_order_no, ${tradeNo} as upstream_order_no,
    ${amount} as amount, o.upstream_cost, o.upstream_cost_rate_ppm, o.payer_id, o.device_no, o.product_title,
    o.attach, o.created_at, o.id`;
  const billed = `left join sandbox_channel_entry b on b.platform_order_no = o.platform_order_no and b.kind = 'BILLED_AMOUNT'`;
  const rows = (await em.getConnection().execute(
    `select 'PAYMENT' as kind, o.paid_at as time, null as refund_id, ${columns('o.upstream_order_no', 'coalesce(b.amount, o.amount)')}
       from "order" o join upstream_config u on u.pzid = o.upstream_config_pzid ${billed}
      where u.adapter = ? and o.upstream_order_no like 'SBX%' and o.paid_at >= ? and o.paid_at < ?
     union all
     -- Paid by callback, then cancelled by the platform (撤单): the channel still holds the
     -- money, at the time its transaction number carries (SBX + epoch milliseconds).
     select 'PAYMENT' as kind, t.time, null as refund_id, ${columns('o.upstream_order_no', 'coalesce(b.amount, o.amount)')}
       from "order" o join upstream_config u on u.pzid = o.upstream_config_pzid ${billed}
       cross join lateral (select to_timestamp(substring(o.upstream_order_no from 4 for 13)::bigint / 1000.0) as time) t
      where u.adapter = ? and o.paid_at is null and o.upstream_order_no ~ '^SBX[0-9]{13}'
        and t.time >= ? and t.time < ?
     union all
     select 'PAYMENT' as kind, e.occurred_at as time, null as refund_id, ${columns('e.trade_no', 'coalesce(b.amount, e.amount)')}
       from sandbox_channel_entry e join "order" o on o.platform_order_no = e.platform_order_no
       join upstream_config u on u.pzid = o.upstream_config_pzid ${billed}
      where e.kind = 'PAYMENT' and u.adapter = ? and e.occurred_at >= ? and e.occurred_at < ?
     union all
     select 'REFUND' as kind, a.created_at as time, a.id::text as refund_id, ${columns('o.upstream_order_no', 'o.amount')}
       from order_audit a join "order" o on o.id = a.order_id
       join upstream_config u on u.pzid = o.upstream_config_pzid
      where u.adapter = ? and o.upstream_order_no like 'SBX%' and a.to_status = 'REFUNDED'
        and a.created_at >= ? and a.created_at < ?
        -- Refunded at the channel already: the platform's refund follows it, the channel pays nothing twice.
        and not exists (select 1 from sandbox_channel_entry r
                         where r.platform_order_no = o.platform_order_no and r.kind = 'REFUND')
     union all
     select 'REFUND' as kind, e.occurred_at as time, 'C' || lpad(e.id::text, 4, '0') as refund_id, ${columns('e.trade_no', 'e.amount')}
       from sandbox_channel_entry e join "order" o on o.platform_order_no = e.platform_order_no
       join upstream_config u on u.pzid = o.upstream_config_pzid
      where e.kind = 'REFUND' and u.adapter = ? and e.occurred_at >= ? and e.occurred_at < ?
     order by time, id, kind`,
    // Each of the five branches takes the adapter and the day.
    Array.from({ length: 5 }, () => [adapter, dayStart, dayEnd]).flat(),
    'all',
    em.getTransactionContext(),
  )) as LineRow[];
  return rows.map((r) => ({
    kind: r.kind,
    time: new Date(r.time),
    createdAt: new Date(r.created_at),
    platformOrderNo: r.platform_order_no,
    tradeNo: r.upstream_order_no,
    refundNo: r.refund_id === null ? null : `R${r.platform_order_no}${String(r.refund_id).padStart(4, '0')}`,
    amount: Number(r.amount),
    fee: Number(r.upstream_cost),
    feeRatePpm: r.upstream_cost_rate_ppm,
    payer:
      r.payer_id ?? (kind === 'wechat' ? `sandbox-openid-${r.id}` : `2088${String(r.id).padStart(12, '0')}`),
    device: r.device_no ?? '',
    product: r.product_title,
    attach: r.attach,
  }));
}

/** Parses the route's YYYY-MM-DD China day; null when it is not a real day. */
export function chinaDayStart(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return parseChinaDateTime(text);
}

/** The file a real channel would offer for download for that day. */
export async function sandboxStatementFile(
  em: EntityManager,
  keys: SandboxKeys,
  kind: SandboxStatementKind,
  dayStart: Date,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const lines = await sandboxStatementLines(em, kind, dayStart);
  const day = formatChinaDate(dayStart);
  if (kind === 'wechat') {
    return {
      fileName: `wechat-trade-bill-ALL-${day}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: formatWechatBill(lines, keys),
    };
  }
  const { fileName, zip } = formatAlipayBill(lines, keys, dayStart);
  return { fileName, contentType: 'application/zip', body: zip };
}

import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseChinaDateTime } from '@pay/common';

/** "2025-03-01 10:00[:ss]" in China time. */
export function cn(text: string): Date {
  const date = parseChinaDateTime(text);
  if (!date) throw new Error(`not a China time: ${text}`);
  return date;
}

export interface PaymentRow {
  platformOrderNo: string;
  amount: number;
  /** Orders-service status; PAID by default. */
  status?: string;
  payType?: string;
  upstreamOrderNo?: string | null;
  paidAt?: Date | null;
  createdAt?: Date;
  merchantId?: number;
  merchantName?: string;
  deviceNo?: string | null;
  payerId?: string | null;
  payerNickname?: string | null;
  autoReconcile?: boolean;
  reconciliationStatus?: number;
}

/** The statuses' codes as the orders service presents them (merchant code, admin code). */
const STATUS_CODES: Record<string, [number, number]> = {
  PENDING: [0, 1],
  PAID: [1, 2],
  WITHHELD: [2, 2],
  EXPIRED: [0, 3],
  REFUNDED: [0, 4],
  REFUND_UNDER_REVIEW: [1, 5],
  CANCELLED_BY_USER: [0, 11],
};

const PAYMENT_COLUMNS = [
  'platform_order_no',
  'upstream_order_no',
  'merchant_id',
  'merchant_name',
  'merchant_order_no',
  'channel_code',
  'pay_type',
  'amount',
  'status',
  'status_code',
  'admin_status_code',
  'created_at',
  'paid_at',
  'device_no',
  'payer_id',
  'payer_nickname',
  'seq',
  'auto_reconcile',
];

/**
 * The platform side: payment rows as the orders service's `order.state` events leave
 * them (one insert). A paid status gets paid_at (default: created_at) and a transaction id.
 */
export async function givenPayments(em: EntityManager, rows: PaymentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.flatMap((r, i) => {
    const status = r.status ?? 'PAID';
    const [statusCode, adminCode] = STATUS_CODES[status] ?? [0, 1];
    const createdAt = r.createdAt ?? r.paidAt ?? new Date();
    const paid = statusCode !== 0 || status === 'REFUNDED';
    const paidAt = r.paidAt !== undefined ? r.paidAt : paid ? createdAt : null;
    const upstream =
      r.upstreamOrderNo !== undefined ? r.upstreamOrderNo : paid ? `TX-${r.platformOrderNo}` : null;
    const payType = r.payType ?? 'wechat';
    return [
      r.platformOrderNo,
      upstream,
      r.merchantId ?? 2024164,
      r.merchantName ?? '测试商户',
      `M-${r.platformOrderNo}`,
      payType === 'wechat' ? 'wxwthf' : 'zfbwthf',
      payType,
      r.amount,
      status,
      statusCode,
      adminCode,
      createdAt.toISOString(),
      paidAt ? paidAt.toISOString() : null,
      r.deviceNo ?? null,
      r.payerId ?? null,
      r.payerNickname ?? null,
      i + 1,
      r.autoReconcile ?? false,
    ];
  });
  const row = `(${PAYMENT_COLUMNS.map((c) => (c.endsWith('_at') ? '?::timestamptz' : '?')).join(', ')})`;
  await em
    .getConnection()
    .execute(
      `insert into payment (${PAYMENT_COLUMNS.join(', ')}) values ${rows.map(() => row).join(', ')}`,
      values,
      'run',
    );
  // The reconciliation status lives in payment_reconciliation (no row = 2, not yet).
  const statuses = rows.filter((r) => r.reconciliationStatus != null && r.reconciliationStatus !== 2);
  if (statuses.length > 0)
    await em.getConnection().execute(
      `insert into payment_reconciliation (platform_order_no, status) values ${statuses.map(() => '(?, ?)').join(', ')}`,
      statuses.flatMap((r) => [r.platformOrderNo, r.reconciliationStatus]),
      'run',
    );
}

export interface LineRow {
  kind?: 'PAYMENT' | 'REFUND' | 'REVOKED';
  tradeTime: Date;
  platformOrderNo?: string | null;
  transactionId?: string | null;
  refundNo?: string | null;
  /** Payment amount in fen (0 on refund lines). */
  amount?: number;
  refundAmount?: number;
  fee?: number;
  payer?: string | null;
  device?: string | null;
}

const LINE_COLUMNS = [
  'statement_id',
  'line_no',
  'source',
  'kind',
  'trade_time',
  'platform_order_no',
  'transaction_id',
  'refund_no',
  'amount',
  'refund_amount',
  'fee',
  'payer',
  'device',
];

/**
 * The channel side: a statement and its lines as the ingestion fills them (see
 * Migration20261121161000_statements). Returns the statement id and the line ids in order.
 */
export async function givenStatement(
  em: EntityManager,
  statement: { source: string; billDate: string; lines: LineRow[] },
): Promise<{ statementId: number; lineIds: number[] }> {
  const connection = em.getConnection();
  const payments = statement.lines.filter((l) => (l.kind ?? 'PAYMENT') === 'PAYMENT');
  const refunds = statement.lines.filter((l) => l.kind === 'REFUND');
  const [{ id }] = (await connection.execute(
    `insert into statement (source, template, bill_date, content_hash, file_name, line_count, payment_count,
       payment_amount, refund_count, refund_amount, person)
     values (?, 'test', ?::date, ?, ?, ?, ?, ?, ?, ?, 'test') returning id`,
    [
      statement.source,
      statement.billDate,
      randomBytes(32).toString('hex'),
      `${statement.source}-${statement.billDate}.csv`,
      statement.lines.length,
      payments.length,
      payments.reduce((s, l) => s + (l.amount ?? 0), 0),
      refunds.length,
      refunds.reduce((s, l) => s + (l.refundAmount ?? 0), 0),
    ],
  )) as [{ id: string }];
  const statementId = Number(id);
  if (statement.lines.length === 0) return { statementId, lineIds: [] };
  const values = statement.lines.flatMap((l, i) => {
    const kind = l.kind ?? 'PAYMENT';
    return [
      statementId,
      i + 1,
      statement.source,
      kind,
      l.tradeTime.toISOString(),
      l.platformOrderNo ?? null,
      l.transactionId ?? null,
      l.refundNo ?? null,
      l.amount ?? 0,
      l.refundAmount ?? 0,
      l.fee ?? 0,
      l.payer ?? null,
      l.device ?? null,
    ];
  });
  const row = `(${LINE_COLUMNS.map((c) => (c === 'trade_time' ? '?::timestamptz' : '?')).join(', ')})`;
  const inserted = (await connection.execute(
    `insert into statement_line (${LINE_COLUMNS.join(', ')}) values ${statement.lines.map(() => row).join(', ')}
     returning id`,
    values,
  )) as { id: string }[];
  return { statementId, lineIds: inserted.map((r) => Number(r.id)).sort((a, b) => a - b) };
}

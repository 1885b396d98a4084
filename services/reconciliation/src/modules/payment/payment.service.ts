import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrderStateEvent } from '@pay/common';

const COLUMNS = [
  'platform_order_no',
  'upstream_order_no',
  'merchant_id',
  'merchant_name',
  'merchant_order_no',
  'channel_code',
  'pay_type',
  'amount',
  'fee',
  'status',
  'status_code',
  'admin_status_code',
  'created_at',
  'paid_at',
  'store_id',
  'cashier_id',
  'device_no',
  'payer_id',
  'payer_nickname',
  'seq',
] as const;

/**
 * Applies order states in one statement: a newer `seq` replaces the copy, an older or
 * repeated one changes nothing (so at-least-once, out-of-order delivery is harmless).
 * Returns how many rows changed.
 */
export async function applyOrderStates(em: EntityManager, events: OrderStateEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  // The newest state per order within the batch.
  const latest = new Map<string, OrderStateEvent>();
  for (const e of events) {
    const current = latest.get(e.payload.platformOrderNo);
    if (!current || current.seq < e.seq) latest.set(e.payload.platformOrderNo, e);
  }
  const rows = [...latest.values()].map((e) => {
    const p = e.payload;
    return [
      p.platformOrderNo,
      p.upstreamOrderNo,
      p.merchantId,
      p.merchantName,
      p.merchantOrderNo,
      p.channelCode,
      p.payType,
      p.amount,
      p.fee,
      p.status,
      p.statusCode,
      p.adminStatusCode,
      new Date(p.createdAt),
      p.paidAt ? new Date(p.paidAt) : null,
      p.storeId,
      p.cashierId,
      p.deviceNo,
      p.payerId,
      p.payerNickname,
      e.seq,
    ];
  });
  const placeholders = rows.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ');
  const updates = COLUMNS.filter((c) => c !== 'platform_order_no')
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const result = (await em.getConnection().execute(
    `insert into payment (${COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${placeholders}
     on conflict ("platform_order_no") do update set ${updates}, "updated_at" = now()
     where payment.seq < excluded.seq`,
    rows.flat(),
    'run',
    em.getTransactionContext(),
  )) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}

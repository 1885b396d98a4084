import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '@pay/common';
import type { Order } from '../order/order.entity';

/**
 * The sandbox channel's own book (table `sandbox_channel_entry`): what the channel did
 * that the platform does not know. A real channel keeps its own records, and that is
 * where reconciliation's findings come from; the sandbox keeps only the differences
 * from the orders, since everything else it did reached the platform by callback.
 *
 * - PAYMENT: the channel took the payment but its callback never arrived (lost).
 * - REFUND: the channel refunded the payment on its side (a payer's complaint, say).
 * - BILLED_AMOUNT: the channel's bill books another amount for the trade.
 */
export type SandboxEntryKind = 'PAYMENT' | 'REFUND' | 'BILLED_AMOUNT';

export interface SandboxEntry {
  kind: SandboxEntryKind;
  platformOrderNo: string;
  tradeNo: string;
  amount: number;
  occurredAt: Date;
}

/** A channel transaction number as the sandbox issues them (`SBX…`, which its statements recognise). */
export function sandboxTradeNo(at: Date = new Date()): string {
  return `SBX${at.getTime()}${randomBytes(4).toString('hex')}`;
}

interface EntryRow {
  kind: SandboxEntryKind;
  platform_order_no: string;
  trade_no: string;
  amount: string | number;
  occurred_at: Date | string;
}

/** The book's entries for one order. */
export async function sandboxEntries(em: EntityManager, platformOrderNo: string): Promise<SandboxEntry[]> {
  const rows = (await em
    .getConnection()
    .execute(
      'select kind, platform_order_no, trade_no, amount, occurred_at from sandbox_channel_entry where platform_order_no = ? order by id',
      [platformOrderNo],
      'all',
      em.getTransactionContext(),
    )) as EntryRow[];
  return rows.map((r) => ({
    kind: r.kind,
    platformOrderNo: r.platform_order_no,
    tradeNo: r.trade_no,
    amount: Number(r.amount),
    occurredAt: new Date(r.occurred_at),
  }));
}

async function record(em: EntityManager, entry: SandboxEntry): Promise<SandboxEntry> {
  const inserted = (await em.getConnection().execute(
    `insert into sandbox_channel_entry (kind, platform_order_no, trade_no, amount, occurred_at)
       values (?, ?, ?, ?, ?) on conflict (platform_order_no, kind) do nothing returning id`,
    [entry.kind, entry.platformOrderNo, entry.tradeNo, entry.amount, entry.occurredAt],
    'all',
    em.getTransactionContext(),
  )) as unknown[];
  if (inserted.length === 0)
    throw new AppError('CONFLICT', `the sandbox channel has a ${entry.kind} entry for this order already`, {
      platformOrderNo: entry.platformOrderNo,
    });
  return entry;
}

/** The channel's transaction for the order: from its verified callback, or from a lost one. */
async function channelTrade(em: EntityManager, order: Order): Promise<string | null> {
  if (order.upstreamOrderNo?.startsWith('SBX')) return order.upstreamOrderNo;
  const lost = (await sandboxEntries(em, order.platformOrderNo)).find((e) => e.kind === 'PAYMENT');
  return lost?.tradeNo ?? null;
}

/** The payer paid, but the channel's callback is lost: the order stays unpaid at the platform. */
export async function payWithLostCallback(
  em: EntityManager,
  order: Order,
  paidAt: Date = new Date(),
): Promise<SandboxEntry> {
  if (order.upstreamOrderNo)
    throw new AppError('CONFLICT', 'the channel already reported a payment for this order', {
      platformOrderNo: order.platformOrderNo,
    });
  return record(em, {
    kind: 'PAYMENT',
    platformOrderNo: order.platformOrderNo,
    tradeNo: sandboxTradeNo(paidAt),
    amount: order.amount,
    occurredAt: paidAt,
  });
}

/** The channel gives the whole payment back on its side, without telling the platform. */
export async function refundAtChannel(
  em: EntityManager,
  order: Order,
  at: Date = new Date(),
): Promise<SandboxEntry> {
  const tradeNo = await channelTrade(em, order);
  if (!tradeNo)
    throw new AppError('CONFLICT', 'the sandbox channel took no payment for this order', {
      platformOrderNo: order.platformOrderNo,
    });
  return record(em, {
    kind: 'REFUND',
    platformOrderNo: order.platformOrderNo,
    tradeNo,
    amount: order.amount,
    occurredAt: at,
  });
}

/** The channel's bill books `amount` for the order's payment (a channel-side adjustment). */
export async function billAnotherAmount(
  em: EntityManager,
  order: Order,
  amount: number,
): Promise<SandboxEntry> {
  const tradeNo = await channelTrade(em, order);
  if (!tradeNo)
    throw new AppError('CONFLICT', 'the sandbox channel took no payment for this order', {
      platformOrderNo: order.platformOrderNo,
    });
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount === order.amount)
    throw new AppError('BAD_USER_INPUT', 'the billed amount must be positive fen and differ from the order', {
      argument: 'amount',
    });
  return record(em, {
    kind: 'BILLED_AMOUNT',
    platformOrderNo: order.platformOrderNo,
    tradeNo,
    amount,
    occurredAt: order.paidAt ?? new Date(),
  });
}

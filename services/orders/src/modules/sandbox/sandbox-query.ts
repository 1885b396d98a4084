import type { RequestHandler } from 'express';
import { ACTOR_HEADER, verifyActorHeader } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { Order } from '../order/order.entity';
import { OrderStatus } from '../order/order-status';
import { sandboxEntries, type SandboxEntry } from './sandbox-book';

/** What the sandbox channel answers about an order (the shape of a channel's order query). */
export interface SandboxTradeState {
  out_trade_no: string;
  /** SUCCESS (the channel took the money), REFUND (and gave it back), NOTPAY, NOT_FOUND. */
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'NOT_FOUND';
  /** Amount in fen (null for NOT_FOUND). */
  amount: number | null;
  transaction_id: string | null;
}

/**
 * The channel's view of an order: it took the money exactly when a verified callback
 * recorded its transaction id — whatever the platform did afterwards (a manual cancel
 * keeps SUCCESS, since the channel still holds the money; a manual complete without a
 * callback is NOTPAY, since the channel never saw a payment) — and what its own book
 * adds: a payment whose callback was lost is SUCCESS, a refund made at the channel REFUND.
 */
export function sandboxTradeState(
  platformOrderNo: string,
  order: Order | null,
  book: SandboxEntry[] = [],
): SandboxTradeState {
  if (!order)
    return { out_trade_no: platformOrderNo, trade_state: 'NOT_FOUND', amount: null, transaction_id: null };
  const base = {
    out_trade_no: order.platformOrderNo,
    amount: order.amount,
    transaction_id: order.upstreamOrderNo,
  };
  const lost = book.find((e) => e.kind === 'PAYMENT');
  const refunded = book.some((e) => e.kind === 'REFUND');
  if (lost) return { ...base, transaction_id: lost.tradeNo, trade_state: refunded ? 'REFUND' : 'SUCCESS' };
  if (!order.upstreamOrderNo) return { ...base, trade_state: 'NOTPAY' };
  if (refunded) return { ...base, trade_state: 'REFUND' };
  return { ...base, trade_state: order.status === OrderStatus.REFUNDED ? 'REFUND' : 'SUCCESS' };
}

/**
 * `GET /sandbox/query/:platformOrderNo`: the sandbox channel's order query, which
 * reconciliation asks about doubtful orders. Like a real channel's query it is not open:
 * the caller presents a signed SYSTEM or OPERATOR actor. 404 with NOT_FOUND for an
 * unknown order.
 */
export function sandboxQueryHandler(runtime: OrdersRuntime): RequestHandler {
  return async (req, res) => {
    const actor = verifyActorHeader(req.header(ACTOR_HEADER), runtime.config.auth.internalSecret);
    if (!actor || (actor.role !== 'SYSTEM' && actor.role !== 'OPERATOR')) {
      res
        .status(401)
        .json({ code: 'UNAUTHENTICATED', message: 'a signed SYSTEM or OPERATOR actor is required' });
      return;
    }
    const platformOrderNo = String(req.params.platformOrderNo);
    const em = runtime.orm.em.fork();
    const order = await em.findOne(Order, { platformOrderNo });
    const book = order ? await sandboxEntries(em, platformOrderNo) : [];
    res.status(order ? 200 : 404).json(sandboxTradeState(platformOrderNo, order, book));
  };
}

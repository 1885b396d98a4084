import { z } from 'zod';
import type { InternalContract } from './internal-client';

// The orders service's outbox events, as it writes them and as the ledger and
// reconciliation read them at `POST /internal/order-events`: one schema per topic family,
// checked by the producer when it writes the event (in the transaction of the change, so a
// malformed event never reaches the outbox) and by each receiver when it arrives.

/** Where the orders relay delivers its events, in every receiving service. */
export const ORDER_EVENTS_PATH = '/internal/order-events';

/** Topics that move (or decide) money: the ledger posts them. */
export const ORDER_MONEY_TOPICS = [
  'order.paid',
  'order.released',
  'order.withheld',
  'order.reversed',
  'order.refunded',
] as const;
export type OrderMoneyTopic = (typeof ORDER_MONEY_TOPICS)[number];

/** Not about money: an order's whole current state, for services that keep a copy. */
export const ORDER_STATE_TOPIC = 'order.state';

const fen = z.number().int().safe();
const instant = z.string().datetime({ offset: true });

/** A money event's payload: the order's stored fee split, never recomputed by a receiver. */
export const orderMoneyPayloadSchema = z.object({
  orderId: z.number().int(),
  platformOrderNo: z.string().min(1).max(32),
  merchantId: z.number().int().positive(),
  merchantOrderNo: z.string().min(1).max(64),
  channelCode: z.string().min(1).max(32),
  pzid: z.number().int(),
  agentId: z.number().int().nullable(),
  amount: fen.positive(),
  merchantIncome: fen,
  agentIncome: fen.nonnegative(),
  channelFee: fen,
  upstreamCost: fen.nonnegative(),
  platformProfit: fen,
  /** Which credit of the order this is (a reversal names the credit it reverses). */
  creditSeq: z.number().int().nonnegative(),
  paidAt: instant.nullable(),
  status: z.string().min(1).max(40),
  /** What caused it (callback, manual-complete, …), for the record. */
  source: z.string().min(1).max(40),
  actor: z.object({ sub: z.string(), role: z.string() }).nullable(),
});
export type OrderMoneyPayload = z.infer<typeof orderMoneyPayloadSchema>;

/** An `order.state` event's payload: the order as reconciliation matches statements against it. */
export const orderStatePayloadSchema = z.object({
  platformOrderNo: z.string().min(1).max(32),
  upstreamOrderNo: z.string().max(64).nullable(),
  merchantId: z.number().int().positive(),
  merchantName: z.string().max(100),
  merchantOrderNo: z.string().min(1).max(64),
  channelCode: z.string().min(1).max(32),
  payType: z.string().min(1).max(20),
  amount: fen.positive(),
  fee: fen,
  status: z.string().min(1).max(40),
  statusCode: z.number().int(),
  adminStatusCode: z.number().int(),
  createdAt: instant,
  paidAt: instant.nullable(),
  storeId: z.string().nullable(),
  cashierId: z.string().nullable(),
  deviceNo: z.string().nullable(),
  payerId: z.string().nullable(),
  payerNickname: z.string().nullable(),
});
export type OrderStatePayload = z.infer<typeof orderStatePayloadSchema>;

/** A money event as the ledger receives it. */
export const orderMoneyEventSchema = z.object({
  id: z.string().uuid(),
  topic: z.enum(ORDER_MONEY_TOPICS),
  payload: orderMoneyPayloadSchema,
});
export type OrderMoneyEvent = z.infer<typeof orderMoneyEventSchema>;

/** A state event as reconciliation receives it; `seq` orders the states of one order. */
export const orderStateEventSchema = z.object({
  id: z.string().uuid(),
  seq: z.coerce.number().int().positive(),
  topic: z.literal(ORDER_STATE_TOPIC),
  payload: orderStatePayloadSchema,
});
export type OrderStateEvent = z.infer<typeof orderStateEventSchema>;

/** A delivery: the relay's batch, oldest first. */
export const orderEventBatch = <E extends z.ZodTypeAny>(event: E, max: number) =>
  z.object({ events: z.array(event).min(1).max(max) });

/**
 * The relay's side of `POST /internal/order-events`: events of any topic the receiver
 * subscribed to (each checked against its topic's schema when it was written), and the
 * receiver's count of what it applied.
 */
export const orderEventsDeliveryContract = {
  path: ORDER_EVENTS_PATH,
  request: orderEventBatch(
    z.object({
      id: z.string().uuid(),
      seq: z.string().regex(/^\d+$/).optional(),
      topic: z.string().min(1).max(100),
      payload: z.record(z.unknown()),
    }),
    1000,
  ),
  answer: z.object({ applied: z.number().int().nonnegative(), received: z.number().int().positive() }),
} satisfies InternalContract;

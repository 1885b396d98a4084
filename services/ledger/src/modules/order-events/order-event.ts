import { z } from 'zod';

/** Topics the orders service publishes that move money (see orders' order-events.ts). */
export const ORDER_TOPICS = [
  'order.paid',
  'order.released',
  'order.withheld',
  'order.reversed',
  'order.refunded',
] as const;

const fen = z.number().int().safe();

/** An order event as the ledger reads it: the order's stored fee split, never recomputed here. */
export const orderEventSchema = z.object({
  id: z.string().uuid(),
  topic: z.enum(ORDER_TOPICS),
  payload: z.object({
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
    creditSeq: z.number().int().nonnegative(),
    paidAt: z.string().datetime({ offset: true }).nullable(),
  }),
});

export type OrderEvent = z.infer<typeof orderEventSchema>;

/** The order number the old system stored: merchant id + merchant order number. */
export const fullOrderNo = (p: OrderEvent['payload']) => `${p.merchantId}${p.merchantOrderNo}`;

import { z } from 'zod';

/** The orders service's `order.state` event as this service reads it. */
export const orderStateEventSchema = z.object({
  id: z.string().uuid(),
  seq: z.coerce.number().int().positive(),
  topic: z.literal('order.state'),
  payload: z.object({
    platformOrderNo: z.string().min(1).max(32),
    upstreamOrderNo: z.string().max(64).nullable(),
    merchantId: z.number().int().positive(),
    merchantName: z.string().max(100),
    merchantOrderNo: z.string().min(1).max(64),
    channelCode: z.string().min(1).max(32),
    payType: z.string().min(1).max(20),
    amount: z.number().int().positive(),
    fee: z.number().int(),
    status: z.string().min(1).max(40),
    statusCode: z.number().int(),
    adminStatusCode: z.number().int(),
    createdAt: z.string().datetime({ offset: true }),
    paidAt: z.string().datetime({ offset: true }).nullable(),
    storeId: z.string().nullable(),
    cashierId: z.string().nullable(),
    deviceNo: z.string().nullable(),
    payerId: z.string().nullable(),
    payerNickname: z.string().nullable(),
  }),
});

export type OrderStateEvent = z.infer<typeof orderStateEventSchema>;

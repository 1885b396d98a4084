import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  AppError,
  logger,
  ORDER_EVENTS_PATH,
  orderEventBatch,
  orderMoneyEventSchema,
  requireSignedCaller,
} from '@pay/common';
import type { OrderEvent } from './order-event';
import { applyOrderEvent } from './order-event.handler';

const isCredit = (event: OrderEvent) => event.topic === 'order.paid' || event.topic === 'order.released';

const batchSchema = orderEventBatch(orderMoneyEventSchema, 500);

/**
 * `POST /internal/order-events`: the orders service's relay (and its synchronous
 * cancel) deliver order events here. Only callers holding the internal secret (a
 * signed SYSTEM actor) are heard. Each event applies atomically and idempotently, in
 * order, except that consecutive credits post concurrently (one group commit). The first
 * failure answers for the batch, so the relay retries from there; credits after it that
 * did post are not posted again.
 */
export function orderEventRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  router.post(
    ORDER_EVENTS_PATH,
    requireSignedCaller(internalSecret),
    express.json({ limit: '2mb' }),
    async (req, res) => {
      const parsed = batchSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({
          code: 'BAD_USER_INPUT',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        return;
      }
      const events = parsed.data.events;
      let applied = 0;
      for (let start = 0; start < events.length;) {
        // A run of credits posts together (one group commit); anything else runs alone, in
        // order, after what came before it (a reversal needs its credit).
        let end = start + 1;
        if (isCredit(events[start]!)) while (end < events.length && isCredit(events[end]!)) end += 1;
        const outcomes = await Promise.allSettled(
          events.slice(start, end).map((event) => applyOrderEvent(orm.em.fork(), event)),
        );
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome.status === 'fulfilled') {
            if (outcome.value) applied += 1;
            continue;
          }
          const error: unknown = outcome.reason;
          const event = events[start + i]!;
          if (error instanceof AppError) {
            res.status(409).json({ code: error.code, message: error.message, eventId: event.id, applied });
            return;
          }
          logger().error({ err: error, eventId: event.id }, 'order event failed');
          res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', eventId: event.id, applied });
          return;
        }
        start = end;
      }
      res.json({ applied, received: events.length });
    },
  );
  return router;
}

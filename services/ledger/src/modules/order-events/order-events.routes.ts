import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, logger, requireSignedCaller } from '@pay/common';
import { orderEventSchema } from './order-event';
import { applyOrderEvent } from './order-event.handler';

const batchSchema = z.object({ events: z.array(orderEventSchema).min(1).max(500) });

/**
 * `POST /internal/order-events`: the orders service's relay (and its synchronous
 * cancel) deliver order events here. Only callers holding the internal secret (a
 * signed SYSTEM actor) are heard. Events apply in order, each in its own transaction;
 * the first failure stops the batch so the relay retries from there.
 */
export function orderEventRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  router.post(
    '/internal/order-events',
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
      let applied = 0;
      for (const event of parsed.data.events) {
        try {
          if (await orm.em.fork().transactional((tx) => applyOrderEvent(tx, event))) applied += 1;
        } catch (error) {
          if (error instanceof AppError) {
            res.status(409).json({ code: error.code, message: error.message, eventId: event.id, applied });
            return;
          }
          logger().error({ err: error, eventId: event.id }, 'order event failed');
          res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', eventId: event.id, applied });
          return;
        }
      }
      res.json({ applied, received: parsed.data.events.length });
    },
  );
  return router;
}

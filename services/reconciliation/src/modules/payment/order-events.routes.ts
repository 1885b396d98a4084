import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  logger,
  ORDER_EVENTS_PATH,
  orderEventBatch,
  orderStateEventSchema,
  requireSignedCaller,
} from '@pay/common';
import { applyOrderStates } from './payment.service';

const batchSchema = orderEventBatch(orderStateEventSchema, 1000);

/** `POST /internal/order-events`: the orders relay delivers `order.state` events here (signed SYSTEM actor only). */
export function orderEventRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  router.post(
    ORDER_EVENTS_PATH,
    requireSignedCaller(internalSecret),
    express.json({ limit: '4mb' }),
    async (req, res) => {
      const parsed = batchSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({
          code: 'BAD_USER_INPUT',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        return;
      }
      try {
        const applied = await applyOrderStates(orm.em.fork(), parsed.data.events);
        res.json({ applied, received: parsed.data.events.length });
      } catch (error) {
        logger().error({ err: error }, 'order states failed');
        res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
      }
    },
  );
  return router;
}

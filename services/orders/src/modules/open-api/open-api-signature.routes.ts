import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { requireSignedCaller } from '@pay/common';
import { verifyOpenApiSignature } from './open-api-signature';

// The gateway renders every envelope parameter as the string the client signed.
const bodySchema = z.object({ params: z.record(z.string()) });

/**
 * `POST /internal/open-api/verify-signature` (body `{ params }`, `sign` and `app_id`
 * among them): the gateway's REST shim asks whether a Fubei-style open API request is
 * signed right, answered `{ ok: true, merchantId }` or `{ ok: false, code }`
 * (SIGNATURE_INVALID, MERCHANT_DISABLED). Signed SYSTEM callers only.
 */
export function openApiSignatureRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  router.post(
    '/internal/open-api/verify-signature',
    requireSignedCaller(internalSecret),
    express.json({ limit: '256kb' }),
    async (req, res, next) => {
      const parsed = bodySchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        res.status(400).json({ code: 'BAD_USER_INPUT', message: 'params: an object of strings' });
        return;
      }
      try {
        res.json(await verifyOpenApiSignature(orm.em.fork(), parsed.data.params));
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

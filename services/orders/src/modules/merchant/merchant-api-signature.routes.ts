import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { requireSignedCaller, type SignableValue } from '@pay/common';
import { verifyMerchantApiSignature } from './merchant-api-signature';

const bodySchema = z.object({
  params: z.record(z.unknown()),
  platformOnly: z.boolean().default(false),
});

/**
 * `POST /internal/merchant-api/verify-signature` (body `{ params, platformOnly }`, params
 * with `sign` among them): the gateway's REST shim asks whether a legacy merchant API
 * request is signed right, answered `{ ok: true, caller }` or `{ ok: false, code }`
 * (SIGNATURE_INVALID, MERCHANT_DISABLED). Signed SYSTEM callers only.
 */
export function merchantApiSignatureRoutes(orm: MikroORM, internalSecret: string, masterKey: string): Router {
  const router = express.Router();
  router.post(
    '/internal/merchant-api/verify-signature',
    requireSignedCaller(internalSecret),
    express.json({ limit: '256kb' }),
    async (req, res, next) => {
      const parsed = bodySchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        res.status(400).json({ code: 'BAD_USER_INPUT', message: 'params (an object) and platformOnly' });
        return;
      }
      try {
        res.json(
          // A single-row read on the connection: no fork, no identity map (see the function).
          await verifyMerchantApiSignature(
            orm.em,
            masterKey,
            parsed.data.params as Record<string, SignableValue>,
            { platformOnly: parsed.data.platformOnly },
          ),
        );
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requireSignedCaller, verifyTotpContract } from '@pay/common';
import { verifyMerchantTotp } from './merchant-security.service';

/**
 * `POST /internal/merchants/:id/verify-totp` (body `{ code }`): the ledger asks whether a
 * withdrawal's TOTP code is right, answered `{ required, valid }`. Only callers holding
 * the internal secret (a signed SYSTEM actor) are heard; the secret never leaves here.
 */
export function merchantSecurityRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  router.post(
    verifyTotpContract.path,
    requireSignedCaller(internalSecret),
    express.json({ limit: '4kb' }),
    async (req, res, next) => {
      const id = String(req.params.id);
      const parsed = verifyTotpContract.request.safeParse(req.body ?? {});
      if (!/^[1-9]\d{0,9}$/.test(id) || !parsed.success) {
        res
          .status(400)
          .json({ code: 'BAD_USER_INPUT', message: 'a merchant id and an optional code string' });
        return;
      }
      try {
        const verdict = await verifyMerchantTotp(orm.em.fork(), Number(id), parsed.data.code ?? '');
        if (!verdict) {
          res.status(404).json({ code: 'NOT_FOUND', message: `merchant ${id} not found` });
          return;
        }
        res.json(verdict);
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

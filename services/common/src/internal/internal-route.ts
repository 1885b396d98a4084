import express, { type Router } from 'express';
import type { z } from 'zod';
import { requireSignedCaller } from '../http/signed-caller';
import { isAppError } from '../errors/app-error';
import { parseInternalRequest, type InternalContract } from './internal-client';

/**
 * The owner's side of an internal contract: `POST <path>` for signed SYSTEM callers only,
 * the body checked against the contract (400 BAD_USER_INPUT naming each field), `handle`'s
 * result answered as JSON; anything it throws goes to the service's error handler.
 */
export function internalRoute<C extends InternalContract>(
  contract: C,
  options: { internalSecret: string; bodyLimit: string },
  handle: (request: z.output<C['request']>) => Promise<z.input<C['answer']>>,
): Router {
  const router = express.Router();
  router.post(
    contract.path,
    requireSignedCaller(options.internalSecret),
    express.json({ limit: options.bodyLimit }),
    async (req, res, next) => {
      let request: z.output<C['request']>;
      try {
        request = parseInternalRequest(contract, req.body ?? {});
      } catch (error) {
        if (!isAppError(error)) return next(error);
        res.status(400).json({ code: error.code, message: error.message });
        return;
      }
      try {
        res.json(await handle(request));
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

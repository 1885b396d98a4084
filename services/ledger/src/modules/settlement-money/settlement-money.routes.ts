import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  AppError,
  logger,
  requireSignedCaller,
  settlementPayoutContract,
  walletCollectionContract,
  walletRechargeContract,
} from '@pay/common';
import { collectFromWallet, postSettlementPayout, postWalletRecharge } from './settlement-money.service';

const jsonBody = express.json({ limit: '16kb' });

/** Parses a JSON body; a malformed or oversized one is the caller's error (400), not the app's. */
function parseJson(req: Request, res: Response, next: NextFunction): void {
  jsonBody(req, res, (error?: unknown) => {
    if (error) {
      res
        .status(400)
        .json({ code: 'BAD_USER_INPUT', message: 'the body is not a JSON object of at most 16 kB' });
      return;
    }
    next();
  });
}

/** HTTP status of a refusal: the caller's input (400), a missing target (404), else the ledger's state (409). */
function statusOf(error: AppError): number {
  if (error.code === 'BAD_USER_INPUT') return 400;
  if (error.code === 'NOT_FOUND') return 404;
  return 409;
}

/** Runs a command on the body; refusals keep their code, anything unexpected is logged and masked. */
function command(name: string, run: (em: EntityManager, body: unknown) => Promise<object>, orm: MikroORM) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      res.json(await run(orm.em.fork(), req.body ?? null));
    } catch (error) {
      if (error instanceof AppError) {
        res.status(statusOf(error)).json({ code: error.code, message: error.message });
        return;
      }
      logger().error({ err: error, command: name }, 'settlement money command failed');
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
    }
  };
}

/** Posting ids are bigints: answered as decimal text, like the graph's `ID`. */
const postingAnswer = (result: { postingId: number | null }) => ({
  ...result,
  postingId: result.postingId === null ? null : String(result.postingId),
});

/**
 * The settlement service's money movements, for signed SYSTEM callers only:
 * `POST /internal/settlement-payouts` (a settlement's payout from the merchant's
 * available balance), `POST /internal/prepaid-wallet/recharges` (a recharge or API
 * correction of the prepaid fee wallet) and `POST /internal/prepaid-wallet/collections`
 * (a bill collected from the wallet as far as it reaches). Each is idempotent on the
 * caller's id, so a retry after a timeout never moves money twice.
 */
export function settlementMoneyRoutes(orm: MikroORM, internalSecret: string): Router {
  const router = express.Router();
  const guard = [requireSignedCaller(internalSecret), parseJson];
  router.post(
    settlementPayoutContract.path,
    ...guard,
    command(
      'settlement-payout',
      async (em, body) => postingAnswer(await postSettlementPayout(em, body)),
      orm,
    ),
  );
  router.post(
    walletRechargeContract.path,
    ...guard,
    command('wallet-recharge', async (em, body) => postingAnswer(await postWalletRecharge(em, body)), orm),
  );
  router.post(
    walletCollectionContract.path,
    ...guard,
    command('wallet-collection', async (em, body) => postingAnswer(await collectFromWallet(em, body)), orm),
  );
  return router;
}

import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';
import { reconciliationRoutes } from './reconciliation/reconciliation.routes';
import { settlementRoutes } from './settlement/settlement.routes';

/**
 * The /pay/* reconciliation and settlement admin API (pay-admin-api.md), for operators
 * (analysts may read) with a bearer token of the GraphQL API's issuer.
 */
export function payAdminApi(ctx: RestContext): Router {
  const router = express.Router();
  router.use(reconciliationRoutes(ctx));
  router.use(settlementRoutes(ctx));
  return router;
}

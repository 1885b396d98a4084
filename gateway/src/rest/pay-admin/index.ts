import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';
import { addLegacyFallbacks } from '../legacy-envelope';
import { payAdminEnvelopeError } from './pay-admin-envelope';
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
  // Malformed or over-limit bodies, wrong methods and unknown /pay/* paths: the envelope too.
  addLegacyFallbacks(router, { base: '/pay', envelopeError: payAdminEnvelopeError });
  return router;
}

export { payAdminEnvelopeError } from './pay-admin-envelope';

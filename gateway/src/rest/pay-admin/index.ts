import type { Router } from 'express';
import { legacyApi } from '../legacy-api';
import type { RestContext } from '../rest-context';
import { authenticatePayAdmin } from './pay-admin-auth';
import { payAdminEnvelopeError, sendAdminData, sendAdminError } from './pay-admin-envelope';
import type { AdminParams } from './pay-admin-params';
import type { AdminRequest, AdminRoute } from './pay-admin-routes';
import { reconciliationRoutes } from './reconciliation/reconciliation.routes';
import { settlementRoutes } from './settlement/settlement.routes';

/**
 * The /pay/* reconciliation and settlement admin API (pay-admin-api.md), for operators
 * (analysts may read) with a bearer token of the GraphQL API's issuer.
 */
export function payAdminApi(ctx: RestContext): Router {
  return legacyApi<AdminRequest, AdminRoute>({
    name: 'pay admin API',
    routes: [...reconciliationRoutes(ctx), ...settlementRoutes(ctx)],
    // Bearer authentication first: an upload (the settlement voucher) is read only after it.
    async request(req, route) {
      const actor = await authenticatePayAdmin(req, ctx.tokens, route.write);
      const params: AdminParams = {
        ...(req.query as AdminParams),
        ...(req.body && typeof req.body === 'object' ? (req.body as AdminParams) : {}),
      };
      return { params, actor, ctx, req };
    },
    send: (res, data, route) => sendAdminData(res, route.style, data, route.message),
    fail: (res, error, route) => sendAdminError(res, route.style, error.code),
    // Malformed or over-limit bodies, wrong methods and unknown /pay/* paths: the envelope too.
    fallbacks: { base: '/pay', envelopeError: payAdminEnvelopeError },
  });
}

export { payAdminEnvelopeError } from './pay-admin-envelope';

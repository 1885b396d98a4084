import type { Router } from 'express';
import type { RestContext } from '../rest-context';
import { detailBillEndpoint, receivableDetailEndpoint } from './bills/bills.route';
import { crmRoutes } from './crm-routes';
import { apiRechargeEndpoint, createRechargeEndpoint } from './recharge/recharge.route';

/** The CRM billing API (crm-billing-api.md) under /make_crm/api/. */
export function crmApi(ctx: RestContext): Router {
  return crmRoutes(ctx, [
    createRechargeEndpoint,
    detailBillEndpoint,
    receivableDetailEndpoint,
    apiRechargeEndpoint,
  ]);
}

export { crmEnvelopeError } from './crm-envelope';

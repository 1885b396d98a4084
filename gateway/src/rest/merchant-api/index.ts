import type { Request, Router } from 'express';
import type { RestContext } from '../rest-context';
import { merchantApiEnvelopeError } from './merchant-envelope';
import { merchantApiRoutes, type MerchantEndpoint } from './merchant-routes';
import { ORDER_ENDPOINTS } from './order-endpoints';
import { MONEY_ENDPOINTS } from './money-endpoints';

/** Every endpoint of merchant-api.md §2, mounted at the gateway's root. */
export const MERCHANT_API_ENDPOINTS: MerchantEndpoint[] = [...ORDER_ENDPOINTS, ...MONEY_ENDPOINTS];

/**
 * What the gateway serves at its root besides the merchant API (server.ts, the other
 * legacy APIs' bases): requests there never get the merchant API's 404. Add a prefix
 * here when mounting something new at the root.
 */
export const NOT_MERCHANT_API_PREFIXES = [
  '/graphql',
  '/files',
  '/console',
  '/health',
  '/ready',
  '/metrics',
  '/sandbox',
  '/pay',
  '/make_crm',
  '/api/account',
  '/openapi',
] as const;

/** True for the paths of {@link NOT_MERCHANT_API_PREFIXES} and for `GET /` (the redirect to /graphql). */
export function isNotMerchantApiPath(req: Request): boolean {
  const path = req.path.toLowerCase();
  if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return true;
  return NOT_MERCHANT_API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The merchant API at the gateway's root: its endpoints, then its envelope for malformed
 * or over-limit bodies, wrong methods (405) and unknown paths (404).
 */
export const merchantApi = (ctx: RestContext): Router =>
  merchantApiRoutes(ctx, MERCHANT_API_ENDPOINTS, {
    base: '/',
    envelopeError: merchantApiEnvelopeError,
    foreign: isNotMerchantApiPath,
  });

export { merchantApiEnvelopeError } from './merchant-envelope';

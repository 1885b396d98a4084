import type { Router } from 'express';
import type { RestContext } from '../rest-context';
import { merchantApiRoutes, type MerchantEndpoint } from './merchant-routes';
import { balanceEndpoint } from './balance/balance.route';

/** Every endpoint of merchant-api.md §2, mounted at the gateway's root. */
export const MERCHANT_API_ENDPOINTS: MerchantEndpoint[] = [balanceEndpoint];

export const merchantApi = (ctx: RestContext): Router => merchantApiRoutes(ctx, MERCHANT_API_ENDPOINTS);

import type { Router } from 'express';
import type { RestContext } from '../rest-context';
import { merchantApiRoutes, type MerchantEndpoint } from './merchant-routes';
import { ORDER_ENDPOINTS } from './order-endpoints';
import { MONEY_ENDPOINTS } from './money-endpoints';

/** Every endpoint of merchant-api.md §2, mounted at the gateway's root. */
export const MERCHANT_API_ENDPOINTS: MerchantEndpoint[] = [...ORDER_ENDPOINTS, ...MONEY_ENDPOINTS];

export const merchantApi = (ctx: RestContext): Router => merchantApiRoutes(ctx, MERCHANT_API_ENDPOINTS);

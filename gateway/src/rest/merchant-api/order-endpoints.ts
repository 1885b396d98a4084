import type { MerchantEndpoint } from './merchant-routes';
import { balanceEndpoint } from './balance/balance.route';

/** merchant-api.md §3–7.4: balance, rates, orders and order commands. */
export const ORDER_ENDPOINTS: MerchantEndpoint[] = [balanceEndpoint];

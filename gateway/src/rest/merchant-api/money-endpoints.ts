import type { MerchantEndpoint } from './merchant-routes';

/** merchant-api.md §8–17: notify logs, summaries, money logs, withdrawals, channel status, reports. */
export const MONEY_ENDPOINTS: MerchantEndpoint[] = [];

import { runsOperation } from '../../operation-route';
import { legacyDateTime } from '../legacy-format';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiRiskStatsQuery, MerchantApiRiskStatsQueryVariables } from '../../generated';

/** `/riskstats`: stale pending, high-value (threshold `high_amount`, default 1000 yuan), failed-notification and withheld counts. */
export const riskStatsEndpoint: MerchantEndpoint = {
  path: '/riskstats',
  handle: runsOperation<MerchantRequest, MerchantApiRiskStatsQuery, MerchantApiRiskStatsQueryVariables>({
    operation: 'MerchantApiRiskStats',
    variables: ({ params, actor }) => ({
      merchantId: merchantIdOf(actor),
      highAmount: optionalString(params, 'high_amount') ?? null,
    }),
    respond: ({ riskStats: r }, _request, { merchantId }) => ({
      merchant_id: String(merchantId),
      timestamp: legacyDateTime(r.generatedAt),
      pending_orders_over_30m: r.pendingOver30m,
      high_value_orders_today: r.highValueToday,
      failed_notifications: r.failedNotifications,
      withheld_orders: r.withheld,
    }),
  }),
};

import { legacyDateTime } from '../legacy-format';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import type { MerchantApiRiskStatsQuery, MerchantApiRiskStatsQueryVariables } from '../../generated';

/** `/riskstats`: stale pending, high-value (threshold `high_amount`, default 1000 yuan), failed-notification and withheld counts. */
export const riskStatsEndpoint: MerchantEndpoint = {
  path: '/riskstats',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const data = await ctx.run<MerchantApiRiskStatsQuery, MerchantApiRiskStatsQueryVariables>(
      'MerchantApiRiskStats',
      { merchantId, highAmount: optionalString(params, 'high_amount') ?? null },
      actor,
    );
    const r = data.riskStats;
    return {
      merchant_id: String(merchantId),
      timestamp: legacyDateTime(r.generatedAt),
      pending_orders_over_30m: r.pendingOver30m,
      high_value_orders_today: r.highValueToday,
      failed_notifications: r.failedNotifications,
      withheld_orders: r.withheld,
    };
  },
};

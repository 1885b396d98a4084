import { runsOperation } from '../../operation-route';
import { merchantIdOf } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiStatsQuery, MerchantApiStatsQueryVariables } from '../../generated';

interface PeriodTotals {
  orderCount: number;
  grossAmount: string;
  merchantIncome: string;
  agentIncome: string;
}

const period = (totals: PeriodTotals) => ({
  order_count: totals.orderCount,
  gross_amount: totals.grossAmount,
  merchant_income: totals.merchantIncome,
  agent_income: totals.agentIncome,
});

/** `/stats`: paid today, yesterday and in total, and pending. */
export const statsEndpoint: MerchantEndpoint = {
  path: '/stats',
  handle: runsOperation<MerchantRequest, MerchantApiStatsQuery, MerchantApiStatsQueryVariables>({
    operation: 'MerchantApiStats',
    variables: ({ actor }) => ({ merchantId: merchantIdOf(actor) }),
    respond: ({ merchantStats: stats }, _request, { merchantId }) => ({
      merchant_id: String(merchantId),
      today: period(stats.today),
      yesterday: period(stats.yesterday),
      total: period(stats.total),
      pending: { order_count: stats.pending.orderCount, gross_amount: stats.pending.grossAmount },
    }),
  }),
};

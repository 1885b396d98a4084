import { runsOperation } from '../../operation-route';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiFeeStatementQuery, MerchantApiFeeStatementQueryVariables } from '../../generated';

/** `/feestatement`: totals and fee split of the merchant's paid orders (default: the last 30 days). */
export const feeStatementEndpoint: MerchantEndpoint = {
  path: '/feestatement',
  handle: runsOperation<MerchantRequest, MerchantApiFeeStatementQuery, MerchantApiFeeStatementQueryVariables>(
    {
      operation: 'MerchantApiFeeStatement',
      variables: ({ params, actor }) => ({
        merchantId: merchantIdOf(actor),
        startTime: optionalString(params, 'start_time') ?? null,
        endTime: optionalString(params, 'end_time') ?? null,
      }),
      respond: ({ feeStatement: s }, _request, { merchantId }) => ({
        merchant_id: String(merchantId),
        start_date: s.startDate,
        end_date: s.endDate,
        order_count: s.orderCount,
        gross_amount: s.grossAmount,
        merchant_income: s.merchantIncome,
        agent_income: s.agentIncome,
        platform_income: s.platformIncome,
        platform_fee: s.platformFee,
      }),
    },
  ),
};

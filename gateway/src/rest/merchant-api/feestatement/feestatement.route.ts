import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import type { MerchantApiFeeStatementQuery, MerchantApiFeeStatementQueryVariables } from '../../generated';

/** `/feestatement`: totals and fee split of the merchant's paid orders (default: the last 30 days). */
export const feeStatementEndpoint: MerchantEndpoint = {
  path: '/feestatement',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const data = await ctx.run<MerchantApiFeeStatementQuery, MerchantApiFeeStatementQueryVariables>(
      'MerchantApiFeeStatement',
      {
        merchantId,
        startTime: optionalString(params, 'start_time') ?? null,
        endTime: optionalString(params, 'end_time') ?? null,
      },
      actor,
    );
    const s = data.feeStatement;
    return {
      merchant_id: String(merchantId),
      start_date: s.startDate,
      end_date: s.endDate,
      order_count: s.orderCount,
      gross_amount: s.grossAmount,
      merchant_income: s.merchantIncome,
      agent_income: s.agentIncome,
      platform_income: s.platformIncome,
      platform_fee: s.platformFee,
    };
  },
};

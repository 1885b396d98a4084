import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import { legacyDailyItem, legacyRange } from './summary-view';
import type { MerchantApiSummaryByDayQuery, MerchantApiSummaryByDayQueryVariables } from '../../generated';

/** `/summarybyday`: the merchant's paid orders per day (default: the last 7 days), optionally of one channel. */
export const summaryByDayEndpoint: MerchantEndpoint = {
  path: '/summarybyday',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const data = await ctx.run<MerchantApiSummaryByDayQuery, MerchantApiSummaryByDayQueryVariables>(
      'MerchantApiSummaryByDay',
      { merchantId, ...legacyRange(params), channelCode: optionalString(params, 'channel_code') ?? null },
      actor,
    );
    const summary = data.dailySummary;
    return {
      merchant_id: String(merchantId),
      start_date: summary.startDate,
      end_date: summary.endDate,
      channel_code: summary.channelCode,
      items: summary.items.map(legacyDailyItem),
    };
  },
};

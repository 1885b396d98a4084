import { runsOperation } from '../../operation-route';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import { legacyDailyItem, legacyRange } from './summary-view';
import type { MerchantApiSummaryByDayQuery, MerchantApiSummaryByDayQueryVariables } from '../../generated';

/** `/summarybyday`: the merchant's paid orders per day (default: the last 7 days), optionally of one channel. */
export const summaryByDayEndpoint: MerchantEndpoint = {
  path: '/summarybyday',
  handle: runsOperation<MerchantRequest, MerchantApiSummaryByDayQuery, MerchantApiSummaryByDayQueryVariables>(
    {
      operation: 'MerchantApiSummaryByDay',
      variables: ({ params, actor }) => ({
        merchantId: merchantIdOf(actor),
        ...legacyRange(params),
        channelCode: optionalString(params, 'channel_code') ?? null,
      }),
      respond: ({ dailySummary: summary }, _request, { merchantId }) => ({
        merchant_id: String(merchantId),
        start_date: summary.startDate,
        end_date: summary.endDate,
        channel_code: summary.channelCode,
        items: summary.items.map(legacyDailyItem),
      }),
    },
  ),
};

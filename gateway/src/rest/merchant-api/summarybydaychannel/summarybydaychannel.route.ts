import { runsOperation } from '../../operation-route';
import { merchantIdOf, optionalList } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import { legacyDailyItem, legacyRange } from '../summarybyday/summary-view';
import type {
  MerchantApiSummaryByDayChannelQuery,
  MerchantApiSummaryByDayChannelQueryVariables,
} from '../../generated';

/** `/summarybydaychannel`: the merchant's paid orders per day and channel; `channel_codes` an array or a comma list. */
export const summaryByDayChannelEndpoint: MerchantEndpoint = {
  path: '/summarybydaychannel',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiSummaryByDayChannelQuery,
    MerchantApiSummaryByDayChannelQueryVariables
  >({
    operation: 'MerchantApiSummaryByDayChannel',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const codes = optionalList(params, 'channel_codes');
      return { merchantId, ...legacyRange(params), channelCodes: codes?.length ? codes : null };
    },
    respond: ({ dailyChannelSummary: summary }, _request, { merchantId }) => ({
      merchant_id: String(merchantId),
      start_date: summary.startDate,
      end_date: summary.endDate,
      channel_codes: summary.channelCodes?.length ? summary.channelCodes : null,
      items: summary.items.map((item) => {
        const { date, ...amounts } = legacyDailyItem(item);
        // The example's key order: date, channel, then the figures.
        return { date, channel_code: item.channelCode, channel_name: item.channelName, ...amounts };
      }),
    }),
  }),
};

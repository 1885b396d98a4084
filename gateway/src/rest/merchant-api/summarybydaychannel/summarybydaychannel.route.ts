import { merchantIdOf, optionalList } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import { legacyDailyItem, legacyRange } from '../summarybyday/summary-view';
import type {
  MerchantApiSummaryByDayChannelQuery,
  MerchantApiSummaryByDayChannelQueryVariables,
} from '../../generated';

/** `/summarybydaychannel`: the merchant's paid orders per day and channel; `channel_codes` an array or a comma list. */
export const summaryByDayChannelEndpoint: MerchantEndpoint = {
  path: '/summarybydaychannel',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const codes = optionalList(params, 'channel_codes');
    const data = await ctx.run<
      MerchantApiSummaryByDayChannelQuery,
      MerchantApiSummaryByDayChannelQueryVariables
    >(
      'MerchantApiSummaryByDayChannel',
      { merchantId, ...legacyRange(params), channelCodes: codes?.length ? codes : null },
      actor,
    );
    const summary = data.dailyChannelSummary;
    return {
      merchant_id: String(merchantId),
      start_date: summary.startDate,
      end_date: summary.endDate,
      channel_codes: summary.channelCodes?.length ? summary.channelCodes : null,
      items: summary.items.map((item) => {
        const { date, ...amounts } = legacyDailyItem(item);
        // The example's key order: date, channel, then the figures.
        return { date, channel_code: item.channelCode, channel_name: item.channelName, ...amounts };
      }),
    };
  },
};

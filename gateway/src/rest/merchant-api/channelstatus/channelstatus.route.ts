import { runsOperation } from '../../operation-route';
import { legacyDateTime } from '../legacy-format';
import { merchantIdOf } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiChannelStatusQuery, MerchantApiChannelStatusQueryVariables } from '../../generated';

/** `/channelstatus`: every channel's switches, limits and quota, with the merchant's rate and last use. */
export const channelStatusEndpoint: MerchantEndpoint = {
  path: '/channelstatus',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiChannelStatusQuery,
    MerchantApiChannelStatusQueryVariables
  >({
    operation: 'MerchantApiChannelStatus',
    variables: ({ actor }) => ({ merchantId: merchantIdOf(actor) }),
    respond: (data, _request, { merchantId }) => ({
      merchant_id: String(merchantId),
      items: data.channelStatus.map((c) => ({
        channel_code: c.channelCode,
        channel_name: c.channelName,
        system_enabled: c.systemEnabled,
        merchant_enabled: c.merchantEnabled,
        rate: c.rate,
        user_defined_rate: c.userDefinedRate,
        is_round_robin: c.roundRobin,
        min_amount: c.minAmount,
        max_amount: c.maxAmount,
        daily_quota: c.dailyQuota,
        daily_used: c.dailyUsed,
        last_used_at: legacyDateTime(c.lastUsedAt),
      })),
    }),
  }),
};

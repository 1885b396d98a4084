import { runsOperation } from '../../operation-route';
import { merchantIdOf } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiRatesQuery, MerchantApiRatesQueryVariables } from '../../generated';

/** `/rates`: every channel with the merchant's switch and rate, in display order. */
export const ratesEndpoint: MerchantEndpoint = {
  path: '/rates',
  handle: runsOperation<MerchantRequest, MerchantApiRatesQuery, MerchantApiRatesQueryVariables>({
    operation: 'MerchantApiRates',
    variables: ({ actor }) => ({ merchantId: merchantIdOf(actor) }),
    respond: (data, _request, { merchantId }) => ({
      merchant_id: String(merchantId),
      items: data.merchantRates.map((rate) => ({
        channel_code: rate.channelCode,
        channel_name: rate.channelName,
        status: rate.status,
        merchant_switch: rate.merchantSwitch,
        system_switch: rate.systemSwitch,
        rate: rate.rate,
        rate_display: rate.rateDisplay,
        user_defined_rate: rate.userDefinedRate,
      })),
    }),
  }),
};

import { merchantIdOf } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';

interface RatesData {
  merchantRates: {
    channelCode: string;
    channelName: string;
    status: string;
    merchantSwitch: boolean;
    systemSwitch: boolean;
    rate: number;
    rateDisplay: string;
    userDefinedRate: boolean;
  }[];
}

/** `/rates`: every channel with the merchant's switch and rate, in display order. */
export const ratesEndpoint: MerchantEndpoint = {
  path: '/rates',
  async handle({ actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const data = await ctx.run<RatesData>('MerchantApiRates', { merchantId }, actor);
    return {
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
    };
  },
};

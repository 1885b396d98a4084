import { AppError } from '@pay/common';
import { legacyId } from '../legacy-format';
import { merchantIdOf, orderReference } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import type {
  MerchantApiFindPzidByOrderQuery,
  MerchantApiFindPzidByOrderQueryVariables,
} from '../../generated';

/** `/findpzidbyorder`: which upstream config (pzid) and channel an order went through. */
export const findPzidByOrderEndpoint: MerchantEndpoint = {
  path: '/findpzidbyorder',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const { order } = await ctx.run<
      MerchantApiFindPzidByOrderQuery,
      MerchantApiFindPzidByOrderQueryVariables
    >('MerchantApiFindPzidByOrder', orderReference(params), actor);
    if (!order) throw new AppError('NOT_FOUND');
    return {
      merchant_id: String(merchantId),
      merchant_order_no: order.merchantOrderNo,
      merchant_order_no_full: order.merchantOrderNoFull,
      platform_order_no: order.platformOrderNo,
      order_id: legacyId(order.id),
      pzid: order.pzid,
      pz_name: order.upstreamConfig.name,
      channel_code: order.channelCode,
      channel_name: order.channel.name,
      status_code: order.statusCode,
      status: order.statusName,
      status_text: order.statusText,
    };
  },
};

import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyId } from '../legacy-format';
import { merchantIdOf, orderReference } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type {
  MerchantApiFindPzidByOrderQuery,
  MerchantApiFindPzidByOrderQueryVariables,
} from '../../generated';

/** `/findpzidbyorder`: which upstream config (pzid) and channel an order went through. */
export const findPzidByOrderEndpoint: MerchantEndpoint = {
  path: '/findpzidbyorder',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiFindPzidByOrderQuery,
    MerchantApiFindPzidByOrderQueryVariables
  >({
    operation: 'MerchantApiFindPzidByOrder',
    variables({ params, actor }) {
      // A request without a merchant is refused before its parameters are read.
      merchantIdOf(actor);
      return orderReference(params);
    },
    respond: ({ order }, { actor }) => {
      if (!order) throw new AppError('NOT_FOUND');
      return {
        merchant_id: String(merchantIdOf(actor)),
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
  }),
};

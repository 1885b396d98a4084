import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyDateTime, legacyId, legacyOrder } from '../legacy-format';
import { merchantIdOf, optionalFlag, orderReference } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiOrderDetailQuery, MerchantApiOrderDetailQueryVariables } from '../../generated';

/** `/orderdetail`: one order with its `extended` fields and, with `with_notify_logs`, its notification attempts. */
export const orderDetailEndpoint: MerchantEndpoint = {
  path: '/orderdetail',
  handle: runsOperation<MerchantRequest, MerchantApiOrderDetailQuery, MerchantApiOrderDetailQueryVariables>({
    operation: 'MerchantApiOrderDetail',
    variables({ params, actor }) {
      // A request without a merchant is refused before its parameters are read.
      merchantIdOf(actor);
      return { ...orderReference(params), withNotifyLogs: optionalFlag(params, 'with_notify_logs') ?? false };
    },
    respond: ({ order }, { actor }, { withNotifyLogs }) => {
      if (!order) throw new AppError('NOT_FOUND');
      const detail = {
        merchant_id: String(merchantIdOf(actor)),
        merchant_order_no: order.merchantOrderNo,
        order: {
          ...legacyOrder(order),
          extended: {
            order_id: legacyId(order.id),
            merchant_order_no_full: order.merchantOrderNoFull,
            raw_channel_code: order.channelCode,
            request_ip: order.requestIp,
            notify_status_code: order.notifyStatusCode,
            upstream_order_no: order.upstreamOrderNo ?? '',
            // The old system's upstream channel column: the example shows it empty and the graph has no such field.
            upstream_channel: '',
            // The request's own parameters under the old gateway's names.
            client_attach: {
              fxdesc: order.requestParameters.description,
              fxattch: order.requestParameters.attach,
              fxnotifyurl: order.requestParameters.notifyUrl,
              fxbackurl: order.requestParameters.returnUrl,
              fxip: order.requestParameters.clientIp,
              fxbankcode: order.requestParameters.bankCode,
              fxfs: order.requestParameters.paymentMethod,
              fxuserid: order.requestParameters.subUserId,
              fxnotifystyle: order.requestParameters.notifyStyle,
              fxsignstring: order.requestParameters.signString,
            },
            status_code: order.statusCode,
            notify_retries: order.notifyAttempts,
            deduct_status: order.deductStatus,
            created_at: legacyDateTime(order.createdAt),
            paid_at: legacyDateTime(order.paidAt),
            channel_fee: order.channelFee,
            platform_profit: order.platformProfit,
          },
        },
      };
      if (!withNotifyLogs) return detail;
      return {
        ...detail,
        notify_logs: (order.notifyLogs ?? []).map((log) => ({
          log_id: legacyId(log.id),
          callback_url: log.callbackUrl,
          request_payload: log.requestPayload,
          response_body: log.responseBody,
          // The old log table's status column, empty in the example even for a delivered attempt.
          status: '',
          created_at: legacyDateTime(log.createdAt),
        })),
      };
    },
  }),
};

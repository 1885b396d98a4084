import { runsOperation } from '../../operation-route';
import { MerchantReply } from '../merchant-envelope';
import { legacyId } from '../legacy-format';
import { merchantIdOf, optionalInt, optionalString, requiredString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type {
  MerchantApiCreateOrderMutation,
  MerchantApiCreateOrderMutationVariables,
} from '../../generated';

/** `notify_style`: 1 form, 2 or `json` JSON (the legacy API reads anything else as the form default). */
function notifyStyleOf(value: string | undefined): 'FORM' | 'JSON' | undefined {
  if (value === undefined) return undefined;
  return /^(2|json)$/i.test(value) ? 'JSON' : 'FORM';
}

/** `/createorder`: a real order through the create-order rules, answered with its pay link. */
export const createOrderEndpoint: MerchantEndpoint = {
  path: '/createorder',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiCreateOrderMutation,
    MerchantApiCreateOrderMutationVariables
  >({
    operation: 'MerchantApiCreateOrder',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const scanStyle = optionalString(params, 'scan_style');
      const input = {
        merchantId,
        merchantOrderNo: optionalString(params, 'merchant_order_no', 'order_no'),
        amount: requiredString(params, 'amount'),
        channelCode: optionalString(params, 'channel_code'),
        notifyUrl: optionalString(params, 'notify_url'),
        returnUrl: optionalString(params, 'return_url'),
        description: optionalString(params, 'description'),
        attach: optionalString(params, 'attach'),
        // The spec's default is the caller's IP: the verified request's address.
        clientIp: optionalString(params, 'client_ip') ?? actor.ip,
        orderStyle: optionalInt(params, 'order_style'),
        cashier: scanStyle === undefined ? undefined : /^(1|cashier)$/i.test(scanStyle),
        notifyStyle: notifyStyleOf(optionalString(params, 'notify_style')),
        bankCode: optionalString(params, 'bank_code'),
        paymentMethod: optionalString(params, 'payment_method'),
        subUserId: optionalString(params, 'sub_userid'),
        signString: optionalString(params, 'sign_string'),
        jumpFlag: optionalString(params, 'jump_flag'),
      };
      return { input };
    },
    respond: ({ createOrder: created }, { actor }) =>
      new MerchantReply(
        {
          merchant_id: String(merchantIdOf(actor)),
          merchant_order_no: created.order.merchantOrderNo,
          amount: created.order.amount,
          channel_code: created.order.channelCode,
          description: created.order.productTitle,
          payment: created.payment,
          payment_url: created.paymentUrl,
          order_id: legacyId(created.order.id),
          platform_order_no: created.order.platformOrderNo,
          order_md5: created.orderMd5,
          status: created.order.statusCode,
        },
        '订单创建成功',
      ),
  }),
};

import { runsOperation } from '../../operation-route';
import { MerchantReply } from '../merchant-envelope';
import { legacyOrder, type LegacyOrderFields } from '../legacy-format';
import { merchantIdOf, optionalString, orderReference } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type {
  MerchantApiCancelOrderMutationVariables,
  MerchantApiCompleteOrderMutationVariables,
} from '../../generated';

interface ManualOrderResult {
  message: string;
  unchanged: boolean;
  order: LegacyOrderFields;
}

/**
 * A manual order command (merchant-api.md §7.1, §7.2): the order by merchant or platform
 * number, an optional amount that must match, answered with the graph's own message.
 */
function manualOrderEndpoint(
  path: string,
  operation: string,
  field: 'completeOrder' | 'cancelOrder',
): MerchantEndpoint {
  return {
    path,
    handle: runsOperation<
      MerchantRequest,
      Record<typeof field, ManualOrderResult>,
      MerchantApiCompleteOrderMutationVariables | MerchantApiCancelOrderMutationVariables
    >({
      operation,
      variables({ params, actor }) {
        // A request without a merchant is refused before its parameters are read.
        merchantIdOf(actor);
        return { input: { ...orderReference(params), amount: optionalString(params, 'amount') ?? null } };
      },
      respond: ({ [field]: result }, { actor }) =>
        new MerchantReply(
          {
            merchant_id: String(merchantIdOf(actor)),
            merchant_order_no: result.order.merchantOrderNo,
            order: legacyOrder(result.order),
          },
          result.message,
        ),
    }),
  };
}

/** `/manualcompleteorder` (手动补单): a pending or withheld order marked paid; one already paid comes back unchanged. */
export const manualCompleteOrderEndpoint = manualOrderEndpoint(
  '/manualcompleteorder',
  'MerchantApiCompleteOrder',
  'completeOrder',
);

/** `/manualcancelorder` (手动撤单): a pending, paid or withheld order back to pending (a paid one reversed first). */
export const manualCancelOrderEndpoint = manualOrderEndpoint(
  '/manualcancelorder',
  'MerchantApiCancelOrder',
  'cancelOrder',
);

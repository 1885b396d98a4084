import { MerchantReply } from '../merchant-envelope';
import { legacyOrder, type LegacyOrderFields } from '../legacy-format';
import { merchantIdOf, optionalString, orderReference } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';

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
    async handle({ params, actor, ctx }) {
      const merchantId = merchantIdOf(actor);
      const input = { ...orderReference(params), amount: optionalString(params, 'amount') ?? null };
      const result = (await ctx.run<Record<typeof field, ManualOrderResult>>(operation, { input }, actor))[
        field
      ];
      return new MerchantReply(
        {
          merchant_id: String(merchantId),
          merchant_order_no: result.order.merchantOrderNo,
          order: legacyOrder(result.order),
        },
        result.message,
      );
    },
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

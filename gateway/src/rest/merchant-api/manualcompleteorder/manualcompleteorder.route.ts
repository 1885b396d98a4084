import { MerchantReply } from '../merchant-envelope';
import { legacyOrder, type LegacyOrderFields } from '../legacy-format';
import { merchantIdOf, optionalString, orderReference } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';

interface ManualCompleteData {
  completeOrder: { message: string; unchanged: boolean; order: LegacyOrderFields };
}

/** `/manualcompleteorder` (手动补单): a pending or withheld order marked paid; one already paid comes back unchanged. */
export const manualCompleteOrderEndpoint: MerchantEndpoint = {
  path: '/manualcompleteorder',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const input = { ...orderReference(params), amount: optionalString(params, 'amount') ?? null };
    const { completeOrder: result } = await ctx.run<ManualCompleteData>(
      'MerchantApiCompleteOrder',
      { input },
      actor,
    );
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

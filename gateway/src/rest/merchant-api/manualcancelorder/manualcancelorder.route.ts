import { MerchantReply } from '../merchant-envelope';
import { legacyOrder, type LegacyOrderFields } from '../legacy-format';
import { merchantIdOf, optionalString, orderReference } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';

interface ManualCancelData {
  cancelOrder: { message: string; unchanged: boolean; order: LegacyOrderFields };
}

/** `/manualcancelorder` (手动撤单): a pending, paid or withheld order back to pending (a paid one reversed first). */
export const manualCancelOrderEndpoint: MerchantEndpoint = {
  path: '/manualcancelorder',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const input = { ...orderReference(params), amount: optionalString(params, 'amount') ?? null };
    const { cancelOrder: result } = await ctx.run<ManualCancelData>(
      'MerchantApiCancelOrder',
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

import { legacyPaging, merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import type {
  MerchantApiManualAdjustmentsQuery,
  MerchantApiManualAdjustmentsQueryVariables,
} from '../../generated';
import { legacyMoneyLogPage } from '../moneylogs/money-log-view';
import { MONEY_LOG_MAX_PAGE_SIZE } from '../moneylogs/moneylogs.route';

/** `/manualadjustments`: the merchant's manual adjustments (money logs of type 0), newest first. */
export const manualAdjustmentsEndpoint: MerchantEndpoint = {
  path: '/manualadjustments',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const { page, pageSize } = legacyPaging(params, MONEY_LOG_MAX_PAGE_SIZE);
    const data = await ctx.run<MerchantApiManualAdjustmentsQuery, MerchantApiManualAdjustmentsQueryVariables>(
      'MerchantApiManualAdjustments',
      {
        merchantId,
        startTime: optionalString(params, 'start_time') ?? null,
        endTime: optionalString(params, 'end_time') ?? null,
        page,
        pageSize,
      },
      actor,
    );
    return legacyMoneyLogPage(merchantId, data.manualAdjustments);
  },
};

import { runsOperation } from '../../operation-route';
import { legacyPaging, merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type {
  MerchantApiManualAdjustmentsQuery,
  MerchantApiManualAdjustmentsQueryVariables,
} from '../../generated';
import { legacyMoneyLogPage } from '../moneylogs/money-log-view';
import { MONEY_LOG_MAX_PAGE_SIZE } from '../moneylogs/moneylogs.route';

/** `/manualadjustments`: the merchant's manual adjustments (money logs of type 0), newest first. */
export const manualAdjustmentsEndpoint: MerchantEndpoint = {
  path: '/manualadjustments',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiManualAdjustmentsQuery,
    MerchantApiManualAdjustmentsQueryVariables
  >({
    operation: 'MerchantApiManualAdjustments',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const { page, pageSize } = legacyPaging(params, MONEY_LOG_MAX_PAGE_SIZE);
      return {
        merchantId,
        startTime: optionalString(params, 'start_time') ?? null,
        endTime: optionalString(params, 'end_time') ?? null,
        page,
        pageSize,
      };
    },
    respond: (data, _request, { merchantId }) => legacyMoneyLogPage(merchantId, data.manualAdjustments),
  }),
};

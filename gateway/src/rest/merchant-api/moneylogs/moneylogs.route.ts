import { runsOperation } from '../../operation-route';
import { legacyPaging, merchantIdOf, optionalInt, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiMoneyLogsQuery, MerchantApiMoneyLogsQueryVariables } from '../../generated';
import { legacyMoneyLogPage } from './money-log-view';

/** merchant-api.md §10: page size at most 200. */
export const MONEY_LOG_MAX_PAGE_SIZE = 200;

/** `/moneylogs`: the merchant's money logs, newest first, by `style` (type code) and time range. */
export const moneyLogsEndpoint: MerchantEndpoint = {
  path: '/moneylogs',
  handle: runsOperation<MerchantRequest, MerchantApiMoneyLogsQuery, MerchantApiMoneyLogsQueryVariables>({
    operation: 'MerchantApiMoneyLogs',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const { page, pageSize } = legacyPaging(params, MONEY_LOG_MAX_PAGE_SIZE);
      return {
        merchantId,
        type: optionalInt(params, 'style') ?? null,
        startTime: optionalString(params, 'start_time') ?? null,
        endTime: optionalString(params, 'end_time') ?? null,
        page,
        pageSize,
      };
    },
    respond: (data, _request, { merchantId }) => legacyMoneyLogPage(merchantId, data.moneyLogs),
  }),
};

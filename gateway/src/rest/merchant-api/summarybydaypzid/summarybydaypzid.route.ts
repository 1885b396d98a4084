import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { requiredString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import { legacyDailyItem, legacyRange } from '../summarybyday/summary-view';
import type {
  MerchantApiSummaryByDayPzidQuery,
  MerchantApiSummaryByDayPzidQueryVariables,
} from '../../generated';

/**
 * `/summarybydaypzid`: every merchant's paid orders on one upstream config per day.
 * Platform-only: master key, no merchant_id; it runs as a read-only platform actor.
 */
export const summaryByDayPzidEndpoint: MerchantEndpoint = {
  path: '/summarybydaypzid',
  platformOnly: true,
  handle: runsOperation<
    MerchantRequest,
    MerchantApiSummaryByDayPzidQuery,
    MerchantApiSummaryByDayPzidQueryVariables
  >({
    operation: 'MerchantApiSummaryByDayPzid',
    variables({ params }) {
      const text = requiredString(params, 'pzid');
      if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
        throw new AppError('BAD_USER_INPUT', 'pzid must be a positive integer', { argument: 'pzid' });
      return { pzid: Number(text), ...legacyRange(params) };
    },
    respond: ({ dailyUpstreamSummary: summary }) => {
      if (!summary) throw new AppError('BAD_USER_INPUT', 'unknown pzid', { argument: 'pzid' });
      return {
        pzid: summary.pzid,
        pz_name: summary.pzName,
        start_date: summary.startDate,
        end_date: summary.endDate,
        items: summary.items.map(legacyDailyItem),
      };
    },
  }),
};

import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyPaging, merchantIdOf, optionalInt, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import { legacyTimeBound, legacyWithdrawal } from './withdrawal-view';
import type { MerchantApiWithdrawListQuery, MerchantApiWithdrawListQueryVariables } from '../../generated';

/** The graph's `withdrawals` page-size limit. */
const MAX_PAGE_SIZE = 100;

/** `/withdrawlist`: the merchant's withdrawals, newest first, by status (0–3) and time range. */
export const withdrawListEndpoint: MerchantEndpoint = {
  path: '/withdrawlist',
  handle: runsOperation<MerchantRequest, MerchantApiWithdrawListQuery, MerchantApiWithdrawListQueryVariables>(
    {
      operation: 'MerchantApiWithdrawList',
      variables({ params, actor }) {
        const merchantId = merchantIdOf(actor);
        const statusCode = optionalInt(params, 'status');
        if (statusCode !== undefined && (statusCode < 0 || statusCode > 3))
          throw new AppError('BAD_USER_INPUT', 'status must be 0, 1, 2 or 3', { argument: 'status' });
        const { page, pageSize } = legacyPaging(params, MAX_PAGE_SIZE);
        return {
          merchantId,
          statusCode: statusCode ?? null,
          startTime: legacyTimeBound(optionalString(params, 'start_time'), 'start', 'start_time') ?? null,
          endTime: legacyTimeBound(optionalString(params, 'end_time'), 'end', 'end_time') ?? null,
          page,
          pageSize,
        };
      },
      respond: ({ withdrawals: list }, _request, { merchantId }) => ({
        merchant_id: String(merchantId),
        page: list.page,
        page_size: list.pageSize,
        total: list.totalCount,
        total_pages: list.totalPages,
        items: list.nodes.map(legacyWithdrawal),
      }),
    },
  ),
};

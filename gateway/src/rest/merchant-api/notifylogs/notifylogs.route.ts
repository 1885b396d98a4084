import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyDateTime, legacyId } from '../legacy-format';
import { legacyPaging, merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiNotifyLogsQuery, MerchantApiNotifyLogsQueryVariables } from '../../generated';

/** The graph's `notifyLogs` page-size limit. */
const MAX_PAGE_SIZE = 100;

/** `/notifylogs`: one order's notification attempts (by merchant or platform order number), newest first. */
export const notifyLogsEndpoint: MerchantEndpoint = {
  path: '/notifylogs',
  handle: runsOperation<MerchantRequest, MerchantApiNotifyLogsQuery, MerchantApiNotifyLogsQueryVariables>({
    operation: 'MerchantApiNotifyLogs',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const merchantOrderNo = optionalString(params, 'merchant_order_no');
      const platformOrderNo = optionalString(params, 'platform_order_no');
      if (merchantOrderNo === undefined && platformOrderNo === undefined)
        throw new AppError('BAD_USER_INPUT', 'merchant_order_no or platform_order_no is required', {
          argument: 'merchant_order_no',
        });
      const { page, pageSize } = legacyPaging(params, MAX_PAGE_SIZE);
      return {
        merchantId,
        merchantOrderNo: merchantOrderNo ?? null,
        platformOrderNo: platformOrderNo ?? null,
        page,
        pageSize,
      };
    },
    respond: ({ notifyLogs: list }, _request, { merchantId, merchantOrderNo }) => ({
      merchant_id: String(merchantId),
      merchant_order_no: list.nodes[0]?.order.merchantOrderNo ?? merchantOrderNo ?? null,
      page: list.page,
      page_size: list.pageSize,
      total: list.totalCount,
      total_pages: list.totalPages,
      items: list.nodes.map((log) => ({
        log_id: legacyId(log.id),
        merchant_order_no_full: log.order.merchantOrderNoFull,
        callback_url: log.callbackUrl,
        request_payload: log.requestPayload,
        response_body: log.responseBody,
        // The HTTP status the merchant answered; "" when it did not answer.
        status: log.httpStatus === null ? '' : String(log.httpStatus),
        created_at: legacyDateTime(log.createdAt),
      })),
    }),
  }),
};

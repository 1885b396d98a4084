import { AppError } from '@pay/common';
import type { MerchantApiOrdersQuery, MerchantApiOrdersQueryVariables } from '../../generated';
import { runsOperation } from '../../operation-route';
import { legacyOrder } from '../legacy-format';
import { legacyPage, merchantIdOf, optionalInt, optionalString, optionalTimeBound } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';

/** `/orders`: the merchant's orders, newest first, with the documented filters and totals over all matches. */
export const ordersEndpoint: MerchantEndpoint = {
  path: '/orders',
  handle: runsOperation<MerchantRequest, MerchantApiOrdersQuery, MerchantApiOrdersQueryVariables>({
    operation: 'MerchantApiOrders',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const statusCode = optionalInt(params, 'status');
      if (statusCode !== undefined && ![0, 1, 2].includes(statusCode))
        throw new AppError('BAD_USER_INPUT', 'status must be 0, 1 or 2', { argument: 'status' });
      const filter = {
        merchantId,
        statusCode,
        merchantOrderNo: optionalString(params, 'merchant_order_no'),
        platformOrderNo: optionalString(params, 'platform_order_no'),
        channelCode: optionalString(params, 'channel_code'),
        createdFrom: optionalTimeBound(params, 'start', 'start_time', 'start_date'),
        createdTo: optionalTimeBound(params, 'end', 'end_time', 'end_date'),
        paidFrom: optionalTimeBound(params, 'start', 'pay_start'),
        paidTo: optionalTimeBound(params, 'end', 'pay_end'),
        minAmount: optionalString(params, 'min_amount'),
        maxAmount: optionalString(params, 'max_amount'),
      };
      return { filter, ...legacyPage(params) };
    },
    respond: ({ orders }, { actor }) => ({
      merchant_id: String(merchantIdOf(actor)),
      page: orders.page,
      page_size: orders.pageSize,
      total: orders.totalCount,
      total_pages: orders.totalPages,
      items: orders.nodes.map(legacyOrder),
      summary: {
        gross_amount: orders.summary.grossAmount,
        merchant_income: orders.summary.merchantIncome,
        agent_income: orders.summary.agentIncome,
      },
    }),
  }),
};

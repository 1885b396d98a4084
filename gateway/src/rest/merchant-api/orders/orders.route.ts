import { AppError } from '@pay/common';
import type { MerchantApiOrdersQuery, MerchantApiOrdersQueryVariables } from '../../generated';
import { legacyOrder } from '../legacy-format';
import { legacyPage, merchantIdOf, optionalInt, optionalString, optionalTimeBound } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';

/** `/orders`: the merchant's orders, newest first, with the documented filters and totals over all matches. */
export const ordersEndpoint: MerchantEndpoint = {
  path: '/orders',
  async handle({ params, actor, ctx }) {
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
    const { page, pageSize } = legacyPage(params);
    const { orders } = await ctx.run<MerchantApiOrdersQuery, MerchantApiOrdersQueryVariables>(
      'MerchantApiOrders',
      { filter, page, pageSize },
      actor,
    );
    return {
      merchant_id: String(merchantId),
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
    };
  },
};

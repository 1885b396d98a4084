import type { MerchantEndpoint } from './merchant-routes';
import { balanceEndpoint } from './balance/balance.route';
import { ratesEndpoint } from './rates/rates.route';
import { ordersEndpoint } from './orders/orders.route';
import { statsEndpoint } from './stats/stats.route';
import { orderDetailEndpoint } from './orderdetail/orderdetail.route';
import { manualCancelOrderEndpoint, manualCompleteOrderEndpoint } from './manual-order/manual-order.route';
import { createOrderEndpoint } from './createorder/createorder.route';
import { findPzidByOrderEndpoint } from './findpzidbyorder/findpzidbyorder.route';

/** merchant-api.md §3–7.4: balance, rates, orders and order commands. */
export const ORDER_ENDPOINTS: MerchantEndpoint[] = [
  balanceEndpoint,
  ratesEndpoint,
  ordersEndpoint,
  statsEndpoint,
  orderDetailEndpoint,
  manualCompleteOrderEndpoint,
  manualCancelOrderEndpoint,
  createOrderEndpoint,
  findPzidByOrderEndpoint,
];

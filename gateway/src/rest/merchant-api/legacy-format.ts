import { formatChinaDateTime } from '@pay/common';

/** `YYYY-MM-DD HH:mm:ss` China time, as the merchant API shows times; null stays null. */
export function legacyDateTime(iso: string | Date | null | undefined): string | null {
  if (iso === null || iso === undefined) return null;
  return formatChinaDateTime(typeof iso === 'string' ? new Date(iso) : iso);
}

/** A numeric graph ID as the merchant API's integer ids (`log_id`, `withdraw_id`); others stay strings. */
export function legacyId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** An order as the merchant API's order operations select it (fragment `...on Order` in each route's document). */
export interface LegacyOrderFields {
  merchantOrderNo: string;
  platformOrderNo: string;
  statusCode: number;
  statusName: string;
  statusText: string;
  notifyStatusCode: number;
  notifyStatusName: string;
  notifyStatusText: string;
  amount: string;
  merchantIncome: string;
  agentIncome: string;
  channelCode: string;
  channel: { name: string };
  createdAt: string;
  paidAt: string | null;
  productTitle: string;
  attach: string;
  notifyUrl: string;
  returnUrl: string;
}

/** An order item of `/orders` (also `order` of `/orderdetail` and the manual commands), in the example's key order. */
export function legacyOrder(order: LegacyOrderFields) {
  return {
    merchant_order_no: order.merchantOrderNo,
    platform_order_no: order.platformOrderNo,
    status_code: order.statusCode,
    status: order.statusName,
    status_text: order.statusText,
    notify_status_code: order.notifyStatusCode,
    notify_status: order.notifyStatusName,
    notify_status_text: order.notifyStatusText,
    total_amount: order.amount,
    merchant_income: order.merchantIncome,
    agent_income: order.agentIncome,
    channel_code: order.channelCode,
    channel_name: order.channel.name,
    created_at: legacyDateTime(order.createdAt),
    paid_at: legacyDateTime(order.paidAt),
    product_title: order.productTitle,
    attach: order.attach,
    notify_url: order.notifyUrl,
    return_url: order.returnUrl,
  };
}

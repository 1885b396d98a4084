import type { Order } from '../order/order.entity';

/** The sandbox pay link of an order (the cashier page when the merchant asked for it). */
export function paymentUrlFor(publicUrl: string, order: Pick<Order, 'platformOrderNo' | 'cashier'>): string {
  return `${publicUrl}/sandbox/${order.cashier ? 'cashier' : 'pay'}/${encodeURIComponent(order.platformOrderNo)}`;
}

import type { OrderMoneyEvent } from '@pay/common';

/** An order event as the ledger applies it (the shared contract: common/internal/order-events.contract.ts). */
export type OrderEvent = OrderMoneyEvent;

/** The order number the old system stored: merchant id + merchant order number. */
export const fullOrderNo = (p: OrderEvent['payload']) => `${p.merchantId}${p.merchantOrderNo}`;

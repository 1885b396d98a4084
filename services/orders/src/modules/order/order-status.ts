import { registerEnumType } from 'type-graphql';
import { AppError } from '@pay/common';

/**
 * The order lifecycle. It covers the merchant API's three codes (0 pending, 1 paid,
 * 2 withheld) and the eleven statuses of the `/pay/*` admin API.
 */
export enum OrderStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  /** Paid by the payer but withheld (扣量): the merchant is neither credited nor notified until released. */
  WITHHELD = 'WITHHELD',
  EXPIRED = 'EXPIRED',
  REFUNDED = 'REFUNDED',
  REFUND_UNDER_REVIEW = 'REFUND_UNDER_REVIEW',
  REFUND_CONFIRMED = 'REFUND_CONFIRMED',
  REFUND_REJECTED = 'REFUND_REJECTED',
  PLATFORM_INTERVENTION = 'PLATFORM_INTERVENTION',
  INTERVENTION_APPROVED = 'INTERVENTION_APPROVED',
  INTERVENTION_REJECTED = 'INTERVENTION_REJECTED',
  CANCELLED_BY_USER = 'CANCELLED_BY_USER',
}
registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Lifecycle status of an order.' });

export interface StatusPresentation {
  /** merchant-api.md `status_code`: 0 pending, 1 paid, 2 withheld. */
  merchantCode: 0 | 1 | 2;
  merchantName: 'pending' | 'paid' | 'withheld';
  merchantText: string;
  /** pay-admin-api.md ORDER_STATUS_CHOICES. */
  adminCode: number;
  adminText: string;
}

const PENDING_VIEW = { merchantCode: 0, merchantName: 'pending', merchantText: '未支付' } as const;
const PAID_VIEW = { merchantCode: 1, merchantName: 'paid', merchantText: '支付成功' } as const;

export const STATUS_PRESENTATION: Record<OrderStatus, StatusPresentation> = {
  PENDING: { ...PENDING_VIEW, adminCode: 1, adminText: '待支付' },
  PAID: { ...PAID_VIEW, adminCode: 2, adminText: '已支付' },
  WITHHELD: {
    merchantCode: 2,
    merchantName: 'withheld',
    merchantText: '扣量',
    adminCode: 2,
    adminText: '已支付',
  },
  EXPIRED: { ...PENDING_VIEW, adminCode: 3, adminText: '已失效' },
  REFUNDED: { ...PENDING_VIEW, adminCode: 4, adminText: '商家已退款' },
  REFUND_UNDER_REVIEW: { ...PAID_VIEW, adminCode: 5, adminText: '商家待审核' },
  REFUND_CONFIRMED: { ...PAID_VIEW, adminCode: 6, adminText: '商家已确认' },
  REFUND_REJECTED: { ...PAID_VIEW, adminCode: 7, adminText: '商家已拒绝' },
  PLATFORM_INTERVENTION: { ...PAID_VIEW, adminCode: 8, adminText: '平台介入' },
  INTERVENTION_APPROVED: { ...PAID_VIEW, adminCode: 9, adminText: '平台审核通过' },
  INTERVENTION_REJECTED: { ...PAID_VIEW, adminCode: 10, adminText: '平台审核不通过' },
  CANCELLED_BY_USER: { ...PENDING_VIEW, adminCode: 11, adminText: '用户已取消' },
};

/** Statuses whose money the merchant holds (credited in the ledger). */
export const CREDITED_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus).filter(
  (s) => STATUS_PRESENTATION[s].merchantCode === 1,
);

export type OrderEvent =
  | 'PAY' // a verified channel callback
  | 'WITHHOLD' // a verified callback whose order the withhold rule keeps back
  | 'COMPLETE' // manual complete (补单)
  | 'CANCEL' // manual cancel (撤单)
  | 'EXPIRE'
  | 'USER_CANCEL'
  | 'REQUEST_REFUND'
  | 'CONFIRM_REFUND'
  | 'REJECT_REFUND'
  | 'ESCALATE'
  | 'APPROVE_INTERVENTION'
  | 'REJECT_INTERVENTION'
  | 'REFUND';

const TRANSITIONS: Record<OrderEvent, Partial<Record<OrderStatus, OrderStatus>>> = {
  // A late callback for an expired or user-cancelled order is still money received.
  PAY: { PENDING: OrderStatus.PAID, EXPIRED: OrderStatus.PAID, CANCELLED_BY_USER: OrderStatus.PAID },
  WITHHOLD: {
    PENDING: OrderStatus.WITHHELD,
    EXPIRED: OrderStatus.WITHHELD,
    CANCELLED_BY_USER: OrderStatus.WITHHELD,
  },
  COMPLETE: { PENDING: OrderStatus.PAID, WITHHELD: OrderStatus.PAID },
  CANCEL: { PENDING: OrderStatus.PENDING, PAID: OrderStatus.PENDING, WITHHELD: OrderStatus.PENDING },
  EXPIRE: { PENDING: OrderStatus.EXPIRED },
  USER_CANCEL: { PENDING: OrderStatus.CANCELLED_BY_USER },
  REQUEST_REFUND: { PAID: OrderStatus.REFUND_UNDER_REVIEW },
  CONFIRM_REFUND: { REFUND_UNDER_REVIEW: OrderStatus.REFUND_CONFIRMED },
  REJECT_REFUND: { REFUND_UNDER_REVIEW: OrderStatus.REFUND_REJECTED },
  ESCALATE: {
    REFUND_REJECTED: OrderStatus.PLATFORM_INTERVENTION,
    REFUND_UNDER_REVIEW: OrderStatus.PLATFORM_INTERVENTION,
  },
  APPROVE_INTERVENTION: { PLATFORM_INTERVENTION: OrderStatus.INTERVENTION_APPROVED },
  REJECT_INTERVENTION: { PLATFORM_INTERVENTION: OrderStatus.INTERVENTION_REJECTED },
  // Refund flows end here; the platform may also refund a paid order directly
  // (reconciliation found the channel refunded it).
  REFUND: {
    PAID: OrderStatus.REFUNDED,
    REFUND_UNDER_REVIEW: OrderStatus.REFUNDED,
    REFUND_CONFIRMED: OrderStatus.REFUNDED,
    INTERVENTION_APPROVED: OrderStatus.REFUNDED,
  },
};

/** The status after `event`, or ILLEGAL_TRANSITION. */
export function transition(from: OrderStatus, event: OrderEvent): OrderStatus {
  const to = TRANSITIONS[event][from];
  if (!to) {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `an order in status ${from} cannot ${event.toLowerCase().replace('_', ' ')}`,
      {
        from,
        event,
      },
    );
  }
  return to;
}

export function canTransition(from: OrderStatus, event: OrderEvent): boolean {
  return TRANSITIONS[event][from] !== undefined;
}

export enum NotifyStatus {
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  SUCCESS = 'SUCCESS',
}
registerEnumType(NotifyStatus, {
  name: 'NotifyStatus',
  description: 'Merchant notification status of an order.',
});

/** merchant-api.md notify codes: 0 pending (未通知), 1 failed (通知失败), 2 success (通知成功). */
export const NOTIFY_PRESENTATION: Record<NotifyStatus, { code: 0 | 1 | 2; name: string; text: string }> = {
  PENDING: { code: 0, name: 'pending', text: '未通知' },
  FAILED: { code: 1, name: 'failed', text: '通知失败' },
  SUCCESS: { code: 2, name: 'success', text: '通知成功' },
};

import {
  canTransition,
  CREDITED_STATUSES,
  NOTIFY_PRESENTATION,
  NotifyStatus,
  OrderStatus,
  STATUS_PRESENTATION,
  transition,
  type OrderEvent,
} from './order-status';
import { appErrorOf } from '@pay/common';

const S = OrderStatus;
const EVENTS: OrderEvent[] = [
  'PAY',
  'WITHHOLD',
  'COMPLETE',
  'CANCEL',
  'EXPIRE',
  'USER_CANCEL',
  'REQUEST_REFUND',
  'CONFIRM_REFUND',
  'REJECT_REFUND',
  'ESCALATE',
  'APPROVE_INTERVENTION',
  'REJECT_INTERVENTION',
  'REFUND',
];
const STATUSES = Object.values(OrderStatus);

/** The lifecycle as the specs describe it, written out independently of TRANSITIONS: [from, event, to]. */
const ALLOWED: [OrderStatus, OrderEvent, OrderStatus][] = [
  [S.PENDING, 'PAY', S.PAID],
  [S.EXPIRED, 'PAY', S.PAID], // a late callback is still money received
  [S.CANCELLED_BY_USER, 'PAY', S.PAID],
  [S.PENDING, 'WITHHOLD', S.WITHHELD],
  [S.EXPIRED, 'WITHHOLD', S.WITHHELD],
  [S.CANCELLED_BY_USER, 'WITHHOLD', S.WITHHELD],
  [S.PENDING, 'COMPLETE', S.PAID],
  [S.WITHHELD, 'COMPLETE', S.PAID],
  [S.PENDING, 'CANCEL', S.PENDING],
  [S.PAID, 'CANCEL', S.PENDING],
  [S.WITHHELD, 'CANCEL', S.PENDING],
  [S.PENDING, 'EXPIRE', S.EXPIRED],
  [S.PENDING, 'USER_CANCEL', S.CANCELLED_BY_USER],
  [S.PAID, 'REQUEST_REFUND', S.REFUND_UNDER_REVIEW],
  [S.REFUND_UNDER_REVIEW, 'CONFIRM_REFUND', S.REFUND_CONFIRMED],
  [S.REFUND_UNDER_REVIEW, 'REJECT_REFUND', S.REFUND_REJECTED],
  [S.REFUND_REJECTED, 'ESCALATE', S.PLATFORM_INTERVENTION],
  [S.REFUND_UNDER_REVIEW, 'ESCALATE', S.PLATFORM_INTERVENTION],
  [S.PLATFORM_INTERVENTION, 'APPROVE_INTERVENTION', S.INTERVENTION_APPROVED],
  [S.PLATFORM_INTERVENTION, 'REJECT_INTERVENTION', S.INTERVENTION_REJECTED],
  [S.REFUND_CONFIRMED, 'REFUND', S.REFUNDED],
  [S.PAID, 'REFUND', S.REFUNDED],
  [S.REFUND_UNDER_REVIEW, 'REFUND', S.REFUNDED],
  [S.INTERVENTION_APPROVED, 'REFUND', S.REFUNDED],
];

describe('transition', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(true);
  });

  it('allows nothing beyond the listed transitions', () => {
    const allowed = new Set(ALLOWED.map(([from, event]) => `${from} ${event}`));
    for (const from of STATUSES) {
      for (const event of EVENTS) {
        expect([`${from} ${event}`, canTransition(from, event)]).toEqual([
          `${from} ${event}`,
          allowed.has(`${from} ${event}`),
        ]);
      }
    }
  });

  it.each<[OrderStatus, OrderEvent]>([
    [S.REFUNDED, 'COMPLETE'],
    [S.EXPIRED, 'CANCEL'],
    [S.REFUNDED, 'PAY'],
    [S.PAID, 'PAY'], // a duplicate callback
    [S.PAID, 'COMPLETE'],
    [S.WITHHELD, 'PAY'],
    [S.PAID, 'EXPIRE'],
    [S.EXPIRED, 'EXPIRE'],
    [S.CANCELLED_BY_USER, 'COMPLETE'],
    [S.CANCELLED_BY_USER, 'CANCEL'],
    [S.PENDING, 'REQUEST_REFUND'],
    [S.REFUND_CONFIRMED, 'REJECT_REFUND'],
    [S.PENDING, 'REFUND'],
    [S.INTERVENTION_REJECTED, 'REFUND'],
    [S.REFUNDED, 'REQUEST_REFUND'],
    [S.REFUND_UNDER_REVIEW, 'CANCEL'],
    [S.PLATFORM_INTERVENTION, 'ESCALATE'],
  ])('refuses %s --%s--> as ILLEGAL_TRANSITION', (from, event) => {
    const error = appErrorOf(() => transition(from, event));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details).toEqual({ from, event });
    expect(error.message).toContain(`an order in status ${from} cannot`);
    expect(canTransition(from, event)).toBe(false);
  });

  it('leaves REFUNDED and INTERVENTION_REJECTED terminal', () => {
    for (const event of EVENTS) {
      expect(canTransition(S.REFUNDED, event)).toBe(false);
      expect(canTransition(S.INTERVENTION_REJECTED, event)).toBe(false);
    }
  });
});

describe('STATUS_PRESENTATION', () => {
  it('covers every status', () => {
    expect(Object.keys(STATUS_PRESENTATION).sort()).toEqual([...STATUSES].sort());
    expect(STATUSES).toHaveLength(12);
  });

  it('uses the admin codes 1..11 once each, WITHHELD sharing 2 with PAID', () => {
    const withoutWithheld = STATUSES.filter((s) => s !== S.WITHHELD).map(
      (s) => STATUS_PRESENTATION[s].adminCode,
    );
    expect([...withoutWithheld].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(STATUS_PRESENTATION.WITHHELD.adminCode).toBe(STATUS_PRESENTATION.PAID.adminCode);
    expect(STATUS_PRESENTATION.PAID.adminCode).toBe(2);
  });

  it.each([
    [S.PENDING, 1, '待支付'],
    [S.PAID, 2, '已支付'],
    [S.EXPIRED, 3, '已失效'],
    [S.REFUNDED, 4, '商家已退款'],
    [S.REFUND_UNDER_REVIEW, 5, '商家待审核'],
    [S.REFUND_CONFIRMED, 6, '商家已确认'],
    [S.REFUND_REJECTED, 7, '商家已拒绝'],
    [S.PLATFORM_INTERVENTION, 8, '平台介入'],
    [S.INTERVENTION_APPROVED, 9, '平台审核通过'],
    [S.INTERVENTION_REJECTED, 10, '平台审核不通过'],
    [S.CANCELLED_BY_USER, 11, '用户已取消'],
  ])('shows %s to the admin API as %d %s', (status, code, text) => {
    expect(STATUS_PRESENTATION[status].adminCode).toBe(code);
    expect(STATUS_PRESENTATION[status].adminText).toBe(text);
  });

  it('uses the merchant codes 0 pending, 1 paid, 2 withheld', () => {
    for (const status of STATUSES) {
      const view = STATUS_PRESENTATION[status];
      expect([0, 1, 2]).toContain(view.merchantCode);
      expect(view.merchantName).toBe(['pending', 'paid', 'withheld'][view.merchantCode]);
      expect(view.merchantText).toBe(['未支付', '支付成功', '扣量'][view.merchantCode]);
    }
    expect(STATUS_PRESENTATION.PENDING.merchantCode).toBe(0);
    expect(STATUS_PRESENTATION.PAID.merchantCode).toBe(1);
    expect(STATUS_PRESENTATION.WITHHELD.merchantCode).toBe(2);
    expect(STATUSES.filter((s) => STATUS_PRESENTATION[s].merchantCode === 2)).toEqual([S.WITHHELD]);
    expect(STATUS_PRESENTATION.EXPIRED.merchantCode).toBe(0);
    expect(STATUS_PRESENTATION.CANCELLED_BY_USER.merchantCode).toBe(0);
  });

  it('credits the merchant exactly for the statuses shown as paid', () => {
    expect([...CREDITED_STATUSES].sort()).toEqual(
      [
        S.PAID,
        S.REFUND_UNDER_REVIEW,
        S.REFUND_CONFIRMED,
        S.REFUND_REJECTED,
        S.PLATFORM_INTERVENTION,
        S.INTERVENTION_APPROVED,
        S.INTERVENTION_REJECTED,
      ].sort(),
    );
    expect(CREDITED_STATUSES).not.toContain(S.WITHHELD);
    expect(CREDITED_STATUSES).not.toContain(S.REFUNDED);
  });
});

describe('NOTIFY_PRESENTATION', () => {
  it('maps the notify statuses to the merchant API codes', () => {
    expect(NOTIFY_PRESENTATION[NotifyStatus.PENDING]).toEqual({ code: 0, name: 'pending', text: '未通知' });
    expect(NOTIFY_PRESENTATION[NotifyStatus.FAILED]).toEqual({ code: 1, name: 'failed', text: '通知失败' });
    expect(NOTIFY_PRESENTATION[NotifyStatus.SUCCESS]).toEqual({ code: 2, name: 'success', text: '通知成功' });
  });
});

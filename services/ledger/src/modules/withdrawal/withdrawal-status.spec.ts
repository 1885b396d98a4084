import { appErrorOf } from '@pay/common';
import {
  statusOfCode,
  transition,
  WITHDRAWAL_STATUS_CODES,
  WithdrawalStatus,
  type WithdrawalAction,
} from './withdrawal-status';

const { APPLIED, PAID, FROZEN, CANCELLED } = WithdrawalStatus;

describe('withdrawal transitions', () => {
  it.each<[WithdrawalStatus, WithdrawalAction, WithdrawalStatus]>([
    [APPLIED, 'PAY', PAID],
    [APPLIED, 'FREEZE', FROZEN],
    [APPLIED, 'CANCEL', CANCELLED],
    [FROZEN, 'PAY', PAID],
    [FROZEN, 'CANCEL', CANCELLED],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  it.each<[WithdrawalStatus, WithdrawalAction]>([
    [FROZEN, 'FREEZE'],
    [PAID, 'PAY'],
    [PAID, 'FREEZE'],
    [PAID, 'CANCEL'],
    [CANCELLED, 'PAY'],
    [CANCELLED, 'FREEZE'],
    [CANCELLED, 'CANCEL'],
  ])('refuses %s --%s--> with ILLEGAL_TRANSITION', (from, action) => {
    const error = appErrorOf(() => transition(from, action));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details).toEqual({ from, action });
  });
});

describe('legacy status codes', () => {
  it('maps 0-3 both ways', () => {
    expect([0, 1, 2, 3].map(statusOfCode)).toEqual([APPLIED, PAID, FROZEN, CANCELLED]);
    expect([APPLIED, PAID, FROZEN, CANCELLED].map((s) => WITHDRAWAL_STATUS_CODES[s])).toEqual([
      { code: 0, name: 'pending' },
      { code: 1, name: 'paid' },
      { code: 2, name: 'frozen' },
      { code: 3, name: 'cancelled' },
    ]);
  });

  it.each([-1, 4, 1.5])('refuses %p', (code) => {
    expect(appErrorOf(() => statusOfCode(code)).code).toBe('BAD_USER_INPUT');
  });
});

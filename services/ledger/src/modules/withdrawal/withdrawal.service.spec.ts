import { appErrorOf } from '@pay/common';
import { MAX_WITHDRAWAL, parseWithdrawalAmount, withdrawalFee } from './withdrawal.service';

const rule = { feeFixed: 200, feeRatePpm: 5000, minAmount: 100 };

describe('withdrawalFee', () => {
  it('is the fixed part plus the rate of the amount, rounded once half-up', () => {
    expect(withdrawalFee(10_000, rule)).toBe(250);
    expect(withdrawalFee(101, rule)).toBe(201); // 0.505 fen → 1
    expect(withdrawalFee(99, rule)).toBe(200); // 0.495 fen → 0
    expect(withdrawalFee(MAX_WITHDRAWAL, rule)).toBe(200 + 5_000_000);
  });

  it('is zero under the free default', () => {
    expect(withdrawalFee(123_456, { feeFixed: 0, feeRatePpm: 0, minAmount: 1 })).toBe(0);
  });
});

describe('parseWithdrawalAmount', () => {
  it('parses yuan into fen', () => {
    expect(parseWithdrawalAmount('500', rule)).toBe(50_000);
    expect(parseWithdrawalAmount('1.00', rule)).toBe(100);
    expect(parseWithdrawalAmount('10000000.00', rule)).toBe(MAX_WITHDRAWAL);
  });

  it.each(['0', '0.00', '-1', '1.234', 'abc', '', '0.99', '10000000.01', '1e3'])('refuses %p', (text) => {
    const error = appErrorOf(() => parseWithdrawalAmount(text, rule));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.details.argument).toBe('amount');
  });
});

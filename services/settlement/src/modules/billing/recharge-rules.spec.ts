import { appErrorOf } from '@pay/common';
import { alipayRechargeAmount, apiRechargeAmount, checkRechargeIp } from './recharge-rules';

describe('apiRechargeAmount', () => {
  it.each([
    ['-1000', -100_000],
    ['-1000.00', -100_000],
    ['10000.00', 1_000_000],
    ['0.01', 1],
    ['-0.01', -1],
    ['12.5', 1250],
  ])('accepts %p as %d fen', (text, fen) => {
    expect(apiRechargeAmount(text)).toBe(fen);
  });

  it.each(['-1000.01', '10000.01', '0', '0.00', '-0', '99999'])('refuses %p as out of range', (text) => {
    expect(appErrorOf(() => apiRechargeAmount(text)).code).toBe('RECHARGE_AMOUNT_OUT_OF_RANGE');
  });

  it.each(['1.001', 'abc', '', '1e3', '--1'])('refuses %p as malformed', (text) => {
    expect(appErrorOf(() => apiRechargeAmount(text)).code).toBe('INVALID_AMOUNT');
  });
});

describe('alipayRechargeAmount', () => {
  it('takes 0.01 to 10000.00', () => {
    expect(alipayRechargeAmount('0.01')).toBe(1);
    expect(alipayRechargeAmount('10000')).toBe(1_000_000);
    expect(appErrorOf(() => alipayRechargeAmount('10000.01')).code).toBe('RECHARGE_AMOUNT_OUT_OF_RANGE');
    expect(appErrorOf(() => alipayRechargeAmount('0')).code).toBe('INVALID_AMOUNT');
    expect(appErrorOf(() => alipayRechargeAmount('-5')).code).toBe('INVALID_AMOUNT');
  });
});

describe('checkRechargeIp', () => {
  const platform = ['127.0.0.1', '10.0.0.8'];

  it('accepts a listed IP, IPv4-mapped or not', () => {
    expect(() => checkRechargeIp('10.0.0.8', platform, [])).not.toThrow();
    expect(() => checkRechargeIp('::ffff:127.0.0.1', platform, [])).not.toThrow();
  });

  it('refuses a missing IP and one off the platform list', () => {
    expect(appErrorOf(() => checkRechargeIp(undefined, platform, [])).code).toBe('IP_NOT_ALLOWED');
    expect(appErrorOf(() => checkRechargeIp('10.0.0.9', platform, [])).code).toBe('IP_NOT_ALLOWED');
  });

  it("needs the merchant's own list too when it has one", () => {
    expect(() => checkRechargeIp('10.0.0.8', platform, ['10.0.0.8'])).not.toThrow();
    expect(appErrorOf(() => checkRechargeIp('127.0.0.1', platform, ['10.0.0.8'])).code).toBe(
      'IP_NOT_ALLOWED',
    );
  });
});

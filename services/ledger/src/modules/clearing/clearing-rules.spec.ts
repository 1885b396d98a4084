import { appErrorOf } from '@pay/common';
import {
  checkClientSn,
  checkPhone,
  parseId,
  parsePositiveAmount,
  parseRate,
  parseTimeRange,
} from './clearing-rules';

describe('parsePositiveAmount', () => {
  it.each([
    ['0.01', 1],
    ['23', 2300],
    ['88.5', 8850],
    [' 100.00 ', 10000],
  ])('reads %p as %d fen', (text, fen) => {
    expect(parsePositiveAmount(text)).toBe(fen);
  });

  it.each(['0', '0.00', '-1', '1.001', 'abc', '', '1e3'])('refuses %p as INVALID_AMOUNT', (text) => {
    const error = appErrorOf(() => parsePositiveAmount(text));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.details).toEqual({ argument: 'amount' });
  });
});

describe('parseRate', () => {
  it('reads percent strings into ppm', () => {
    expect(parseRate('0.6', 'r')).toBe(6000);
    expect(parseRate('0.125', 'r')).toBe(1250);
    expect(parseRate('100', 'r')).toBe(1_000_000);
  });

  it.each(['101', '-1', '0.00001', 'x'])('refuses %p', (text) => {
    expect(appErrorOf(() => parseRate(text, 'inFeeRate')).details).toEqual({ argument: 'inFeeRate' });
  });
});

describe('checks', () => {
  it('accepts serial numbers, phones and ids in their shapes only', () => {
    expect(checkClientSn(' 201805090001 ')).toBe('201805090001');
    expect(checkPhone('13804542921')).toBe('13804542921');
    expect(parseId('42', 'id')).toBe(42);
    for (const bad of ['', 'a b', 'x'.repeat(65)])
      expect(appErrorOf(() => checkClientSn(bad)).code).toBe('BAD_USER_INPUT');
    for (const bad of ['1380454292', '23804542921', '138-0454-2921']) {
      expect(appErrorOf(() => checkPhone(bad)).code).toBe('BAD_USER_INPUT');
    }
    for (const bad of ['0', '-1', 'abc', '1.5'])
      expect(appErrorOf(() => parseId(bad, 'id')).code).toBe('BAD_USER_INPUT');
  });
});

describe('parseTimeRange', () => {
  it('is open at both ends by default', () => {
    expect(parseTimeRange()).toEqual({ from: null, to: null });
    expect(parseTimeRange('', ' ')).toEqual({ from: null, to: null });
  });

  it('reads Unix seconds with an inclusive end second', () => {
    expect(parseTimeRange('1558166820', '1558167420')).toEqual({
      from: new Date('2019-05-18T08:07:00Z'),
      to: new Date('2019-05-18T08:17:01Z'),
    });
  });

  it('reads China dates, an end date meaning through that day', () => {
    expect(parseTimeRange('2019-05-18', '2019-05-18')).toEqual({
      from: new Date('2019-05-17T16:00:00Z'),
      to: new Date('2019-05-18T16:00:00Z'),
    });
  });

  it('refuses malformed bounds and a start after the end', () => {
    expect(appErrorOf(() => parseTimeRange('soon')).details).toEqual({ argument: 'startTime' });
    expect(appErrorOf(() => parseTimeRange(null, '2019-02-30')).details).toEqual({ argument: 'endTime' });
    expect(appErrorOf(() => parseTimeRange('1558167420', '1558166820')).code).toBe('BAD_USER_INPUT');
  });
});

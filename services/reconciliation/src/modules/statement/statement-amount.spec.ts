import {
  formatUnits,
  parseAmountFen,
  parseDecimalUnits,
  parseFeeFen,
  StatementAmountError,
  unitsToFen,
  readUnits5,
  units5ToFen,
} from './statement-amount';

describe('statement amounts', () => {
  it('reads yuan with two decimals exactly', () => {
    expect(parseAmountFen('100.00')).toBe(10000);
    expect(parseAmountFen('0.01')).toBe(1);
    expect(parseAmountFen('88.5')).toBe(8850);
    expect(parseAmountFen('-0.01')).toBe(-1);
    expect(parseAmountFen('12')).toBe(1200);
    // 0.07 * 100 is 7.000000000000001 in floats: here it is exact.
    expect(parseAmountFen('1234567.07')).toBe(123456707);
  });

  it('rounds a five-decimal fee half away from zero, once', () => {
    expect(parseFeeFen('0.04000')).toBe(4);
    expect(parseFeeFen('0.00600')).toBe(1);
    expect(parseFeeFen('0.00500')).toBe(1);
    expect(parseFeeFen('0.00499')).toBe(0);
    expect(parseFeeFen('-0.00500')).toBe(-1);
    expect(parseFeeFen('-0.00499')).toBe(0);
    expect(parseFeeFen('1.23')).toBe(123);
  });

  it('rejects what is not an amount', () => {
    for (const bad of ['', 'abc', '1.2.3', '1,2', '1e3', '0.001', ' ', '--1', '¥1.00']) {
      expect(() => parseAmountFen(bad)).toThrow(StatementAmountError);
    }
    expect(() => parseFeeFen('0.000001')).toThrow(/more than 5 decimals/);
    expect(() => parseAmountFen('99999999999999.00')).toThrow(StatementAmountError);
  });

  it('keeps raw sums exact at five decimals', () => {
    const sum = ['0.04000', '0.00600', '-0.01000'].reduce((a, t) => a + parseDecimalUnits(t, 5), 0n);
    expect(formatUnits(sum, 5)).toBe('0.03600');
    expect(unitsToFen(sum, 5)).toBe(4);
    expect(formatUnits(-5n, 2)).toBe('-0.05');
  });
});

describe('the fast decimal path', () => {
  it('agrees with the exact BigInt parser', () => {
    const out = { units: 0, decimals: 0 };
    for (const text of [
      '0',
      '0.00',
      '-0.00',
      '+1.5',
      '100.00',
      '0.04000',
      '-0.00500',
      '0.00499',
      '9999999999.99999',
      '1234567.07',
      '12',
      '-88.5',
    ]) {
      expect(readUnits5(text, out)).toBe(true);
      expect(BigInt(out.units)).toBe(parseDecimalUnits(text, 5));
      expect(units5ToFen(out.units)).toBe(unitsToFen(parseDecimalUnits(text, 5), 5));
    }
    for (const text of [
      '',
      '-',
      '.5',
      '1.',
      '1.2.3',
      '1,2',
      '1e3',
      '0.000001',
      ' 1',
      '--1',
      '¥1.00',
      '99999999999.00',
    ]) {
      expect(readUnits5(text, out)).toBe(false);
    }
  });
});

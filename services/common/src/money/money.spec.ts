import {
  allocate,
  applyRate,
  formatFen,
  MAX_FEN,
  MoneyFormatError,
  parsePercent,
  parseSignedYuan,
  parseYuan,
  PPM,
  sumFen,
} from './money';
import { seededRandom } from '../testkit/assertions';

/** A small seeded PRNG (mulberry32) so the property loops are reproducible without a dependency. */
const intBelow = (random: () => number, n: number) => Math.floor(random() * n);

describe('parseYuan', () => {
  it.each([
    ['100.00', 10000],
    ['0.01', 1],
    ['88.5', 8850],
    ['88.50', 8850],
    ['0', 0],
    ['0.0', 0],
    ['0.00', 0],
    ['0.1', 10],
    ['5', 500],
    ['123456.78', 12345678],
    // the largest text the pattern admits: 11 integer digits
    ['99999999999.99', 9_999_999_999_999],
    // surrounding ASCII whitespace is trimmed
    [' 100.00 ', 10000],
  ])('reads %p as %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('never goes through floats: 0.29 and 1.15 stay exact', () => {
    // Math.round(0.29 * 100) is 29 but 0.29 * 100 is 28.999999999999996; 1.15 * 100 is 114.99999999999999
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
  });

  it.each([
    ['-1', 'must not be negative'],
    ['-0.01', 'must not be negative'],
    ['1.001', 'at most two decimals'],
    ['100.000', 'at most two decimals'],
  ])('rejects %p (%s)', (text, reason) => {
    expect(() => parseYuan(text)).toThrow(MoneyFormatError);
    expect(() => parseYuan(text)).toThrow(reason);
  });

  it.each([
    '1e3',
    '1E3',
    '',
    ' ',
    '１００', // full-width digits: \d without the u flag is ASCII only
    '１００.００',
    '100,00',
    '1,000.00',
    '+1',
    '1.',
    '.5',
    // Leading zeros are refused by the pattern (0|[1-9]\d*): "00.1", "01" and "007" are not amounts.
    '00.1',
    '01',
    '007',
    '0x10',
    'Infinity',
    'NaN',
    '1 000',
    '100元',
    // 12 integer digits: beyond the pattern's 11, so "too large" is reported as a format error
    '100000000000',
    '999999999999.99',
    '1' + '0'.repeat(30),
  ])('rejects %p', (text) => {
    expect(() => parseYuan(text)).toThrow(MoneyFormatError);
  });

  it('names the input in the error', () => {
    expect(() => parseYuan('abc')).toThrow('"abc" is not a valid amount');
  });

  it('accepts nothing above MAX_FEN', () => {
    // The pattern caps the integer part at 11 digits, so every accepted value stays below MAX_FEN.
    expect(parseYuan('99999999999.99')).toBeLessThanOrEqual(MAX_FEN);
  });
});

describe('parseSignedYuan', () => {
  it.each([
    ['-12.50', -1250],
    ['+1', 100],
    ['12.5', 1250],
    ['-0.01', -1],
    [' -3 ', -300],
  ])('reads %p as %d fen', (text, fen) => {
    expect(parseSignedYuan(text)).toBe(fen);
  });

  it.each(['--1', '-+1', '+-1', '-', '', '-1.001', '-1e3'])('rejects %p', (text) => {
    expect(() => parseSignedYuan(text)).toThrow(MoneyFormatError);
  });
});

describe('formatFen', () => {
  it.each([
    [8850, '88.50'],
    [10000, '100.00'],
    [1, '0.01'],
    [10, '0.10'],
    [0, '0.00'],
    [-5, '-0.05'],
    [-1250, '-12.50'],
    [-100, '-1.00'],
    [9_999_999_999_999, '99999999999.99'],
  ])('renders %d fen as %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([0.5, 1.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'rejects %p',
    (value) => {
      expect(() => formatFen(value)).toThrow(RangeError);
    },
  );

  it('round-trips with parseYuan and parseSignedYuan', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i += 1) {
      const fen = intBelow(random, 10 ** (1 + intBelow(random, 13)));
      expect(parseYuan(formatFen(fen))).toBe(fen);
      if (fen !== 0) expect(parseSignedYuan(formatFen(-fen))).toBe(-fen);
    }
  });
});

describe('parsePercent', () => {
  it.each([
    ['11.5', 115_000],
    ['4', 40_000],
    ['0.5', 5_000],
    ['0.385', 3_850],
    ['0.0001', 1],
    ['0', 0],
    ['100', PPM],
    ['100.0000', PPM],
    [' 6 ', 60_000],
  ])('reads %p%% as %d ppm', (text, ppm) => {
    expect(parsePercent(text)).toBe(ppm);
  });

  it.each(['100.0001', '101', '-1', '1.23456', '', ' ', '1e1', '1000', 'abc', '.5', '5.', '5%'])(
    'rejects %p',
    (text) => {
      expect(() => parsePercent(text)).toThrow(MoneyFormatError);
    },
  );
});

describe('applyRate', () => {
  it.each([
    // [amount, rate ppm, expected]
    [1, 500_000, 1], // 0.5 fen rounds half up to 1
    [3, 5_000, 0], // 3 × 0.5 % = 0.015 fen
    [100, 5_000, 1], // exactly 0.5 fen → 1
    [99, 5_000, 0], // 0.495 fen → 0
    [300, 5_000, 2], // 1.5 fen → 2
    [10_000, 115_000, 1_150],
    [10_000, 40_000, 400],
    [10_000, 5_000, 50],
    [12_345, 3_850, 48], // 47.52825 → 48
    [0, 115_000, 0],
    [12_345, 0, 0],
    [12_345, PPM, 12_345],
    [MAX_FEN, 115_000, 1_150_000_000_000],
  ])('%d fen × %d ppm = %d fen', (amount, rate, expected) => {
    expect(applyRate(amount, rate)).toBe(expected);
  });

  it('rounds negative amounts symmetrically (half away from zero)', () => {
    expect(applyRate(-1, 500_000)).toBe(-1);
    expect(applyRate(-100, 5_000)).toBe(-1);
    expect(Math.abs(applyRate(-99, 5_000))).toBe(0); // 0.495 fen
    expect(applyRate(-10_000, 115_000)).toBe(-1_150);
  });

  it.each([
    [1.5, 1000],
    [100, -1],
    [100, PPM + 1],
    [100, 0.5],
    [Number.NaN, 1],
  ])('rejects amount %p with rate %p', (amount, rate) => {
    expect(() => applyRate(amount, rate)).toThrow(RangeError);
  });

  it('is the half-up rounding of the exact product for random inputs', () => {
    const random = seededRandom(42);
    const half = BigInt(PPM / 2);
    for (let i = 0; i < 5000; i += 1) {
      const amount = intBelow(random, 10 ** (1 + intBelow(random, 13)));
      const rate = intBelow(random, PPM + 1);
      const result = applyRate(amount, rate);
      // result·PPM − amount·rate lies in (−PPM/2, +PPM/2]: the nearest fen, halves upward.
      const diff = BigInt(result) * BigInt(PPM) - BigInt(amount) * BigInt(rate);
      expect(diff > -half && diff <= half).toBe(true);
    }
  });
});

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1, 2], [3, 7]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [5, [0, 1], [0, 5]],
    [1, [1, 1, 1], [1, 0, 0]], // ties go to the earliest
    [2, [1, 1, 1], [1, 1, 0]],
    [0, [3, 7], [0, 0]],
    [8850, [1], [8850]],
    [101, [50, 50, 1], [50, 50, 1]],
  ])('allocate(%d, %p) = %p', (total, weights, expected) => {
    expect(allocate(total, weights)).toEqual(expected);
  });

  it.each([
    [[], 'at least one weight'],
    [[0, 0], 'must not all be zero'],
    [[1, -1], 'non-negative integers'],
    [[1.5, 1], 'non-negative integers'],
    [[Number.NaN], 'non-negative integers'],
  ])('rejects weights %p', (weights, message) => {
    expect(() => allocate(100, weights)).toThrow(message);
  });

  it('rejects a non-integer total', () => {
    expect(() => allocate(1.5, [1, 1])).toThrow(RangeError);
  });

  it('always sums to the total, each part within one fen of its exact share (random)', () => {
    const random = seededRandom(20261121);
    for (let i = 0; i < 3000; i += 1) {
      const magnitude = intBelow(random, 10 ** (1 + intBelow(random, 12)));
      const total = random() < 0.2 ? -magnitude : magnitude;
      const count = 1 + intBelow(random, 12);
      const weights = Array.from({ length: count }, () =>
        random() < 0.15 ? 0 : intBelow(random, 10 ** (1 + intBelow(random, 6))),
      );
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = allocate(total, weights);

      expect(parts).toHaveLength(count);
      expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
      const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
      parts.forEach((part, k) => {
        expect(Number.isSafeInteger(part)).toBe(true);
        if (weights[k] === 0) expect(part === 0).toBe(true);
        // |part·Σw − total·w| < Σw: part is the floor or the ceiling of the exact share
        const gap = BigInt(part) * weightSum - BigInt(total) * BigInt(weights[k]!);
        expect(gap < weightSum && gap > -weightSum).toBe(true);
      });
    }
  });

  it('still sums to the total when the weights add up beyond 2^53', () => {
    // Regression: the weight sum used to be a double, rounded above the true sum, so
    // more fen were left over than there are parts and the parts came up short.
    const weights = [9007199254740327, 2616834753525744, 214704896687047];
    const parts = allocate(7320311441524853, weights);
    expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(7320311441524853n);
  });
});

describe('sumFen', () => {
  it('adds integers', () => {
    expect(sumFen([8850, 400, 750])).toBe(10000);
    expect(sumFen([100, -250])).toBe(-150);
    expect(sumFen([])).toBe(0);
  });

  it('rejects a non-integer part or an unsafe total', () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

import { formatMoney, isYuan, moneyToFen } from './money';

describe('formatMoney', () => {
  it('groups thousands by string operations, keeping every fen as the graph sent it', () => {
    expect(formatMoney('1234567.89')).toBe('¥1,234,567.89');
    expect(formatMoney('0.10')).toBe('¥0.10');
    expect(formatMoney('-88.5')).toBe('-¥88.50');
    expect(formatMoney('100')).toBe('¥100.00');
    // Beyond a double's exact range: no float ever touches it.
    expect(formatMoney('90071992547409.93')).toBe('¥90,071,992,547,409.93');
  });

  it('shows a dash for nothing', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('')).toBe('—');
  });
});

describe('isYuan', () => {
  it('takes positive amounts with at most two decimals', () => {
    expect(['66', '66.0', '66.00', '0.01'].every(isYuan)).toBe(true);
    expect(['0', '0.00', '-1', '1.001', '1e3', 'abc', ''].some(isYuan)).toBe(false);
  });
});

describe('moneyToFen', () => {
  it('turns Money into integer fen for chart scales, sign and short fractions included', () => {
    expect(moneyToFen('1234.50')).toBe(123450);
    expect(moneyToFen('0.05')).toBe(5);
    expect(moneyToFen('-88.5')).toBe(-8850);
    expect(moneyToFen('100')).toBe(10000);
  });
});

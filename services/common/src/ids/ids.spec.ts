import { newMerchantOrderNo, newPlatformOrderNo, newWithdrawNo, randomDigits } from './ids';

// 2025-11-16 23:14:49.960 in China (UTC+8)
const instant = new Date('2025-11-16T15:14:49.960Z');

describe('newPlatformOrderNo', () => {
  it('is H + yyMMddHHmmss in China time + 8 random digits', () => {
    const no = newPlatformOrderNo(instant);
    expect(no).toMatch(/^H\d{20}$/);
    expect(no.slice(0, 13)).toBe('H251116231449');
  });

  it('uses the China date across UTC midnight', () => {
    // 16:30 UTC on the 16th is already 00:30 on the 17th in China
    expect(newPlatformOrderNo(new Date('2025-11-16T16:30:00Z')).slice(0, 13)).toBe('H251117003000');
  });

  it('varies in its random part', () => {
    const suffixes = new Set(Array.from({ length: 50 }, () => newPlatformOrderNo(instant).slice(13)));
    expect(suffixes.size).toBeGreaterThan(1);
    for (const suffix of suffixes) expect(suffix).toMatch(/^\d{8}$/);
  });

  it('defaults to now', () => {
    expect(newPlatformOrderNo()).toMatch(/^H\d{20}$/);
  });
});

describe('newWithdrawNo', () => {
  it('is qzf + Unix ms + 3 random digits', () => {
    const no = newWithdrawNo(new Date(1763323862322));
    expect(no).toMatch(/^qzf\d{16}$/);
    expect(no.slice(0, 16)).toBe('qzf1763323862322');
  });

  it('defaults to now', () => {
    const before = Date.now();
    const no = newWithdrawNo();
    expect(no).toMatch(/^qzf\d{16}$/);
    const ms = Number(no.slice(3, 16));
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

describe('newMerchantOrderNo', () => {
  it('is yyyyMMddHHmmss in China time + 4 random digits', () => {
    const no = newMerchantOrderNo(instant);
    expect(no).toMatch(/^\d{18}$/);
    expect(no.slice(0, 14)).toBe('20251116231449');
  });
});

describe('randomDigits', () => {
  it.each([0, 1, 3, 8, 32])('gives %d ASCII digits', (count) => {
    expect(randomDigits(count)).toMatch(new RegExp(`^[0-9]{${count}}$`));
  });

  it('uses every digit', () => {
    expect(new Set(randomDigits(2000)).size).toBe(10);
  });
});

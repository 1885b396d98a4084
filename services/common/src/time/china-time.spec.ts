import {
  addDays,
  CHINA_TIME_ZONE,
  fromChinaWallClock,
  toChinaWallClock,
  formatChinaDate,
  formatChinaDateTime,
  instantFromCalendar,
  isDateOnly,
  parseChinaDateTime,
  startOfChinaDay,
} from './china-time';

const utc = (iso: string) => new Date(iso);

describe('formatChinaDateTime / formatChinaDate', () => {
  it.each([
    ['2025-11-16T15:14:50Z', '2025-11-16 23:14:50', '2025-11-16'],
    // 16:00 UTC is midnight in China: the date flips
    ['2025-11-16T15:59:59.999Z', '2025-11-16 23:59:59', '2025-11-16'],
    ['2025-11-16T16:00:00Z', '2025-11-17 00:00:00', '2025-11-17'],
    // a UTC date that is still the same China date
    ['2025-11-16T00:00:00Z', '2025-11-16 08:00:00', '2025-11-16'],
    ['2025-11-15T23:59:59Z', '2025-11-16 07:59:59', '2025-11-16'],
    // across month, year and leap-day boundaries
    ['2025-12-31T16:00:00Z', '2026-01-01 00:00:00', '2026-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29 00:00:00', '2024-02-29'],
    ['2024-02-29T16:00:00Z', '2024-03-01 00:00:00', '2024-03-01'],
    ['1970-01-01T00:00:00Z', '1970-01-01 08:00:00', '1970-01-01'],
  ])('%s is %s in China', (instant, dateTime, date) => {
    expect(formatChinaDateTime(utc(instant))).toBe(dateTime);
    expect(formatChinaDate(utc(instant))).toBe(date);
  });
});

describe('startOfChinaDay', () => {
  it.each([
    ['2025-11-16T15:14:50Z', '2025-11-15T16:00:00.000Z'],
    ['2025-11-16T16:00:00Z', '2025-11-16T16:00:00.000Z'],
    ['2025-11-16T15:59:59.999Z', '2025-11-15T16:00:00.000Z'],
    ['2025-11-16T00:00:00Z', '2025-11-15T16:00:00.000Z'],
    // before 1970 the modulo is negative; the helper must still round down
    ['1969-12-31T12:00:00Z', '1969-12-30T16:00:00.000Z'],
    ['1969-12-31T17:00:00Z', '1969-12-31T16:00:00.000Z'],
  ])('of %s is %s', (instant, start) => {
    expect(startOfChinaDay(utc(instant)).toISOString()).toBe(start);
  });

  it('formats as midnight of the same China date', () => {
    const date = utc('2025-11-16T20:30:00Z');
    const start = startOfChinaDay(date);
    expect(formatChinaDateTime(start)).toBe('2025-11-17 00:00:00');
    expect(formatChinaDate(start)).toBe(formatChinaDate(date));
    expect(startOfChinaDay(start).getTime()).toBe(start.getTime());
  });
});

describe('addDays', () => {
  it('adds whole days of 24 hours', () => {
    expect(addDays(utc('2025-11-16T16:00:00Z'), 1).toISOString()).toBe('2025-11-17T16:00:00.000Z');
    expect(addDays(utc('2025-03-01T00:00:00Z'), -1).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });
});

describe('parseChinaDateTime', () => {
  it.each([
    ['2025-11-16', '2025-11-15T16:00:00.000Z'],
    ['2025-11-16 23:14:50', '2025-11-16T15:14:50.000Z'],
    ['2025-11-16T23:14:50', '2025-11-16T15:14:50.000Z'],
    ['2025-11-16 23:14', '2025-11-16T15:14:00.000Z'],
    ['2025-11-17 00:00:00', '2025-11-16T16:00:00.000Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z'],
    ['  2025-11-16  ', '2025-11-15T16:00:00.000Z'],
    // Unix timestamps: seconds and milliseconds
    ['1763306090', '2025-11-16T15:14:50.000Z'],
    ['1763306090123', '2025-11-16T15:14:50.123Z'],
    // compact yyyyMMddHHmmss (WeChat Pay v2 time_end): 14 digits are a date, not a timestamp
    ['20251116231450', '2025-11-16T15:14:50.000Z'],
    ['20251117000000', '2025-11-16T16:00:00.000Z'],
    ['20240229235959', '2024-02-29T15:59:59.000Z'],
    [' 20251116231450 ', '2025-11-16T15:14:50.000Z'],
  ])('reads %p as %s', (text, iso) => {
    expect(parseChinaDateTime(text)?.toISOString()).toBe(iso);
  });

  it('round-trips with formatChinaDateTime', () => {
    const instant = utc('2025-11-16T16:00:01Z');
    expect(parseChinaDateTime(formatChinaDateTime(instant))?.getTime()).toBe(instant.getTime());
  });

  it.each([
    '2025-02-30',
    '2025-02-29', // not a leap year
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-11-00',
    '2025-11-16 24:00:00',
    '2025-11-16 23:60:00',
    '2025-11-16 23:59:60',
    '2025-11-16 7:00',
    '2025/11/16',
    '16-11-2025',
    '20251116',
    '176330609', // 9 digits
    '17633060901', // 11 digits
    '17633060901234', // 14 digits, but month 30
    '20250229000000', // compact, not a leap year
    '20251131000000',
    '20251116240000',
    '20251116236000',
    '20251116235960',
    '202511162314500', // 15 digits
    '',
    'yesterday',
    '2025-11-16Z',
    '2025-11-16 23:14:50+08:00',
  ])('returns null for %p', (text) => {
    expect(parseChinaDateTime(text)).toBeNull();
  });
});

describe('instantFromCalendar', () => {
  const t = { year: 2025, month: 11, day: 16, hour: 23, minute: 14, second: 50 };

  it('reads the fields as China time unless given another offset', () => {
    expect(instantFromCalendar(t)?.toISOString()).toBe('2025-11-16T15:14:50.000Z');
    expect(instantFromCalendar({ ...t, millisecond: 250 }, 0)?.toISOString()).toBe(
      '2025-11-16T23:14:50.250Z',
    );
    expect(instantFromCalendar(t, -5 * 60)?.toISOString()).toBe('2025-11-17T04:14:50.000Z');
  });

  it('returns null instead of rolling an impossible date or time over', () => {
    expect(instantFromCalendar({ ...t, month: 2, day: 29 })).toBeNull();
    expect(instantFromCalendar({ ...t, hour: 24 })).toBeNull();
  });
});

describe('isDateOnly', () => {
  it('tells dates from date-times', () => {
    expect(isDateOnly('2025-11-16')).toBe(true);
    expect(isDateOnly(' 2025-11-16 ')).toBe(true);
    expect(isDateOnly('2025-11-16 00:00:00')).toBe(false);
    expect(isDateOnly('1763306090')).toBe(false);
  });
});

describe('China wall-clock time', () => {
  it('reads an instant as China time in the UTC fields, and back', () => {
    const instant = new Date('2025-11-16T15:14:50.123Z');
    const wall = toChinaWallClock(instant);
    expect([wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([16, 23, 14]);
    expect(fromChinaWallClock(wall).toISOString()).toBe(instant.toISOString());
    // Midnight on the wall clock is 16:00 UTC the day before.
    expect(fromChinaWallClock(new Date('2025-01-01T00:00:00Z')).toISOString()).toBe(
      '2024-12-31T16:00:00.000Z',
    );
    expect(CHINA_TIME_ZONE).toBe('Asia/Shanghai');
  });
});

import { appErrorOf } from '@pay/common';
import {
  billGroupIndex,
  billMonthTimestamp,
  legacyTimestamp,
  parseBillMonth,
  previousChinaMonth,
} from './bill-month';

describe('parseBillMonth', () => {
  it('bounds a month by China-time midnights', () => {
    const m = parseBillMonth('2019-08');
    expect(m.firstDay).toBe('2019-08-01');
    expect(m.start.toISOString()).toBe('2019-07-31T16:00:00.000Z');
    expect(m.end.toISOString()).toBe('2019-08-31T16:00:00.000Z');
  });

  it('rolls December over to the next year', () => {
    const m = parseBillMonth('2019-12');
    expect(m.end.toISOString()).toBe('2019-12-31T16:00:00.000Z');
  });

  it.each(['2019-8', '2019-13', '2019-00', '201908', '2019-08-01', ''])('refuses %p', (text) => {
    expect(appErrorOf(() => parseBillMonth(text)).code).toBe('BAD_USER_INPUT');
  });
});

describe('previousChinaMonth', () => {
  it('takes the China calendar month, not the UTC one', () => {
    // 2019-09-01 00:30 China time is still August in UTC
    expect(previousChinaMonth(new Date('2019-08-31T16:30:00Z'))).toBe('2019-08');
    expect(previousChinaMonth(new Date('2019-08-31T15:30:00Z'))).toBe('2019-07');
    expect(previousChinaMonth(new Date('2020-01-01T00:00:00Z'))).toBe('2019-12');
  });
});

describe('legacy timestamps', () => {
  it('match the CRM examples', () => {
    expect(billMonthTimestamp('2019-08-01')).toBe(1564617600000);
    expect(billMonthTimestamp('2019-12-01')).toBe(1575158400000);
    // recv_time "2019-12-10", recv_time_stamp 1575995922000: 16:38:42 China time
    expect(legacyTimestamp(new Date('2019-12-10T08:38:42Z'))).toBe(1575995922000);
    expect(billGroupIndex('2019-08-01', 9)).toBe('2019-08_9');
  });
});

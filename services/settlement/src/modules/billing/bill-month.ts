import { AppError, instantFromCalendar, toChinaWallClock } from '@pay/common';

/** A billing month: `YYYY-MM`, its first day and the China-time instants that bound it. */
export interface BillMonth {
  /** "2019-08" */
  text: string;
  /** "2019-08-01", as stored in merchant_bill.bill_month. */
  firstDay: string;
  /** 2019-08-01 00:00 China time, inclusive. */
  start: Date;
  /** 2019-09-01 00:00 China time, exclusive. */
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number) => n.toString().padStart(2, '0');

function monthStart(year: number, month: number): Date {
  const start = instantFromCalendar({ year, month, day: 1, hour: 0, minute: 0, second: 0 });
  // Every year-month pair the pattern admits has a first day; null would be a bug here.
  if (!start) throw new RangeError(`no first day of ${year}-${month}`);
  return start;
}

/** Parses "YYYY-MM" (BAD_USER_INPUT naming `argument` otherwise). */
export function parseBillMonth(text: string, argument = 'month'): BillMonth {
  const match = MONTH.exec(text.trim());
  if (!match) throw new AppError('BAD_USER_INPUT', 'a month looks like 2019-08', { argument });
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    text: `${year}-${pad(month)}`,
    firstDay: `${year}-${pad(month)}-01`,
    start: monthStart(year, month),
    end: monthStart(next.year, next.month),
  };
}

/** The China-time month before the one containing `now`, "YYYY-MM": what the monthly job bills. */
export function previousChinaMonth(now: Date): string {
  const china = toChinaWallClock(now);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}

/**
 * The legacy CRM's millisecond timestamps (`bill_time_stamp`, `recv_time_stamp`) are the
 * China wall-clock time read as if it were UTC: bill month 2019-08 is 1564617600000
 * (2019-08-01T00:00:00Z), and a receipt at 2019-12-10 16:38:42 China time is
 * 1575995922000 with `recv_time` "2019-12-10". Reproduced here so the shim can render
 * them as they were; `receivedAt`/`issuedAt` carry the true instants.
 */
export function legacyTimestamp(instant: Date): number {
  return toChinaWallClock(instant).getTime();
}

/** `bill_time_stamp` of a bill month given as its first day ("2019-08-01" → 1564617600000). */
export function billMonthTimestamp(firstDay: string): number {
  const [year, month, day] = firstDay.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

/** "2019-08-01" → "2019-08_9": the legacy `group_index`. */
export function billGroupIndex(firstDay: string, merchantId: number): string {
  return `${firstDay.slice(0, 7)}_${merchantId}`;
}

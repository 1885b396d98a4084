import { addDays, instantFromCalendar, startOfChinaDay, toChinaWallClock } from '@pay/common';
import { SettlementPeriod } from './settlement-codes';

/** The China calendar fields of an instant (month 1–12, weekday 0 Sunday … 6 Saturday). */
function chinaCalendar(date: Date): { year: number; month: number; weekday: number } {
  const shifted = toChinaWallClock(date);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, weekday: shifted.getUTCDay() };
}

const chinaMidnight = (year: number, month: number, day: number): Date =>
  // Always a real date: day 1 of a month 1–12.
  instantFromCalendar({ year, month, day, hour: 0, minute: 0, second: 0 })!;

/**
 * The latest period boundary at or before `now` for a settlement period, in China time:
 * daily 00:00, weekly Monday 00:00, monthly the 1st 00:00, yearly January 1st 00:00.
 * A scheduled run settles each account up to this instant (exclusive). UNKNOWN has no
 * boundary (such accounts are settled on demand only).
 */
export function latestPeriodBoundary(period: SettlementPeriod, now: Date): Date | null {
  switch (period) {
    case SettlementPeriod.DAILY:
      return startOfChinaDay(now);
    case SettlementPeriod.WEEKLY: {
      const sinceMonday = (chinaCalendar(now).weekday + 6) % 7;
      return addDays(startOfChinaDay(now), -sinceMonday);
    }
    case SettlementPeriod.MONTHLY: {
      const { year, month } = chinaCalendar(now);
      return chinaMidnight(year, month, 1);
    }
    case SettlementPeriod.YEARLY:
      return chinaMidnight(chinaCalendar(now).year, 1, 1);
    default:
      return null;
  }
}

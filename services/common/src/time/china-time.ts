/**
 * The platform keeps business days in China time (UTC+8, no daylight saving), as the
 * legacy APIs and the channels' statements do. Timestamps are stored as timestamptz;
 * these helpers convert at the edges without a timezone database.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The IANA zone, for what takes one (pg-boss schedules, PostgreSQL's `at time zone`). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * China wall-clock time as a Date whose UTC fields read it (`getUTCHours()` is the hour in
 * China): for calendar arithmetic and for the legacy formats that print wall-clock time.
 */
export function toChinaWallClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** The inverse of {@link toChinaWallClock}: the instant a China wall-clock reading names. */
export function fromChinaWallClock(wallClock: Date): Date {
  return new Date(wallClock.getTime() - OFFSET_MS);
}

const pad = (n: number, width = 2) => n.toString().padStart(width, '0');

/** 2025-11-16T15:14:50Z → "2025-11-16 23:14:50" */
export function formatChinaDateTime(date: Date): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return `${formatChinaDate(date)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The China calendar date of an instant, "YYYY-MM-DD". */
export function formatChinaDate(date: Date): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Midnight China time at the start of the day containing `date`. */
export function startOfChinaDay(date: Date): Date {
  const shifted = date.getTime() + OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** WeChat Pay's compact layout, yyyyMMddHHmmss. */
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** The fields a wall clock shows; month is 1–12. */
export interface CalendarDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

/**
 * The instant at which a wall clock `offsetMinutes` ahead of UTC (China time unless
 * told otherwise) shows `t`. Returns null when `t` is no real date and time: Date.UTC
 * would roll 2025-02-30 over to March and 24:00 to the next day.
 */
export function instantFromCalendar(t: CalendarDateTime, offsetMinutes = OFFSET_MS / 60_000): Date | null {
  const utc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond ?? 0);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== t.year ||
    check.getUTCMonth() !== t.month - 1 ||
    check.getUTCDate() !== t.day ||
    t.hour > 23 ||
    t.minute > 59 ||
    t.second > 59
  ) {
    return null;
  }
  return new Date(utc - offsetMinutes * 60_000);
}

/**
 * Parses "YYYY-MM-DD", "YYYY-MM-DD HH:mm[:ss]" or the compact 14-digit "yyyyMMddHHmmss"
 * as China time, or a 10/13-digit Unix timestamp (seconds/milliseconds). Returns null
 * when the text is none of these or names an impossible date.
 */
export function parseChinaDateTime(text: string): Date | null {
  const trimmed = text.trim();
  if (/^\d{10}$/.test(trimmed)) return new Date(Number(trimmed) * 1000);
  if (/^\d{13}$/.test(trimmed)) return new Date(Number(trimmed));
  const m = COMPACT_DATE_TIME.exec(trimmed) ?? DATE_TIME.exec(trimmed);
  if (!m) return null;
  // Groups the layout leaves out (time of a date-only text, seconds) are zero.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((v) => Number(v ?? 0));
  return instantFromCalendar({ year, month, day, hour, minute, second });
}

/** True when the text carries only a date (so an end bound means "through the end of that day"). */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

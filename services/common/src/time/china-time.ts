/**
 * The platform keeps business days in China time (UTC+8, no daylight saving), as the
 * legacy APIs and the channels' statements do. Timestamps are stored as timestamptz;
 * these helpers convert at the edges without a timezone database.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

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

/**
 * Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:mm[:ss]" as China time, or a 10/13-digit Unix
 * timestamp. Returns null when the text is none of these or names an impossible date.
 */
export function parseChinaDateTime(text: string): Date | null {
  const trimmed = text.trim();
  if (/^\d{10}$/.test(trimmed)) return new Date(Number(trimmed) * 1000);
  if (/^\d{13}$/.test(trimmed)) return new Date(Number(trimmed));
  const m = DATE_TIME.exec(trimmed);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  return new Date(utc - OFFSET_MS);
}

/** True when the text carries only a date (so an end bound means "through the end of that day"). */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

import { toChinaWallClock } from '@pay/common';

const pad = (n: number, width = 2): string => n.toString().padStart(width, '0');

/**
 * The admin API's times: China wall-clock time ISO-like, as Django's `isoformat()` renders
 * them in the spec's examples — `2020-02-21T11:37:08.784968` with a fraction (microseconds;
 * ours have millisecond precision) and `2020-04-01T13:19:17` without one when it is zero.
 * null stays null.
 */
export function adminTime(iso: string | null | undefined): string | null {
  if (iso === null || iso === undefined) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const d = toChinaWallClock(instant);
  const base =
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return ms ? `${base}.${pad(ms, 3)}000` : base;
}

/**
 * `equipment_no` as the examples show it: a number when the device number is all digits
 * (`1`), else the text itself; null when the order has none.
 */
export function equipmentNo(value: string | null | undefined): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  return /^\d{1,15}$/.test(value) ? Number(value) : value;
}

import { addDays, AppError, formatChinaDate, parseChinaDateTime, startOfChinaDay } from '@pay/common';

/** Query-string or body parameters as express parsed them. */
export type AdminParams = Record<string, unknown>;

/** A parameter as text; absent, empty and repeated (array) values count as absent. */
export function text(params: AdminParams, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function required(params: AdminParams, name: string): string {
  const value = text(params, name);
  if (value === undefined) throw new AppError('BAD_USER_INPUT', `${name} is required`);
  return value;
}

/** A non-negative integer parameter (fen amounts, codes), BAD_USER_INPUT otherwise. */
export function int(
  params: AdminParams,
  name: string,
  range?: { min: number; max: number },
): number | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new AppError('BAD_USER_INPUT', `${name} must be a whole number`);
  const n = Number(value);
  if (range && (n < range.min || n > range.max))
    throw new AppError('BAD_USER_INPUT', `${name} must be ${range.min}-${range.max}`);
  return n;
}

export function bool(params: AdminParams, name: string): boolean {
  const value = required(params, name).toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new AppError('BAD_USER_INPUT', `${name} must be true or false`);
}

/** `page` / `page_size` (ours: the spec shows whole lists; the graph pages them). */
export function paging(params: AdminParams, maxPageSize: number): { page: number; pageSize: number } {
  return {
    page: int(params, 'page', { min: 1, max: 1_000_000 }) ?? 1,
    pageSize: int(params, 'page_size', { min: 1, max: maxPageSize }) ?? maxPageSize,
  };
}

/**
 * A day filter (`time`, `settlement_time`): a China date `YYYY-MM-DD` or a date-time
 * (whose China day is meant), as the China day [start, end) and its date.
 */
export function chinaDay(
  params: AdminParams,
  name: string,
): { start: Date; end: Date; date: string } | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  // The API's own times (`2020-04-02T17:25:06.859940`) are accepted as they are rendered.
  const instant = parseChinaDateTime(value.replace('T', ' ').replace(/\.\d+$/, ''));
  if (!instant) throw new AppError('BAD_USER_INPUT', `${name} must be a date (YYYY-MM-DD)`);
  const start = startOfChinaDay(instant);
  return { start, end: addDays(start, 1), date: formatChinaDate(start) };
}

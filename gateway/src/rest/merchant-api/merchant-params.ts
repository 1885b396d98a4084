import { AppError, type Actor, type SignableValue } from '@pay/common';
import { addDays, isDateOnly, parseChinaDateTime } from '@pay/common';

/** The merchant a request speaks for (its verified actor). */
export function merchantIdOf(actor: Actor): number {
  if (actor.merchantId === undefined) throw new AppError('MERCHANT_DISABLED');
  return actor.merchantId;
}

const text = (value: SignableValue): string | undefined =>
  value === undefined || value === null || value === ''
    ? undefined
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value).trim()
      : undefined;

/** A parameter as a string; absent or empty → undefined. The first of several aliases that is set wins. */
export function optionalString(
  params: Record<string, SignableValue>,
  ...names: string[]
): string | undefined {
  for (const name of names) {
    const value = text(params[name]);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** An integer parameter; malformed → BAD_USER_INPUT naming it. */
export function optionalInt(params: Record<string, SignableValue>, ...names: string[]): number | undefined {
  const value = optionalString(params, ...names);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,12}$/.test(value))
    throw new AppError('BAD_USER_INPUT', `${names[0]} must be an integer`, { argument: names[0] });
  return Number(value);
}

export function requiredString(params: Record<string, SignableValue>, ...names: string[]): string {
  const value = optionalString(params, ...names);
  if (value === undefined)
    throw new AppError('BAD_USER_INPUT', `${names[0]} is required`, { argument: names[0] });
  return value;
}

/** `1`/`true` (any case) → true; `0`/`false` → false; absent → undefined. */
export function optionalFlag(params: Record<string, SignableValue>, ...names: string[]): boolean | undefined {
  const value = optionalString(params, ...names);
  if (value === undefined) return undefined;
  if (/^(1|true)$/i.test(value)) return true;
  if (/^(0|false)$/i.test(value)) return false;
  throw new AppError('BAD_USER_INPUT', `${names[0]} must be 1/true or 0/false`, { argument: names[0] });
}

/** An array parameter given as an array (JSON, `a[]=`) or a comma list. */
export function optionalList(
  params: Record<string, SignableValue>,
  ...names: string[]
): string[] | undefined {
  for (const name of names) {
    const value = params[name];
    if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
    const single = text(value);
    if (single)
      return single
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
  }
  return undefined;
}

/**
 * Legacy `page`/`page_size`: defaults 1/20; sizes above the endpoint's maximum are cut
 * to it and pages/sizes below 1 raised to 1, as the old API did rather than refusing.
 */
export function legacyPaging(
  params: Record<string, SignableValue>,
  max: number,
  defaultSize = 20,
): { page: number; pageSize: number } {
  const page = optionalInt(params, 'page') ?? 1;
  const size = optionalInt(params, 'page_size', 'pagesize') ?? defaultSize;
  return { page: Math.max(1, page), pageSize: Math.min(max, Math.max(1, size)) };
}

/** merchant-api.md §5: `page`/`page_size` default 1/20; the legacy API clamps `page_size` to 1–100 rather than refusing. */
export function legacyPage(params: Record<string, SignableValue>): { page: number; pageSize: number } {
  const page = optionalInt(params, 'page') ?? 1;
  const pageSize = optionalInt(params, 'page_size') ?? 20;
  return { page: Math.max(1, page), pageSize: Math.min(100, Math.max(1, pageSize)) };
}

/**
 * A time-range bound as an ISO instant: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss` (China time) or a
 * 10/13-digit Unix timestamp. A date-only end bound means through the end of that day, as
 * the legacy API reads it. Malformed → BAD_USER_INPUT naming the parameter.
 */
export function optionalTimeBound(
  params: Record<string, SignableValue>,
  bound: 'start' | 'end',
  ...names: string[]
): string | undefined {
  const value = optionalString(params, ...names);
  if (value === undefined) return undefined;
  const instant = parseChinaDateTime(value);
  if (!instant)
    throw new AppError('BAD_USER_INPUT', `${names[0]} must be YYYY-MM-DD[ HH:mm:ss] or a Unix timestamp`, {
      argument: names[0],
    });
  // The last millisecond of the day: the graph's bounds are inclusive.
  if (bound === 'end' && isDateOnly(value)) return new Date(addDays(instant, 1).getTime() - 1).toISOString();
  return instant.toISOString();
}

/** `/orderdetail` and the order commands: `merchant_order_no` and/or `platform_order_no`, at least one. */
export function orderReference(params: Record<string, SignableValue>): {
  merchantOrderNo: string | null;
  platformOrderNo: string | null;
} {
  const merchantOrderNo = optionalString(params, 'merchant_order_no') ?? null;
  const platformOrderNo = optionalString(params, 'platform_order_no') ?? null;
  if (merchantOrderNo === null && platformOrderNo === null)
    throw new AppError('BAD_USER_INPUT', 'merchant_order_no or platform_order_no is required', {
      argument: 'merchant_order_no',
    });
  return { merchantOrderNo, platformOrderNo };
}

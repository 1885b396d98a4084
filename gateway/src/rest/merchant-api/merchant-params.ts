import { AppError, type Actor, type SignableValue } from '@pay/common';

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

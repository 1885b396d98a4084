import {
  addDays,
  amountArgument,
  AppError,
  isDateOnly,
  parseChinaDateTime,
  parsePercent,
  type Fen,
  type RatePpm,
} from '@pay/common';

const CLIENT_SN = /^[A-Za-z0-9_-]{1,64}$/;
const UNION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Mainland mobile numbers, as the spec's examples (13804542921). */
const PHONE = /^1\d{10}$/;

/** A positive yuan amount (at most two decimals) in fen; INVALID_AMOUNT otherwise. */
export const parsePositiveAmount = (value: string, argument = 'amount'): Fen =>
  amountArgument(value, argument);

/** A fee rate given as a percent string ("0.6") in ppm; BAD_USER_INPUT otherwise. */
export function parseRate(value: string, argument: string): RatePpm {
  try {
    return parsePercent(value);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', error instanceof Error ? error.message : 'invalid rate', {
      argument,
    });
  }
}

export function checkClientSn(value: string, argument = 'clientSn'): string {
  const sn = value.trim();
  if (!CLIENT_SN.test(sn))
    throw new AppError('BAD_USER_INPUT', `${argument} must be 1-64 letters, digits, _ or -`, { argument });
  return sn;
}

export function checkUnionId(value: string, argument = 'unionId'): string {
  const id = value.trim();
  if (!UNION_ID.test(id))
    throw new AppError('BAD_USER_INPUT', `${argument} must be 1-64 letters, digits, _ or -`, { argument });
  return id;
}

export function checkPhone(value: string, argument = 'phone'): string {
  const phone = value.trim();
  if (!PHONE.test(phone))
    throw new AppError('BAD_USER_INPUT', `${argument} must be an 11-digit mobile number`, { argument });
  return phone;
}

/** A text argument with a length limit (empty allowed). */
export function checkText(value: string | null | undefined, argument: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length > max)
    throw new AppError('BAD_USER_INPUT', `${argument} must be at most ${max} characters`, { argument, max });
  return text;
}

/** Numeric ids arrive as GraphQL IDs (strings); anything else is a BAD_USER_INPUT. */
export function parseId(value: string | number, argument: string): number {
  const text = String(value).trim();
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0)
    throw new AppError('BAD_USER_INPUT', `${argument} must be a positive integer id`, { argument });
  return Number(text);
}

/** A half-open instant range; either end may be open ("默认全查"). */
export interface TimeRange {
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
}

function parseBound(text: string, argument: string): Date {
  const date = parseChinaDateTime(text);
  if (!date)
    throw new AppError(
      'BAD_USER_INPUT',
      `${argument} must be a Unix timestamp, a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:mm:ss)`,
      { argument },
    );
  return date;
}

/**
 * The legacy `startTime`/`endTime` (Unix seconds; dates and date-times in China time
 * are accepted too). Both ends are inclusive: a date-only end means through that day,
 * a timestamp end through that second. Absent or empty ends are open.
 */
export function parseTimeRange(startTime?: string | null, endTime?: string | null): TimeRange {
  const start = startTime?.trim() || null;
  const end = endTime?.trim() || null;
  const from = start === null ? null : parseBound(start, 'startTime');
  let to: Date | null = null;
  if (end !== null) {
    const parsed = parseBound(end, 'endTime');
    to = isDateOnly(end) ? addDays(parsed, 1) : new Date(parsed.getTime() + 1000);
  }
  if (from && to && from.getTime() >= to.getTime())
    throw new AppError('BAD_USER_INPUT', '时间范围有误', { argument: 'startTime' });
  return { from, to };
}

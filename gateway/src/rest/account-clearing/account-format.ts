import { AppError, formatChinaDate, formatChinaDateTime, type SignableValue } from '@pay/common';
import type { IncomingPaymentStatus } from '../generated';

export { fen } from '../legacy-money';

/** `2019-05-18T16:17:00` (China time), as the main-account endpoints show times; absent → "". */
export function isoLikeTime(iso: string | null | undefined): string {
  return iso ? formatChinaDateTime(new Date(iso)).replace(' ', 'T') : '';
}

/** `2019-02-06 9:00` (China time, hour unpadded), as the children endpoints show times; absent → "". */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const [hours, minutes] = formatChinaDateTime(date).slice(11, 16).split(':');
  return `${formatChinaDate(date)} ${Number(hours)}:${minutes}`;
}

/** A parameter as a trimmed string; absent, null or "" → undefined (the spec allows all three). */
export function optionalParam(params: Record<string, SignableValue>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new AppError('BAD_USER_INPUT', `${name} must be a string`, { argument: name });
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** `page`: a positive integer, default 1. */
export function pageParam(params: Record<string, SignableValue>): number {
  const text = optionalParam(params, 'page');
  if (text === undefined) return 1;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
    throw new AppError('BAD_USER_INPUT', 'page must be a positive integer', { argument: 'page' });
  return Number(text);
}

/** `startTime` / `endTime`: Unix seconds. */
export function secondsParam(params: Record<string, SignableValue>, name: string): string | undefined {
  const text = optionalParam(params, name);
  if (text !== undefined && !/^\d{1,12}$/.test(text))
    throw new AppError('BAD_USER_INPUT', `${name} must be Unix seconds`, { argument: name });
  return text;
}

const STATUSES: Record<string, IncomingPaymentStatus | undefined> = {
  ALL: undefined,
  '1': 'PAID',
  '0': 'FAILED',
  '-1': 'WAITING',
};

/** in_detail `status`: ALL (or absent), 1 paid, 0 failed, -1 waiting → the graph's enum. */
export function statusParam(params: Record<string, SignableValue>): IncomingPaymentStatus | undefined {
  const text = optionalParam(params, 'status');
  if (text === undefined) return undefined;
  const key = text.toUpperCase();
  if (!(key in STATUSES))
    throw new AppError('BAD_USER_INPUT', 'status must be ALL, 1, 0 or -1', { argument: 'status' });
  return STATUSES[key];
}

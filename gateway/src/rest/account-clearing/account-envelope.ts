import type { Response } from 'express';
import { ERROR_CODES } from '@pay/common';

/** account-clearing-api.md: `{ s, m, d }`, `s` is `success` or `fail`. */
export interface AccountEnvelope<T> {
  s: 'success' | 'fail';
  m: string;
  d: T | null;
}

/** How an endpoint's answer is wrapped: bare (main-account endpoints) or `{ data, sign }` (children endpoints). */
export type EnvelopeStyle = 'plain' | 'wrapped';

/** Messages of this API where the registry's generic one would mislead (its only NOT_FOUND is a child). */
const ACCOUNT_MESSAGES: Record<string, string> = { NOT_FOUND: '子账户不存在' };

/** Writes `envelope` in `style` with the HTTP `status`. */
export function sendAccount<T>(
  res: Response,
  style: EnvelopeStyle,
  status: number,
  envelope: AccountEnvelope<T>,
): void {
  // The children endpoints' example answers `"sign": ""`: responses are not signed.
  res.status(status).json(style === 'wrapped' ? { data: envelope, sign: '' } : envelope);
}

export function sendAccountData<T>(res: Response, style: EnvelopeStyle, data: T): void {
  sendAccount(res, style, 200, { s: 'success', m: '成功', d: data });
}

/** A failure with the documented message and the HTTP status the error registry gives the code. */
export function sendAccountError(res: Response, style: EnvelopeStyle, code: string): void {
  const known = (ERROR_CODES as Record<string, { httpStatus: number; legacyMessage: string }>)[code];
  sendAccount(res, style, known?.httpStatus ?? 500, {
    s: 'fail',
    m: ACCOUNT_MESSAGES[code] ?? known?.legacyMessage ?? ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage,
    d: null,
  });
}

import type { Response } from 'express';
import { ERROR_CODES, type ErrorCode } from '@pay/common';
import type { LegacyEnvelopeError } from '../legacy-envelope';

/** merchant-api.md: `{ code, message, data }`, `code = 0` on success. */
export interface MerchantEnvelope<T> {
  code: number;
  message: string;
  data: T | null;
}

/** The failure code (ours: the spec only says "non-zero"). */
export const MERCHANT_API_FAILURE = 1;

/** A handler's answer with a success message of its own (e.g. /createorder's `订单创建成功`). */
export class MerchantReply<T = unknown> {
  constructor(
    readonly data: T,
    readonly message: string,
  ) {}
}

export function sendMerchantData<T>(res: Response, data: T, message = 'success'): void {
  res.json({ code: 0, message, data } satisfies MerchantEnvelope<T>);
}

/**
 * A failure in the envelope with the documented message (merchant-api.md §18 and the
 * per-endpoint failures) and the HTTP status the error registry gives the code.
 */
export function sendMerchantError(res: Response, code: string, message?: string): void {
  const known = (ERROR_CODES as Record<string, { httpStatus: number; legacyMessage: string }>)[code];
  res.status(known?.httpStatus ?? 500).json({
    code: MERCHANT_API_FAILURE,
    message: message ?? known?.legacyMessage ?? ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage,
    data: null,
  } satisfies MerchantEnvelope<null>);
}

export const legacyMessageOf = (code: ErrorCode | string): string =>
  (ERROR_CODES as Record<string, { legacyMessage: string }>)[code]?.legacyMessage ??
  ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage;

/** An error in the merchant API's envelope with `message` (body parsers, 404/405, rate limits). */
export const merchantApiEnvelopeError: LegacyEnvelopeError = (_req, res, status, message) => {
  res
    .status(status)
    .json({ code: MERCHANT_API_FAILURE, message, data: null } satisfies MerchantEnvelope<null>);
};

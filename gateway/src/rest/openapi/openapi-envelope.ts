import type { Response } from 'express';
import { ERROR_CODES } from '@pay/common';
import type { LegacyEnvelopeError } from '../legacy-envelope';

/** fubei-openapi.md: `{ result_code, result_message, data }`; 200 success, 400 platform error. */
export interface OpenApiEnvelope<T> {
  result_code: number;
  result_message: string;
  data: T | null;
}

export const OPEN_API_SUCCESS = 200;
export const OPEN_API_FAILURE = 400;

/** Our message for a `method` the platform does not offer (the spec documents none). */
export const UNKNOWN_METHOD_MESSAGE = '接口方法不存在';

export function sendOpenApiData<T>(res: Response, data: T): void {
  res.json({ result_code: OPEN_API_SUCCESS, result_message: '成功', data } satisfies OpenApiEnvelope<T>);
}

/**
 * A failure in the envelope with the error registry's legacy message. Always HTTP 200:
 * the Fubei SDKs read `result_code` from the body, and some treat other statuses as
 * transport failures that hide the message.
 */
export function sendOpenApiError(res: Response, code: string, message?: string): void {
  const known = (ERROR_CODES as Record<string, { legacyMessage: string }>)[code];
  res.json({
    result_code: OPEN_API_FAILURE,
    result_message: message ?? known?.legacyMessage ?? ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage,
    data: null,
  } satisfies OpenApiEnvelope<null>);
}

/**
 * An error in the envelope with `message` (body parsers, 404/405, rate limits). HTTP 200
 * whatever `status` says, as every failure of this API (see {@link sendOpenApiError}).
 */
export const openApiEnvelopeError: LegacyEnvelopeError = (_req, res, _status, message) => {
  res.status(200).json({
    result_code: OPEN_API_FAILURE,
    result_message: message,
    data: null,
  } satisfies OpenApiEnvelope<null>);
};

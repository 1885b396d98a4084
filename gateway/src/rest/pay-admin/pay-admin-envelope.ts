import type { Response } from 'express';
import { ERROR_CODES } from '@pay/common';
import { requestPath, type LegacyEnvelopeError } from '../legacy-envelope';

/**
 * The envelope shapes the spec's examples use, per endpoint:
 * - `code`: `{ code, data }` (`/pay/order_details`, `/pay/check_record/`);
 * - `codeString`: the same with `code: "200"` as a string (`/pay/consume_order`);
 * - `msg`: `{ code, msg, data }` (`/pay/account/`, `/pay/settlement/`);
 * - `msgState`: `{ code, msg, state, data }` (`/pay/check_bills`, `state: 0` on success).
 */
export type EnvelopeStyle = 'code' | 'codeString' | 'msg' | 'msgState';

/** The success message the examples show. */
export const QUERY_OK = '查询成功';

/** State of a failed `msgState` answer (ours: the spec shows only `state: 0`). */
const FAILURE_STATE = 1;

function envelope(style: EnvelopeStyle, status: number, msg: string, data: unknown): Record<string, unknown> {
  switch (style) {
    case 'codeString':
      return { code: String(status), ...(status === 200 ? {} : { msg }), data };
    case 'code':
      return { code: status, ...(status === 200 ? {} : { msg }), data };
    case 'msg':
      return { code: status, msg, data };
    case 'msgState':
      return { code: status, msg, state: status === 200 ? 0 : FAILURE_STATE, data };
  }
}

export function sendAdminData(res: Response, style: EnvelopeStyle, data: unknown, msg = QUERY_OK): void {
  res.json(envelope(style, 200, msg, data));
}

/**
 * A failure in the endpoint's envelope: `code` is the HTTP status the error registry gives
 * the error code (ours: the spec documents no failure), `msg` its documented legacy message,
 * `data` null — never a stack trace.
 */
export function sendAdminError(res: Response, style: EnvelopeStyle, code: string): void {
  const known = (ERROR_CODES as Record<string, { httpStatus: number; legacyMessage: string }>)[code];
  const status = known?.httpStatus ?? 500;
  const msg = known?.legacyMessage ?? ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage;
  res.status(status).json(envelope(style, status, msg, null));
}

/** The envelope each endpoint answers in (pay-admin-api.md's examples); other paths `msg`. */
const STYLE_OF_PATH: Record<string, EnvelopeStyle> = {
  '/pay/consume_order': 'codeString',
  '/pay/order_details': 'code',
  '/pay/check_record': 'code',
  '/pay/check_bills': 'msgState',
  '/pay/account': 'msg',
  '/pay/settlement': 'msg',
};

/**
 * An error with `message` in the envelope of the endpoint the request named (`msg` for
 * an unknown path), `code` the HTTP status: body parsers, 404/405, rate limits.
 */
export const payAdminEnvelopeError: LegacyEnvelopeError = (req, res, status, message) => {
  const style = STYLE_OF_PATH[requestPath(req)] ?? 'msg';
  res.status(status).json(envelope(style, status, message, null));
};

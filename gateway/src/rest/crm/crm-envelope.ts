import type { Response } from 'express';
import { ERROR_CODES } from '@pay/common';
import type { LegacyEnvelopeError } from '../legacy-envelope';

/** crm-billing-api.md: `{ msg, status, data }`, `status 0` and `msg ""` on success. */
export interface CrmEnvelope<T> {
  msg: string;
  status: number;
  data: T | null;
}

/** The failure status (ours: the spec only shows success; LEGACY-PROTOCOLS.md says non-zero). */
export const CRM_FAILURE = 1;

/**
 * Messages the CRM API renders differently from the registry's legacy message. Every
 * NOT_FOUND a CRM operation can raise is about the merchant (`mch_id`), and the
 * registry's NOT_FOUND text speaks of an order.
 */
const CRM_MESSAGE_CODE: Record<string, string> = { NOT_FOUND: 'MERCHANT_DISABLED' };

type Known = { httpStatus: number; legacyMessage: string };
const known = (code: string): Known | undefined => (ERROR_CODES as Record<string, Known>)[code];

export function sendCrmData<T>(res: Response, data: T): void {
  res.json({ msg: '', status: 0, data } satisfies CrmEnvelope<T>);
}

/**
 * A failure in the envelope: non-zero status, the documented legacy message of the code,
 * no data, and the HTTP status the error registry gives the code (as the merchant API does).
 */
export function sendCrmError(res: Response, code: string): void {
  const entry = known(code);
  const message = known(CRM_MESSAGE_CODE[code] ?? code)?.legacyMessage;
  res.status(entry?.httpStatus ?? 500).json({
    msg: message ?? ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage,
    status: CRM_FAILURE,
    data: null,
  } satisfies CrmEnvelope<null>);
}

/** An error in the CRM envelope with `message` (body parsers, 404/405, rate limits). */
export const crmEnvelopeError: LegacyEnvelopeError = (_req, res, status, message) => {
  res.status(status).json({ msg: message, status: CRM_FAILURE, data: null } satisfies CrmEnvelope<null>);
};

import { z } from 'zod';
import type { SignableValue } from '../signatures/merchant-signature';
import type { InternalContract } from './internal-client';

// The gateway's REST shim asks the service that keeps a legacy API's keys whether a
// request is signed right; the keys never leave their owner. A refusal is an answer
// (200, `ok: false`), not an error: the shim counts it against the caller's limits.

/** The request's parameters exactly as the caller signed them (`sign` among them). */
const signedParams = z.record(z.custom<SignableValue>(() => true));

const refused = <C extends readonly [string, ...string[]]>(codes: C) =>
  z.object({ ok: z.literal(false), code: z.enum(codes) });

/** Merchant API (merchant-api.md): the merchant's key, or the master key (`platformOnly`: the master key alone). */
export const merchantApiVerdictContract = {
  path: '/internal/merchant-api/verify-signature',
  request: z.object({ params: signedParams, platformOnly: z.boolean().default(false) }),
  answer: z.union([
    z.object({
      ok: z.literal(true),
      caller: z.union([
        z.object({
          kind: z.literal('merchant'),
          merchantId: z.number().int().positive(),
          masterKey: z.boolean(),
        }),
        z.object({ kind: z.literal('platform') }),
      ]),
    }),
    refused(['SIGNATURE_INVALID', 'MERCHANT_DISABLED'] as const),
  ]),
} satisfies InternalContract;

/** Fubei-style open API: the app's key; the envelope's parameters are the strings the client signed. */
export const openApiVerdictContract = {
  path: '/internal/open-api/verify-signature',
  request: z.object({ params: z.record(z.string()) }),
  answer: z.union([
    z.object({ ok: z.literal(true), merchantId: z.number().int().positive() }),
    refused(['SIGNATURE_INVALID', 'MERCHANT_DISABLED'] as const),
  ]),
} satisfies InternalContract;

/** Account-clearing API: the main account's own key (the ledger keeps it). */
export const accountApiVerdictContract = {
  path: '/internal/account-api/verify-signature',
  request: z.object({ params: signedParams }),
  answer: z.union([
    z.object({
      ok: z.literal(true),
      mainAccount: z.object({
        mainAccountId: z.number().int().positive(),
        unionId: z.string(),
        merchantId: z.number().int().positive().nullable(),
      }),
    }),
    refused(['SIGNATURE_INVALID'] as const),
  ]),
} satisfies InternalContract;

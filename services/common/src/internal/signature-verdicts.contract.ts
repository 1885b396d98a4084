import { z } from 'zod';
import type { Actor } from '../auth/actor';
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

/** Who a verified merchant API request speaks for (the verdict's `caller`). */
export type MerchantApiCaller = Extract<
  z.output<typeof merchantApiVerdictContract.answer>,
  { ok: true }
>['caller'];

/**
 * The actor a merchant API request runs its operations as: the merchant itself, or — for
 * the master-key platform endpoint — a read-only platform actor. The gateway builds its
 * claim with it, and orders compares a folded verdict's caller with the claim through it.
 */
export function merchantApiActor(caller: MerchantApiCaller, ip?: string): Actor {
  const at = ip ? { ip } : {};
  return caller.kind === 'platform'
    ? { sub: 'merchant-api:master-key', role: 'ANALYST', ...at }
    : { sub: `merchant:${caller.merchantId}`, role: 'MERCHANT', merchantId: caller.merchantId, ...at };
}

/**
 * The verdict folded into a subgraph call: the gateway sends a claimed actor
 * (`signClaimHeader`, proof `merchant-api`) and the signed parameters in the GraphQL
 * request's `extensions` under this name; orders checks them before it runs the
 * operation and says how in the `SIGNATURE_VERDICT_HEADER` of its answer (`ok`, or the
 * refusal's code). One internal call per legacy request instead of two.
 */
export const MERCHANT_API_PROOF_EXTENSION = 'merchantApiSignature';
export const SIGNATURE_VERDICT_HEADER = 'x-payoffice-signature-verdict';

import type { z } from 'zod';
import {
  ACTOR_HEADER,
  AppError,
  parseInternalRequest,
  signActorHeader,
  type InternalContract,
} from '@pay/common';
import { keepAliveFetcher } from '../graphql/keep-alive-fetcher';
import { signatureCheckLimits, type SignatureCheckLimits } from '../rate-limits/legacy-rate-limits';

type Fetcher = ReturnType<typeof keepAliveFetcher>['fetcher'];

/**
 * One kept-alive connection pool per service asked (orders, ledger): a verdict is asked
 * on every signed legacy request, so it must not pay for a new connection or for the
 * global fetch's stream plumbing each time. Idle sockets are unref'd by the agent and
 * never hold the process open.
 */
const fetchers = new Map<string, Fetcher>();
const VERDICT_TIMEOUT_MS = 5000;

function fetcherFor(url: string): Fetcher {
  const origin = new URL(url).origin;
  let fetcher = fetchers.get(origin);
  if (!fetcher) {
    fetcher = keepAliveFetcher(origin, VERDICT_TIMEOUT_MS).fetcher;
    fetchers.set(origin, fetcher);
  }
  return fetcher;
}

/** A signature verdict endpoint: its answer is a verdict, `ok: false` with a refusal code or `ok: true`. */
type VerdictContract = InternalContract & { answer: z.ZodType<{ ok: boolean }> };

/**
 * Asks the service that keeps a legacy API's secrets (orders: merchant, master and
 * open-API keys; ledger: account keys) whether a request is signed right, through the
 * endpoint's contract (common/internal/signature-verdicts.contract.ts): the body is checked
 * before it is sent, the answer when it arrives. The secrets never reach the gateway.
 * Unreachable or an answer outside the contract → DEPENDENCY_UNAVAILABLE. A refusal
 * (`{ ok: false, code }`) becomes that AppError; the caller gets the accepted verdict.
 */
export async function askSignatureVerdict<C extends VerdictContract>(options: {
  baseUrl: string;
  contract: C;
  caller: string;
  internalSecret: string;
  body: z.input<C['request']>;
}): Promise<Extract<z.output<C['answer']>, { ok: true }>> {
  const body = parseInternalRequest(options.contract, options.body);
  // Per IP, per merchant and bad-signature limits of the signed legacy APIs (RATE_LIMITED).
  const limits = await signatureCheckLimits(options.caller, body);
  return concludeVerdict(await fetchSignatureVerdict(options, body), limits);
}

/** The verdict endpoint's answer for an already checked body, without the limits' bookkeeping. */
export async function fetchSignatureVerdict<C extends VerdictContract>(
  options: { baseUrl: string; contract: C; caller: string; internalSecret: string },
  body: z.output<C['request']>,
): Promise<z.output<C['answer']>> {
  const url = `${options.baseUrl}${options.contract.path}`;
  try {
    const response = await fetcherFor(url)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader({ sub: options.caller, role: 'SYSTEM' }, options.internalSecret),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`verify-signature answered ${response.status}`);
    const parsed = options.contract.answer.safeParse(await response.json());
    if (!parsed.success) throw new Error('verify-signature answered outside its contract');
    return parsed.data as z.output<C['answer']>;
  } catch (error) {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'the signature could not be checked', {
      reason: (error as Error).message,
    });
  }
}

/** A verdict's effect on the caller's limits: a refusal counted and thrown as its AppError, an acceptance counted. */
export async function concludeVerdict<V extends { ok: boolean }>(
  verdict: V,
  limits: SignatureCheckLimits | null,
): Promise<Extract<V, { ok: true }>> {
  if (!verdict.ok) {
    const { code } = verdict as unknown as { code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };
    await limits?.refused(code);
    throw new AppError(code);
  }
  await limits?.accepted();
  return verdict as Extract<V, { ok: true }>;
}

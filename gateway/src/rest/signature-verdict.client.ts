import type { z } from 'zod';
import {
  AppError,
  createInternalClient,
  parseInternalRequest,
  type InternalCall,
  type InternalContract,
} from '@pay/common';
import { keepAliveFetcher } from '../graphql/keep-alive-fetcher';
import { signatureCheckLimits, type SignatureCheckLimits } from '../rate-limits/legacy-rate-limits';

const VERDICT_TIMEOUT_MS = 5000;

/**
 * One internal client per owner and caller, over one kept-alive connection pool per owner
 * (orders, ledger): a verdict is asked on every signed legacy request, so it must not pay
 * for a new connection or for the global fetch's stream plumbing each time. Idle sockets
 * are unref'd by the agent and never hold the process open.
 */
const transports = new Map<string, ReturnType<typeof keepAliveFetcher>['fetcher']>();
const clients = new Map<string, InternalCall>();

function clientFor(baseUrl: string, caller: string, internalSecret: string): InternalCall {
  const key = `${baseUrl}\n${caller}\n${internalSecret}`;
  let client = clients.get(key);
  if (!client) {
    const origin = new URL(baseUrl).origin;
    let transport = transports.get(origin);
    if (!transport) {
      transport = keepAliveFetcher(origin, VERDICT_TIMEOUT_MS).fetcher;
      transports.set(origin, transport);
    }
    client = createInternalClient({
      service: 'the signature check',
      baseUrl,
      caller: { sub: caller, role: 'SYSTEM' },
      internalSecret,
      timeoutMs: VERDICT_TIMEOUT_MS,
      transport,
    });
    clients.set(key, client);
  }
  return client;
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

/**
 * The verdict endpoint's answer for an already checked body, without the limits'
 * bookkeeping, through the internal client (signed SYSTEM caller, request id, deadline,
 * the answer checked against the contract): no answer in the contract in time is
 * DEPENDENCY_UNAVAILABLE.
 */
export async function fetchSignatureVerdict<C extends VerdictContract>(
  options: { baseUrl: string; contract: C; caller: string; internalSecret: string },
  body: z.output<C['request']>,
): Promise<z.output<C['answer']>> {
  return (await clientFor(
    options.baseUrl,
    options.caller,
    options.internalSecret,
  )(options.contract, body)) as z.output<C['answer']>;
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

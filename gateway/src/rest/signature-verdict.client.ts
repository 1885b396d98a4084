import { ACTOR_HEADER, AppError, signActorHeader } from '@pay/common';
import { keepAliveFetcher } from '../graphql/keep-alive-fetcher';
import { signatureCheckLimits } from '../rate-limits/legacy-rate-limits';

type Fetcher = ReturnType<typeof keepAliveFetcher>['fetcher'];

/**
 * One kept-alive connection pool per service asked (orders, ledger): a verdict is asked
 * on every signed legacy request, so it must not pay for a new connection or for the
 * global fetch's stream plumbing each time. Idle sockets are unref'd by the agent and
 * never hold the process open.
 */
const fetchers = new Map<string, Fetcher>();

function fetcherFor(url: string): Fetcher {
  const origin = new URL(url).origin;
  let fetcher = fetchers.get(origin);
  if (!fetcher) {
    fetcher = keepAliveFetcher(origin).fetcher;
    fetchers.set(origin, fetcher);
  }
  return fetcher;
}

/**
 * Asks the service that keeps a legacy API's secrets (orders: merchant, master and
 * open-API keys; ledger: account keys) whether a request is signed right; the secrets
 * never reach the gateway. Unreachable or an unexpected answer → DEPENDENCY_UNAVAILABLE.
 * A refusal (`{ ok: false, code }`) becomes that AppError; the caller gets the rest.
 */
export async function askSignatureVerdict<V extends { ok: true }>(options: {
  url: string;
  caller: string;
  internalSecret: string;
  body: unknown;
}): Promise<V> {
  // Per IP, per merchant and bad-signature limits of the signed legacy APIs (RATE_LIMITED).
  const limits = await signatureCheckLimits(options.caller, options.body);
  let verdict: V | { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };
  try {
    const response = await fetcherFor(options.url)(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader({ sub: options.caller, role: 'SYSTEM' }, options.internalSecret),
      },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`verify-signature answered ${response.status}`);
    verdict = (await response.json()) as typeof verdict;
  } catch (error) {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'the signature could not be checked', {
      reason: (error as Error).message,
    });
  }
  if (!verdict.ok) {
    await limits?.refused(verdict.code);
    throw new AppError(verdict.code);
  }
  await limits?.accepted();
  return verdict;
}

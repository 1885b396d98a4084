import { ACTOR_HEADER, AppError, signActorHeader, type Actor } from '@pay/common';

type Verdict =
  { ok: true; merchantId: number } | { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };

/**
 * Authenticates an open API request at the orders service, which keeps the apps'
 * secrets (they never reach the gateway): it checks the Fubei signature over the
 * envelope's parameters and answers the merchant the app speaks for. The route's
 * GraphQL operations then run as that merchant.
 */
export async function authenticateOpenApiRequest(
  params: Record<string, string>,
  options: { ordersUrl: string; internalSecret: string; ip: string | undefined },
): Promise<Actor> {
  if (!params.app_id || !params.sign) throw new AppError('SIGNATURE_INVALID');
  let verdict: Verdict;
  try {
    const response = await fetch(`${options.ordersUrl}/internal/open-api/verify-signature`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader({ sub: 'gateway:open-api', role: 'SYSTEM' }, options.internalSecret),
      },
      body: JSON.stringify({ params }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`verify-signature answered ${response.status}`);
    verdict = (await response.json()) as Verdict;
  } catch (error) {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'the signature could not be checked', {
      reason: (error as Error).message,
    });
  }
  if (!verdict.ok) throw new AppError(verdict.code);
  return {
    sub: `open-api:${params.app_id}`,
    role: 'MERCHANT',
    merchantId: verdict.merchantId,
    ...(options.ip ? { ip: options.ip } : {}),
  };
}

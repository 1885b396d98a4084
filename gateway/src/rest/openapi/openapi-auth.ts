import { AppError, openApiVerdictContract, type Actor } from '@pay/common';
import { askSignatureVerdict } from '../signature-verdict.client';

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
  const verdict = await askSignatureVerdict({
    baseUrl: options.ordersUrl,
    contract: openApiVerdictContract,
    caller: 'gateway:open-api',
    internalSecret: options.internalSecret,
    body: { params },
  });
  return {
    sub: `open-api:${params.app_id}`,
    role: 'MERCHANT',
    merchantId: verdict.merchantId,
    ...(options.ip ? { ip: options.ip } : {}),
  };
}

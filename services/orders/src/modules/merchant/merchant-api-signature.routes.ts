import type { Router } from 'express';
import { internalRoute, merchantApiVerdictContract } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { verifyMerchantApiSignature } from './merchant-api-signature';

/**
 * `POST /internal/merchant-api/verify-signature` (merchantApiVerdictContract): the
 * gateway's REST shim asks whether a legacy merchant API request is signed right,
 * answered `{ ok: true, caller }` or `{ ok: false, code }` (SIGNATURE_INVALID,
 * MERCHANT_DISABLED). Signed SYSTEM callers only.
 */
export function merchantApiSignatureRoutes({ orm, config, merchantCredentials }: OrdersRuntime): Router {
  const { internalSecret, masterKey } = config.auth;
  return internalRoute(merchantApiVerdictContract, { internalSecret, bodyLimit: '256kb' }, (request) =>
    // No fork, no identity map: a kept or single-row read (see the function).
    verifyMerchantApiSignature(orm.em, merchantCredentials, masterKey, request.params, {
      platformOnly: request.platformOnly,
    }),
  );
}

import type { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { internalRoute, merchantApiVerdictContract } from '@pay/common';
import { verifyMerchantApiSignature } from './merchant-api-signature';

/**
 * `POST /internal/merchant-api/verify-signature` (merchantApiVerdictContract): the
 * gateway's REST shim asks whether a legacy merchant API request is signed right,
 * answered `{ ok: true, caller }` or `{ ok: false, code }` (SIGNATURE_INVALID,
 * MERCHANT_DISABLED). Signed SYSTEM callers only.
 */
export function merchantApiSignatureRoutes(orm: MikroORM, internalSecret: string, masterKey: string): Router {
  return internalRoute(merchantApiVerdictContract, { internalSecret, bodyLimit: '256kb' }, (request) =>
    // A single-row read on the connection: no fork, no identity map (see the function).
    verifyMerchantApiSignature(orm.em, masterKey, request.params, { platformOnly: request.platformOnly }),
  );
}

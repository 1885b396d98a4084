import type { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { internalRoute, openApiVerdictContract } from '@pay/common';
import { verifyOpenApiSignature } from './open-api-signature';

/**
 * `POST /internal/open-api/verify-signature` (openApiVerdictContract): the gateway's REST
 * shim asks whether a Fubei-style open API request is signed right, answered
 * `{ ok: true, merchantId }` or `{ ok: false, code }` (SIGNATURE_INVALID,
 * MERCHANT_DISABLED). Signed SYSTEM callers only.
 */
export function openApiSignatureRoutes(orm: MikroORM, internalSecret: string): Router {
  return internalRoute(openApiVerdictContract, { internalSecret, bodyLimit: '256kb' }, (request) =>
    verifyOpenApiSignature(orm.em.fork(), request.params),
  );
}

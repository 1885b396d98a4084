import type { Request } from 'express';
import { AppError, bearerToken, type Actor } from '@pay/common';
import { withClientIp } from '../../auth/client-ip';
import type { TokenVerifier } from '../../auth/token-verifier';

/**
 * LEGACY-PROTOCOLS.md, `/pay/*`: `Authorization: Bearer <token>` from the GraphQL API's
 * issuer or the OpenID provider, checked as `auth/authenticate.ts` checks it (same
 * verifier, same client IP), but failing with AppError so the route answers in the admin
 * API's envelope rather than the GraphQL error shape. Operators may do everything;
 * analysts may only read.
 */
export async function authenticatePayAdmin(
  req: Request,
  tokens: TokenVerifier,
  write: boolean,
): Promise<Actor> {
  const token = bearerToken(req.header('authorization'));
  if (!token) throw new AppError('UNAUTHENTICATED', 'a bearer token is required');
  const actor = withClientIp(await tokens.verify(token), req);
  const allowed: readonly Actor['role'][] = write ? ['OPERATOR'] : ['OPERATOR', 'ANALYST'];
  if (!allowed.includes(actor.role)) throw new AppError('FORBIDDEN', 'operators only');
  return actor;
}

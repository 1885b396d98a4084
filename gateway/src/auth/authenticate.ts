import type { NextFunction, Request, Response } from 'express';
import { AppError, bearerToken, ERROR_CODES, isAppError, type Actor } from '@pay/common';
import { withClientIp } from './client-ip';
import type { TokenVerifier } from './token-verifier';

export interface AuthenticateOptions {
  /**
   * Let a page load (GET accepting text/html) through without a token: the Sandbox
   * landing page of /graphql. Off for anything that serves data on GET (files).
   */
  landingPage?: boolean;
}

/**
 * Verifies the bearer token of a request (`token-verifier.ts`: the gateway's HS256 tokens
 * and, when configured, OpenID Connect tokens) and keeps the actor (with the caller's IP,
 * see `client-ip.ts`) in `res.locals.actor`; without a valid token the answer is a 401
 * JSON error (503 DEPENDENCY_UNAVAILABLE when the OpenID provider's keys cannot be
 * fetched). On /graphql a page load of Sandbox needs no token; every operation does.
 */
export function authenticate(tokens: TokenVerifier, options: AuthenticateOptions = {}) {
  const landingPage = options.landingPage ?? true;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // Verified already by the passthrough lane (graphql/passthrough-lane.ts).
    if (res.locals.actor) return next();
    const isLandingPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (landingPage && isLandingPage) return next();
    const token = bearerToken(req.header('authorization'));
    let actor: Actor;
    try {
      if (!token) throw new AppError('UNAUTHENTICATED', 'a bearer token is required');
      actor = await tokens.verify(token);
    } catch (error) {
      const message = isAppError(error) ? error.message : 'invalid token';
      const unavailable = isAppError(error) && error.code === 'DEPENDENCY_UNAVAILABLE';
      const code = unavailable ? 'DEPENDENCY_UNAVAILABLE' : 'UNAUTHENTICATED';
      res.status(ERROR_CODES[code].httpStatus).json({ errors: [{ message, extensions: { code } }] });
      return;
    }
    res.locals.actor = withClientIp(actor, req);
    next();
  };
}

import type { NextFunction, Request, Response } from 'express';
import { AppError, bearerToken, verifyJwt, type Actor, type JwtSettings } from '@pay/common';
import { withClientIp } from './client-ip';

export interface AuthenticateOptions {
  /**
   * Let a page load (GET accepting text/html) through without a token: the Sandbox
   * landing page of /graphql. Off for anything that serves data on GET (files).
   */
  landingPage?: boolean;
}

/**
 * Verifies the bearer token of a request and keeps the actor (with the caller's IP, see
 * `client-ip.ts`) in `res.locals.actor`; without a valid token the answer is a 401 JSON
 * error. On /graphql a page load of Sandbox needs no token; every operation does.
 */
export function authenticate(settings: JwtSettings, options: AuthenticateOptions = {}) {
  const landingPage = options.landingPage ?? true;
  return (req: Request, res: Response, next: NextFunction): void => {
    const isLandingPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (landingPage && isLandingPage) return next();
    const token = bearerToken(req.header('authorization'));
    try {
      if (!token) throw new AppError('UNAUTHENTICATED', 'a bearer token is required');
      res.locals.actor = withClientIp(verifyJwt(token, settings), req) satisfies Actor;
      next();
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'invalid token';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}

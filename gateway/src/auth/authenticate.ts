import type { NextFunction, Request, Response } from 'express';
import { AppError, bearerToken, verifyJwt, type Actor, type JwtSettings } from '@pay/common';

/**
 * Verifies the bearer token of a GraphQL request and keeps the actor for the context.
 * A page load of Sandbox (GET with text/html) needs no token; every operation does.
 */
export function authenticate(settings: JwtSettings) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const isLandingPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (isLandingPage) return next();
    const token = bearerToken(req.header('authorization'));
    try {
      if (!token) throw new AppError('UNAUTHENTICATED', 'a bearer token is required');
      res.locals.actor = verifyJwt(token, settings) satisfies Actor;
      next();
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'invalid token';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}

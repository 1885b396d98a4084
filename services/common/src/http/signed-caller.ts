import type { NextFunction, Request, Response } from 'express';
import { ACTOR_HEADER, verifyActorHeader } from '../auth/actor-header';
import type { Role } from '../auth/actor';

/**
 * Guards a service-to-service endpoint: only callers holding the internal secret (a
 * signed actor header) with one of `roles` get through; others get 401. The actor is
 * left in `res.locals.actor`.
 */
export function requireSignedCaller(internalSecret: string, roles: Role[] = ['SYSTEM']) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const actor = verifyActorHeader(req.header(ACTOR_HEADER), internalSecret);
    if (!actor || !roles.includes(actor.role)) {
      res
        .status(401)
        .json({ code: 'UNAUTHENTICATED', message: `a signed ${roles.join(' or ')} actor is required` });
      return;
    }
    res.locals.actor = actor;
    next();
  };
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { AppError, ERROR_CODES, type Actor } from '@pay/common';
import { clientIp } from '../auth/client-ip';
import type { GatewayContext } from '../graphql/context';
import { setLegacyRetryAfter } from './legacy-rate-limits';
import type { RateLimits } from './rate-limits';

/**
 * `/graphql` requests per actor (after `authenticate`: the verified token's subject; a
 * request without one — the Sandbox page — per client IP). Over the limit: HTTP 429,
 * Retry-After, and a GraphQL error with `extensions.code` `RATE_LIMITED`.
 */
export function graphqlRateLimit(limits: RateLimits): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    // The passthrough lane counted it already (graphql/passthrough-lane.ts).
    if (res.locals.rateCounted === true) return next();
    const retryAfter = await limits.hit('actor', graphqlRateKey(res.locals.actor as Actor | undefined, req));
    if (retryAfter === null) return next();
    sendGraphqlRateLimited(res, retryAfter);
  };
}

/** Whose `/graphql` requests count together: the caller's subject, else its IP. */
export const graphqlRateKey = (actor: Actor | undefined, req: Request): string =>
  actor ? `sub:${actor.sub}` : `ip:${clientIp(req) ?? 'unknown'}`;

/** 429 in GraphQL's shape, with Retry-After. */
export function sendGraphqlRateLimited(res: Response, retryAfter: number): void {
  res.setHeader('Retry-After', String(retryAfter));
  res.status(ERROR_CODES.RATE_LIMITED.httpStatus).json({
    errors: [
      {
        message: `too many requests; retry after ${retryAfter} s`,
        extensions: { code: 'RATE_LIMITED', details: { retryAfter } },
      },
    ],
  });
}

const TWO_FACTOR_FIELDS = new Set(['requestWithdrawal']);

/**
 * Wrong two-factor codes: every `TOTP_INVALID` answer counts against the actor; once there
 * were too many, the actor's mutations that take a code are refused (`RATE_LIMITED`,
 * HTTP 429 with Retry-After) until the block ends. A plugin of the gateway's Apollo
 * server, so it covers `/graphql` and the REST shim's operations (`/sendmoney`) alike.
 */
export function twoFactorFailureLimits(limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  const keyOf = (actor: Actor) => `totp:${actor.sub}`;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (operation?.operation !== 'mutation' || !contextValue.actor) return;
          const takesCode = operation.selectionSet.selections.some(
            (selection) => selection.kind === Kind.FIELD && TWO_FACTOR_FIELDS.has(selection.name.value),
          );
          if (!takesCode) return;
          const retryAfter = await limits.blocked(keyOf(contextValue.actor));
          if (retryAfter === null) return;
          setLegacyRetryAfter(retryAfter);
          throw new AppError('RATE_LIMITED', `too many wrong two-factor codes; retry after ${retryAfter} s`, {
            retryAfter,
          });
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code);
          if (codes.includes('TOTP_INVALID') && contextValue.actor)
            await limits.fail(keyOf(contextValue.actor));
          const limited = response.body.singleResult.errors?.find(
            (e) => e.extensions?.code === 'RATE_LIMITED',
          );
          if (limited) {
            const details = limited.extensions?.details as { retryAfter?: unknown } | undefined;
            response.http.status = ERROR_CODES.RATE_LIMITED.httpStatus;
            if (typeof details?.retryAfter === 'number')
              response.http.headers.set('retry-after', String(details.retryAfter));
          }
        },
      };
    },
  };
}

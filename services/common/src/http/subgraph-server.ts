import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Express, NextFunction, Request, Response } from 'express';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { ACTOR_HEADER, verifyActorHeader, verifyClaimHeader, type ActorClaim } from '../auth/actor-header';
import { ERROR_CODES } from '../errors/error-codes';
import { SIGNATURE_VERDICT_HEADER } from '../internal/signature-verdicts.contract';
import type { Actor } from '../auth/actor';
import { formatError } from '../errors/format-error';
import { currentRequestId } from '../logging/logger';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics-plugin';
import { inputGuardPlugin } from '../graphql/input-guard';
import { graphqlBodyErrorHandler } from './graphql-body-errors';

export interface SubgraphContextBase extends BaseContext {
  actor: Actor;
  requestId: string;
}

/**
 * Mounts a federation subgraph at `/graphql`. Every call must carry the gateway's
 * signed actor header; anything else is answered 401 before GraphQL runs, so nobody can
 * bypass the gateway's authorisation by calling a subgraph directly.
 */
export async function mountSubgraph<C extends SubgraphContextBase>(
  app: Express,
  options: {
    schema: GraphQLSchema;
    internalSecret: string;
    buildContext: (actor: Actor, requestId: string) => C | Promise<C>;
    /** How this subgraph checks a claimed actor's proof; without it every claim is refused. */
    checkClaim?: ClaimCheck;
  },
): Promise<ApolloServer<C>> {
  const server = new ApolloServer<C>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // No Apollo Studio: traces would only bloat responses to the gateway. No cache hints
    // either (nothing here is cacheable per field): the cache-control plugin's per-field
    // hook made Apollo wrap every resolver, ~10 % of a 100-order page.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Direct calls are refused NUL characters and invalid dates too (input-guard.ts).
      inputGuardPlugin<C>({ httpStatus: 200 }),
      clientErrorsAsOk<C>(),
      graphqlMetricsPlugin<C>(),
    ],
  });
  await server.start();
  app.use(
    '/graphql',
    (req: Request, res: Response, next: NextFunction) => {
      const header = req.header(ACTOR_HEADER);
      const actor = verifyActorHeader(header, options.internalSecret);
      const claim = actor || !options.checkClaim ? null : verifyClaimHeader(header, options.internalSecret);
      if (!actor && !claim) {
        res.status(401).json({
          errors: [
            { message: 'missing or invalid gateway signature', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        });
        return;
      }
      if (actor) res.locals.actor = actor;
      else res.locals.claim = claim;
      next();
    },
    express.json({ limit: '1mb' }),
    (req: Request, res: Response, next: NextFunction) => {
      const claim = res.locals.claim as ActorClaim | undefined;
      if (!claim) return next();
      const extensions = (req.body as { extensions?: unknown } | undefined)?.extensions;
      options.checkClaim!(claim, extensions).then((verdict) => {
        res.setHeader(SIGNATURE_VERDICT_HEADER, verdict.ok ? 'ok' : verdict.code);
        if (!verdict.ok) {
          res.status(200).json({
            errors: [{ message: ERROR_CODES[verdict.code].description, extensions: { code: verdict.code } }],
          });
          return;
        }
        res.locals.actor = claim.actor;
        next();
      }, next);
    },
    expressMiddleware(server, {
      context: async ({ res }) => options.buildContext(res.locals.actor as Actor, currentRequestId() ?? ''),
    }),
    graphqlBodyErrorHandler,
  );
  return server;
}

/**
 * A claimed actor's verdict (see `signClaimHeader`): `ok` runs the operation as the claimed
 * actor, a refusal answers its code without running anything. The check must establish
 * exactly the claimed actor, or refuse.
 */
export type ClaimCheck = (
  claim: ActorClaim,
  extensions: unknown,
) => Promise<{ ok: true } | { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' }>;

/**
 * A subgraph answers a client's mistake (variable coercion, validation: Apollo's 400)
 * with HTTP 200 and the errors, so that the gateway passes on BAD_USER_INPUT and its
 * message: the gateway reads any non-200 subgraph answer as a transport failure and
 * would mask it as INTERNAL_SERVER_ERROR.
 */
function clientErrorsAsOk<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.http.status === 400 && response.body.kind === 'single') response.http.status = 200;
        },
      };
    },
  };
}

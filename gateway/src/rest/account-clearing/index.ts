import express, { type Request, type Response, type Router } from 'express';
import { isAppError, logger, type SignableValue } from '@pay/common';
import { OperationError } from '../operation-runner';
import { serviceBaseUrl, type RestContext } from '../rest-context';
import { accountActor, authenticateAccountRequest } from './account-auth';
import { addLegacyFallbacks, requestPath, type LegacyEnvelopeError } from '../legacy-envelope';
import { sendAccount, sendAccountData, sendAccountError, type EnvelopeStyle } from './account-envelope';
import { accountEndpoints, type AccountEndpoint } from './account-endpoints';

const isObject = (value: unknown): value is Record<string, SignableValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The parameters as the caller signed them: the query string, or for child_detail the
 * body's `data` object with `sign` beside it (account-clearing-api.md §6).
 */
function paramsOf(req: Request, endpoint: AccountEndpoint): Record<string, SignableValue> {
  if (endpoint.paramsIn === 'query') return { ...(req.query as Record<string, SignableValue>) };
  const body: unknown = req.body;
  if (!isObject(body) || !isObject(body.data)) return {};
  return { ...body.data, sign: body.sign };
}

/** Where the account-clearing API answers (account-clearing-api.md). */
export const ACCOUNT_BASE = '/api/account/v1';

/**
 * An error with `message` in the envelope of the endpoint the request named (`{ data, sign }`
 * for the children endpoints, plain otherwise): body parsers, 404/405, rate limits.
 */
export const accountEnvelopeError: LegacyEnvelopeError = (req, res, status, message) => {
  const path = requestPath(req);
  const style = accountEndpoints.find((e) => e.path.toLowerCase() === path)?.envelope ?? 'plain';
  sendAccount(res, style, status, { s: 'fail', m: message, d: null });
};

/** Renders a failure in the endpoint's envelope: documented messages, never a stack trace. */
function fail(res: Response, style: EnvelopeStyle, error: unknown, path: string): void {
  if (isAppError(error) || error instanceof OperationError) {
    sendAccountError(res, style, error.code);
    return;
  }
  logger().error({ err: error, path }, 'account-clearing API request failed');
  sendAccountError(res, style, 'INTERNAL_SERVER_ERROR');
}

/**
 * The account-clearing API (account-clearing-api.md) under /api/account/v1/: GET with
 * signed query parameters; child_detail as GET with a JSON body, or POST. Every request
 * is authenticated by the main account's signature, then runs GraphQL operations for
 * that main account only.
 */
export function accountClearingApi(ctx: RestContext): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });
  for (const endpoint of accountEndpoints) {
    const handler = async (req: Request, res: Response) => {
      try {
        const params = paramsOf(req, endpoint);
        const main = await authenticateAccountRequest(params, {
          ledgerUrl: serviceBaseUrl(ctx.config.subgraphs.ledger ?? ''),
          internalSecret: ctx.config.auth.internalSecret,
        });
        const actor = accountActor(main, req.ip);
        sendAccountData(res, endpoint.envelope, await endpoint.handle({ params, main, actor, ctx }));
      } catch (error) {
        fail(res, endpoint.envelope, error, endpoint.path);
      }
    };
    if (endpoint.paramsIn === 'body') {
      router.get(endpoint.path, json, handler);
      router.post(endpoint.path, json, handler);
    } else {
      router.get(endpoint.path, handler);
    }
  }
  // A malformed or over-limit body, a wrong method or an unknown path is the caller's
  // mistake: the envelope, not express's error page.
  addLegacyFallbacks(router, { base: ACCOUNT_BASE, envelopeError: accountEnvelopeError });
  return router;
}

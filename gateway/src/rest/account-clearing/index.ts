import express, { type Request, type Router } from 'express';
import type { SignableValue } from '@pay/common';
import { legacyApi, type LegacyRoute } from '../legacy-api';
import { serviceBaseUrl, type RestContext } from '../rest-context';
import { accountActor, authenticateAccountRequest } from './account-auth';
import { requestPath, type LegacyEnvelopeError } from '../legacy-envelope';
import { sendAccount, sendAccountData, sendAccountError } from './account-envelope';
import { accountEndpoints, type AccountEndpoint, type AccountRequest } from './account-endpoints';

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

/**
 * The account-clearing API (account-clearing-api.md) under /api/account/v1/: GET with
 * signed query parameters; child_detail as GET with a JSON body, or POST. Every request
 * is authenticated by the main account's signature, then runs GraphQL operations for
 * that main account only.
 */
export function accountClearingApi(ctx: RestContext): Router {
  const json = express.json({ limit: '64kb' });
  return legacyApi<AccountRequest, AccountEndpoint & LegacyRoute<AccountRequest>>({
    name: 'account-clearing API',
    routes: accountEndpoints.map((endpoint) => ({
      ...endpoint,
      methods: endpoint.paramsIn === 'body' ? { get: [json], post: [json] } : { get: [] },
    })),
    async request(req, endpoint) {
      const params = paramsOf(req, endpoint);
      const main = await authenticateAccountRequest(params, {
        ledgerUrl: serviceBaseUrl(ctx.config.subgraphs.ledger ?? ''),
        internalSecret: ctx.config.auth.internalSecret,
      });
      return { params, main, actor: accountActor(main, req.ip), ctx };
    },
    send: (res, data, endpoint) => sendAccountData(res, endpoint.envelope, data),
    fail: (res, error, endpoint) => sendAccountError(res, endpoint.envelope, error.code),
    // A malformed or over-limit body, a wrong method or an unknown path is the caller's
    // mistake: the envelope, not express's error page.
    fallbacks: { base: ACCOUNT_BASE, envelopeError: accountEnvelopeError },
  });
}

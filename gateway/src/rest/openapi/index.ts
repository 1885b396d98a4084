import express, { type Router } from 'express';
import { AppError, type Actor } from '@pay/common';
import { legacyApi, type LegacyRoute } from '../legacy-api';
import { serviceBaseUrl, type RestContext } from '../rest-context';
import { authenticateOpenApiRequest } from './openapi-auth';
import {
  openApiEnvelopeError,
  sendOpenApiData,
  sendOpenApiError,
  UNKNOWN_METHOD_MESSAGE,
} from './openapi-envelope';
import { reconciliationMethod } from './reconciliation/reconciliation.method';

/** Where the open API answers (LEGACY-PROTOCOLS.md, ours). */
export const OPEN_API_PATH = '/openapi';

/** What an open API method's handler gets: the parsed `biz_content` and the app's merchant. */
export interface OpenApiRequest {
  biz: Record<string, unknown>;
  actor: Actor;
  ctx: RestContext;
}

/** Answers the envelope's `data`; throws AppError / OperationError for documented failures. */
export type OpenApiMethod = (request: OpenApiRequest) => Promise<unknown>;

/** The methods the platform offers, by the envelope's `method`. */
const METHODS: Record<string, OpenApiMethod> = {
  'openapi.payment.order.reconciliation': reconciliationMethod,
};

/**
 * The envelope's parameters as the client signed them: flat strings (numbers rendered
 * as text). Nested values cannot be signed as the SDKs do, so they are a client error.
 */
function envelopeParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_USER_INPUT');
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === null || value === undefined) params[key] = '';
    else if (typeof value === 'string') params[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') params[key] = String(value);
    else throw new AppError('BAD_USER_INPUT', `${key} must be a string`);
  }
  return params;
}

/** `biz_content`: a JSON object in a string (absent or empty: no business parameters). */
function bizContentOf(params: Record<string, string>): Record<string, unknown> {
  const text = params.biz_content ?? '';
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('BAD_USER_INPUT', 'biz_content must be a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AppError('BAD_USER_INPUT', 'biz_content must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** A method the platform does not offer: the envelope says so in its own words. */
class UnknownMethod extends AppError {
  constructor() {
    super('BAD_USER_INPUT', UNKNOWN_METHOD_MESSAGE);
  }
}

/** A signed envelope: its parameters and the app's merchant. */
interface OpenApiEnvelope {
  params: Record<string, string>;
  actor: Actor;
  ctx: RestContext;
}

/**
 * The Fubei-style open API (fubei-openapi.md) at `POST /openapi`: one JSON envelope,
 * signed as the official Fubei SDKs sign, dispatched on `method`. Every failure —
 * malformed JSON, a bad signature, an unknown method — comes back in the same envelope
 * with `result_code` 400, never with a stack trace.
 */
export function openApi(ctx: RestContext): Router {
  const route: LegacyRoute<OpenApiEnvelope> = {
    path: OPEN_API_PATH,
    methods: { post: [express.json({ limit: '64kb', type: () => true })] },
    handle({ params, actor, ctx: context }) {
      const method = Object.hasOwn(METHODS, params.method ?? '') ? METHODS[params.method ?? ''] : undefined;
      if (!method) throw new UnknownMethod();
      return method({ biz: bizContentOf(params), actor, ctx: context });
    },
  };
  return legacyApi<OpenApiEnvelope, LegacyRoute<OpenApiEnvelope>>({
    name: 'open API',
    routes: [route],
    async request(req) {
      const params = envelopeParams(req.body);
      const actor = await authenticateOpenApiRequest(params, {
        ordersUrl: serviceBaseUrl(ctx.config.subgraphs.orders ?? ''),
        internalSecret: ctx.config.auth.internalSecret,
        ip: req.ip,
      });
      return { params, actor, ctx };
    },
    send: (res, data) => sendOpenApiData(res, data),
    fail: (res, error) =>
      sendOpenApiError(res, error.code, error instanceof UnknownMethod ? error.message : undefined),
    // A body that is not JSON or is over the limit never reaches the handler, and other
    // methods and paths under /openapi have none: answer them in the envelope too.
    fallbacks: { base: OPEN_API_PATH, envelopeError: openApiEnvelopeError },
  });
}

export { openApiEnvelopeError } from './openapi-envelope';

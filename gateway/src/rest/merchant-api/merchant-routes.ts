import express, { type Request, type Router } from 'express';
import type { Actor, SignableValue } from '@pay/common';
import { legacyApi, type LegacyRoute } from '../legacy-api';
import type { LegacyFallbackOptions } from '../legacy-envelope';
import type { RestContext } from '../rest-context';
import { authenticateMerchantRequest } from './merchant-auth';
import type { MerchantVerdict } from './merchant-verdict';
import { MerchantReply, sendMerchantData, sendMerchantError } from './merchant-envelope';

/**
 * What a merchant API endpoint's handler gets: the signed parameters, the actor they
 * claim, and a context whose `run` runs nothing before orders has accepted the signature.
 */
export interface MerchantRequest {
  params: Record<string, SignableValue>;
  actor: Actor;
  ctx: RestContext;
  verdict: MerchantVerdict;
}

export interface MerchantEndpoint {
  path: string;
  /** `/summarybydaypzid`: master key only, no merchant. */
  platformOnly?: boolean;
  /** Answers the envelope's `data` (or a MerchantReply with its own message). Throw AppError / OperationError for documented failures. */
  handle: (request: MerchantRequest) => Promise<unknown>;
}

/** Form (the spec) or JSON (accepted too) parameters, as the merchant signed them. */
function paramsOf(req: Request): Record<string, SignableValue> {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, SignableValue>) : {};
  return { ...body };
}

/**
 * The merchant API (merchant-api.md) as a legacy API: its endpoints at the gateway's root,
 * POST, form or JSON, authenticated by signature, answered in `{ code, message, data }`.
 * Failures come back in the same envelope with the documented message.
 */
export function merchantApiRoutes(
  ctx: RestContext,
  endpoints: readonly MerchantEndpoint[],
  fallbacks: LegacyFallbackOptions,
): Router {
  const parsers = [express.urlencoded({ extended: true, limit: '64kb' }), express.json({ limit: '64kb' })];
  return legacyApi<MerchantRequest, MerchantEndpoint & LegacyRoute<MerchantRequest>>({
    name: 'merchant API',
    routes: endpoints.map((endpoint) => ({
      ...endpoint,
      methods: { post: parsers },
      // Whatever the route answers, the signature's verdict comes first: a refusal replaces it.
      async handle(request: MerchantRequest) {
        let data: unknown;
        try {
          data = await endpoint.handle(request);
        } catch (error) {
          await request.verdict.settle();
          throw error;
        }
        await request.verdict.settle();
        return data;
      },
    })),
    async request(req, endpoint) {
      const params = paramsOf(req);
      const verdict = await authenticateMerchantRequest(ctx, params, {
        platformOnly: endpoint.platformOnly ?? false,
        ip: req.ip,
      });
      // The route's operations run as the claim, settled by the first one (or asked first).
      return { params, actor: verdict.claim, ctx: { ...ctx, run: verdict.run }, verdict };
    },
    send(res, answer) {
      if (answer instanceof MerchantReply) sendMerchantData(res, answer.data, answer.message);
      else sendMerchantData(res, answer);
    },
    // A message already in the legacy wording (Chinese, e.g. `时间范围有误`) is the
    // documented one; otherwise the registry's message for the code.
    fail: (res, error) =>
      sendMerchantError(res, error.code, /[\u4e00-\u9fff]/.test(error.message) ? error.message : undefined),
    fallbacks,
  });
}

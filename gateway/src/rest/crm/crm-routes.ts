import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { AppError, isAppError, logger, type Actor } from '@pay/common';
import { clientIp } from '../../auth/client-ip';
import { OperationError } from '../operation-runner';
import type { RestContext } from '../rest-context';
import { addLegacyFallbacks } from '../legacy-envelope';
import { crmEnvelopeError, sendCrmData, sendCrmError } from './crm-envelope';
import { crmParamsOf, merchantIdParam, type CrmParams } from './crm-params';

/** Where the legacy CRM answered (crm-billing-api.md). */
export const CRM_BASE = '/make_crm/api';

/** What a CRM endpoint's handler gets: its parameters and the actor to run operations as. */
export interface CrmRequest {
  params: CrmParams;
  merchantId: number;
  actor: Actor;
  ctx: RestContext;
}

export interface CrmEndpoint {
  /** The name under /make_crm/api/, e.g. `create_mch_recharge`. */
  name: string;
  /** `mch_api_recharge` also takes a POST form. */
  post?: boolean;
  /** Answers the envelope's `data`. Throw AppError / OperationError for documented failures. */
  handle: (request: CrmRequest) => Promise<unknown>;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one caller (express shows IPv4 clients of a dual-stack listener mapped). */
export function normalizeIp(ip: string): string {
  const lower = ip.trim().toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

/**
 * LEGACY-PROTOCOLS.md (ours): the CRM API documents no authentication, so it answers only
 * callers whose IP (req.ip under TRUST_PROXY) is on CRM_ALLOWED_IPS.
 */
export function allowedCaller(req: Request, allowedIps: readonly string[]): string {
  const ip = clientIp(req);
  if (!ip) throw new AppError('IP_NOT_ALLOWED', 'the caller has no IP address to check');
  const caller = normalizeIp(ip);
  if (!allowedIps.some((allowed) => normalizeIp(allowed) === caller))
    throw new AppError('IP_NOT_ALLOWED', `IP ${ip} may not call the CRM API`, { ip });
  return ip;
}

/**
 * The actor a CRM request runs as: the merchant named by `mch_id`, with a subject that
 * says the CRM at this IP asked. The CRM is the platform's own system, but every call is
 * about exactly one merchant, and a MERCHANT actor lets the subgraphs enforce that: a
 * mistake here can never read or move another merchant's money, and nothing an OPERATOR
 * could do beyond it (issuing bills, other merchants) is reachable through this API. The
 * IP rides along for the settlement service's API-recharge allow-lists.
 */
export const crmActor = (merchantId: number, ip: string): Actor => ({
  sub: `crm:${ip}`,
  role: 'MERCHANT',
  merchantId,
  ip,
});

function renderFailure(res: Response, error: unknown, endpoint: string): void {
  if (isAppError(error) || error instanceof OperationError) {
    sendCrmError(res, error.code);
    return;
  }
  logger().error({ err: error, endpoint }, 'CRM API request failed');
  sendCrmError(res, 'INTERNAL_SERVER_ERROR');
}

/**
 * The POST endpoints take a form (crm-billing-api.md): another body (JSON, malformed or
 * not) is refused as a parser would refuse it, in the envelope, rather than ignored.
 */
const formOnly: RequestHandler = (req, _res, next) => {
  if (req.is('application/x-www-form-urlencoded') === false) {
    next(Object.assign(new Error('the body is not a form'), { status: 400, type: 'entity.parse.failed' }));
    return;
  }
  next();
};

/**
 * Mounts the CRM endpoints at /make_crm/api/<name>/ (with or without the trailing slash
 * the spec's URLs show), answered in `{ msg, status, data }`. The IP allow-list is checked
 * before anything else, so callers off it learn nothing, not even about parameters.
 */
export function crmRoutes(ctx: RestContext, endpoints: CrmEndpoint[]): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  for (const endpoint of endpoints) {
    const handler = async (req: Request, res: Response) => {
      try {
        const ip = allowedCaller(req, ctx.config.crm.allowedIps);
        const params = crmParamsOf(req);
        const merchantId = merchantIdParam(params);
        const data = await endpoint.handle({ params, merchantId, actor: crmActor(merchantId, ip), ctx });
        sendCrmData(res, data);
      } catch (error) {
        renderFailure(res, error, endpoint.name);
      }
    };
    const path = `${CRM_BASE}/${endpoint.name}`;
    router.get(path, handler);
    if (endpoint.post) router.post(path, formOnly, form, handler);
  }
  // A body the form parser rejects (too large, bad charset), a wrong method or an unknown
  // path still answers in the envelope, and still tells a caller off the allow-list
  // nothing but that.
  addLegacyFallbacks(router, {
    base: CRM_BASE,
    envelopeError: crmEnvelopeError,
    gate: (req, res) => {
      try {
        allowedCaller(req, ctx.config.crm.allowedIps);
        return false;
      } catch (refused) {
        renderFailure(res, refused, 'fallback');
        return true;
      }
    },
  });
  return router;
}

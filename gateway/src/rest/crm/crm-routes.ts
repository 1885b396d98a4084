import express, { type Request, type RequestHandler, type Router } from 'express';
import { AppError, isAppError, type Actor } from '@pay/common';
import { clientIp } from '../../auth/client-ip';
import { legacyApi, type LegacyRoute } from '../legacy-api';
import type { RestContext } from '../rest-context';
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
export function crmRoutes(ctx: RestContext, endpoints: readonly CrmEndpoint[]): Router {
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  return legacyApi<CrmRequest, CrmEndpoint & LegacyRoute<CrmRequest>>({
    name: 'CRM API',
    routes: endpoints.map((endpoint) => ({
      ...endpoint,
      path: `${CRM_BASE}/${endpoint.name}`,
      methods: endpoint.post ? { get: [], post: [formOnly, form] } : { get: [] },
    })),
    async request(req) {
      const ip = allowedCaller(req, ctx.config.crm.allowedIps);
      const params = crmParamsOf(req);
      const merchantId = merchantIdParam(params);
      return { params, merchantId, actor: crmActor(merchantId, ip), ctx };
    },
    send: (res, data) => sendCrmData(res, data),
    fail: (res, error) => sendCrmError(res, error.code),
    // A body the form parser rejects (too large, bad charset), a wrong method or an unknown
    // path still answers in the envelope, and still tells a caller off the allow-list
    // nothing but that.
    fallbacks: {
      base: CRM_BASE,
      envelopeError: crmEnvelopeError,
      gate: (req, res) => {
        try {
          allowedCaller(req, ctx.config.crm.allowedIps);
          return false;
        } catch (refused) {
          sendCrmError(res, isAppError(refused) ? refused.code : 'INTERNAL_SERVER_ERROR');
          return true;
        }
      },
    },
  });
}

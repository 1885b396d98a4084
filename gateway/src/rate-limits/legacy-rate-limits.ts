import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '@pay/common';
import { clientIp } from '../auth/client-ip';
import type { RateLimits, RetryAfter } from './rate-limits';

interface LegacyRequestScope {
  limits: RateLimits;
  ip: string;
  res: Response;
}

const scope = new AsyncLocalStorage<LegacyRequestScope>();

/**
 * Puts the rate limits, the client's IP and the response in reach of the signature check
 * of the request (`rest/signature-verdict.client.ts`), which every signed legacy API goes
 * through, so the limits need no code in each API's routes: a refusal is an AppError
 * `RATE_LIMITED` that the route answers in its own envelope, like any other failure.
 */
export function legacyRateLimitScope(limits: RateLimits): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    scope.run({ limits, ip: clientIp(req) ?? 'unknown', res }, next);
}

/** The parameters of a signed request that name who it claims to be (merchant API, open API, account clearing). */
const SUBJECT_PARAMS = ['merchant_id', 'app_id', 'unionId'] as const;

/** Who a signed request says it is: trusted only once its signature verified. */
function claimedSubject(body: unknown): string {
  const params = (body as { params?: Record<string, unknown> } | null)?.params ?? {};
  for (const name of SUBJECT_PARAMS) {
    const value = params[name];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
      return `${name}=${String(value).trim().slice(0, 64)}`;
  }
  // The platform's master-key endpoint names no merchant.
  return 'platform';
}

/** What the signature check reports back: how the verdict went. */
export interface SignatureCheckLimits {
  /** The signature was refused: a bad signature counts against the IP and the claimed merchant. */
  refused: (code: string) => Promise<void>;
  /** The signature verified: the request counts against its (now verified) merchant. */
  accepted: () => Promise<void>;
}

/**
 * Before a signed legacy request's signature is checked: refuses (AppError `RATE_LIMITED`,
 * with Retry-After) a client IP over its limit on this API, or an IP that sent too many bad
 * signatures for this merchant lately. Keys: the API (`caller` without `gateway:`), the
 * client IP, and the merchant the request claims (`merchant_id`, `app_id` or `unionId`).
 * The per-merchant limit counts only verified requests (`accepted`), so nobody can use up
 * another merchant's allowance with forged ones. Outside a legacy request: null.
 */
export async function signatureCheckLimits(
  caller: string,
  body: unknown,
): Promise<SignatureCheckLimits | null> {
  const current = scope.getStore();
  if (!current) return null;
  const { limits, ip, res } = current;
  const api = caller.replace(/^gateway:/, '');
  const subject = claimedSubject(body);
  const failures = `signature:${api}:${ip}:${subject}`;
  const [blocked, overIp] = await Promise.all([limits.blocked(failures), limits.hit('ip', `${api}:${ip}`)]);
  refuseIfLimited(res, blocked ?? overIp);
  return {
    refused: async (code) => {
      if (code === 'SIGNATURE_INVALID') await limits.fail(failures);
    },
    accepted: async () => refuseIfLimited(res, await limits.hit('merchant', `${api}:${subject}`)),
  };
}

/**
 * Sets Retry-After on the legacy response being answered (if any) for a refusal that the
 * route renders itself, e.g. an operation refused for too many wrong two-factor codes.
 */
export function setLegacyRetryAfter(seconds: number): void {
  scope.getStore()?.res.setHeader('Retry-After', String(seconds));
}

function refuseIfLimited(res: Response, retryAfter: RetryAfter): void {
  if (retryAfter === null) return;
  res.setHeader('Retry-After', String(retryAfter));
  throw new AppError('RATE_LIMITED', `too many requests; retry after ${retryAfter} s`, { retryAfter });
}

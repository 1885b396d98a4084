import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { bodyParserFailure, ERROR_CODES, logger } from '@pay/common';

/**
 * Writes an error in one legacy API's envelope: the HTTP status the failure has (400, 404,
 * 405, 413, 429, 500 …) and the message the envelope carries. Each API folder exports one
 * (`merchantApiEnvelopeError`, `payAdminEnvelopeError`, `crmEnvelopeError`,
 * `accountEnvelopeError`, `openApiEnvelopeError`) for everything that answers on an API's
 * behalf outside its routes: its body parsers, its 404/405 fallback, rate limits. An API
 * may keep its own rule for the HTTP status (the open API always answers 200).
 */
export type LegacyEnvelopeError = (req: Request, res: Response, status: number, message: string) => void;

/**
 * Messages of failures no legacy spec documents (ours). A body that is not what the API
 * takes is a parameter problem, so it gets the documented `参数错误`; the rest are ours.
 */
export const LEGACY_MESSAGES = {
  badBody: ERROR_CODES.BAD_USER_INPUT.legacyMessage,
  bodyTooLarge: '请求内容过大',
  notFound: '接口不存在',
  methodNotAllowed: '请求方式不支持',
  internal: ERROR_CODES.INTERNAL_SERVER_ERROR.legacyMessage,
} as const;

interface RouteShape {
  path: string;
  methods: string[];
}

const normalPath = (path: string): string => path.toLowerCase().replace(/\/+$/, '') || '/';

/**
 * The request's path from the app's root, lower case, without a trailing slash, wherever
 * the handler is mounted (`req.path` is relative to a router's mount point).
 */
export const requestPath = (req: Request): string =>
  normalPath((req.originalUrl || req.url).split('?')[0] ?? '/');

/** The routes of `router` and of the routers mounted in it without a path (as the APIs do). */
function routesOf(router: Router): RouteShape[] {
  const routes: RouteShape[] = [];
  for (const layer of router.stack) {
    const route = layer.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
    if (route && typeof route.path === 'string') {
      const methods = Object.keys(route.methods ?? {}).map((m) => m.toUpperCase());
      routes.push({ path: normalPath(route.path), methods });
    } else if (!route && Array.isArray((layer.handle as { stack?: unknown }).stack)) {
      routes.push(...routesOf(layer.handle as unknown as Router));
    }
  }
  return routes;
}

export interface LegacyFallbackOptions {
  /** The API's base path (`/pay`, `/make_crm/api`, … `/` for the merchant API). */
  base: string;
  envelopeError: LegacyEnvelopeError;
  /** Paths under `base` that belong to someone else (the merchant API lives at `/`). */
  foreign?: (req: Request) => boolean;
  /** Runs before any fallback answer; true when it answered (the CRM's IP allow-list). */
  gate?: (req: Request, res: Response) => boolean;
}

const underBase = (base: string, path: string): boolean =>
  base === '/' ||
  normalPath(path) === normalPath(base) ||
  path.toLowerCase().startsWith(`${normalPath(base)}/`);

/**
 * Adds, after an API's routes, what keeps every answer under its base in its envelope:
 * - its body parsers' failures (malformed JSON or form, a body over the limit: 400 / 413),
 *   and any other error that escaped a route (500, logged), in the envelope;
 * - a known path with another method: 405 with `Allow`; an unknown path under its base: 404.
 * Call it last, once the API's routes are on `router`.
 */
export function addLegacyFallbacks(router: Router, options: LegacyFallbackOptions): void {
  const { base, envelopeError, foreign, gate } = options;
  let routes: RouteShape[] | undefined;
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent || !underBase(base, req.path) || foreign?.(req)) {
      next(error);
      return;
    }
    if (gate?.(req, res)) return;
    const failure = bodyParserFailure(error);
    if (failure) {
      envelopeError(
        req,
        res,
        failure.status,
        failure.status === 413 ? LEGACY_MESSAGES.bodyTooLarge : LEGACY_MESSAGES.badBody,
      );
      return;
    }
    logger().error({ err: error, path: req.path }, 'legacy API request failed');
    envelopeError(req, res, 500, LEGACY_MESSAGES.internal);
  });
  const fallback: RequestHandler = (req, res, next) => {
    if (!underBase(base, req.path) || foreign?.(req)) {
      next();
      return;
    }
    if (gate?.(req, res)) return;
    routes ??= routesOf(router);
    const path = normalPath(req.path);
    const methods = new Set(routes.filter((route) => route.path === path).flatMap((route) => route.methods));
    if (methods.size > 0) {
      if (methods.has('GET')) methods.add('HEAD');
      res.setHeader('allow', [...methods].join(', '));
      envelopeError(req, res, 405, LEGACY_MESSAGES.methodNotAllowed);
      return;
    }
    envelopeError(req, res, 404, LEGACY_MESSAGES.notFound);
  };
  router.use(fallback);
}

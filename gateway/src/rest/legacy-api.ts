import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { AppError, isAppError, logger } from '@pay/common';
import { addLegacyFallbacks, type LegacyFallbackOptions } from './legacy-envelope';
import { OperationError } from './operation-runner';

/** A failure a legacy API answers in its envelope with the documented message. */
export type LegacyFailure = AppError | OperationError;

/**
 * One endpoint of a legacy API's route table: where it answers, how its body is read, and
 * what it does with a request the API has authenticated (`R`: the parameters and actor
 * the API's `request` reads). `handle` answers the envelope's data; it throws AppError or
 * OperationError for the documented failures.
 */
export interface LegacyRoute<R> {
  path: string;
  /** Methods and the body parsers each runs before the handler. */
  methods: Partial<Record<'get' | 'post', readonly RequestHandler[]>>;
  handle: (request: R) => Promise<unknown>;
}

/**
 * A legacy API (merchant API, pay-admin, CRM, account clearing, open API) as data: its
 * route table, how a request is read and authenticated, and its envelope. `legacyApi`
 * mounts it the same way for all five.
 */
export interface LegacyApiSpec<R, Route extends LegacyRoute<R>> {
  /** For the log line of an unexpected failure. */
  name: string;
  routes: readonly Route[];
  /** Reads the request's parameters and authenticates it (throws AppError to refuse). */
  request: (req: Request, route: Route) => Promise<R>;
  /** Answers `data` in the route's envelope. */
  send: (res: Response, data: unknown, route: Route) => void;
  /** Answers a documented failure in the route's envelope. */
  fail: (res: Response, failure: LegacyFailure, route: Route) => void;
  /** Malformed bodies, wrong methods and unknown paths under the API's base. */
  fallbacks: LegacyFallbackOptions;
}

/**
 * Mounts a legacy API: each route of its table behind its body parsers, the request read
 * and authenticated, the handler's data or failure answered in the API's envelope — a
 * failure that is not a documented one is logged and answered as an internal error, never
 * with a stack trace — then the API's fallbacks.
 */
export function legacyApi<R, Route extends LegacyRoute<R>>(spec: LegacyApiSpec<R, Route>): Router {
  const router = express.Router();
  for (const route of spec.routes) {
    const handler = async (req: Request, res: Response) => {
      try {
        spec.send(res, await route.handle(await spec.request(req, route)), route);
      } catch (error) {
        if (isAppError(error) || error instanceof OperationError) {
          spec.fail(res, error, route);
          return;
        }
        logger().error({ err: error, path: route.path }, `${spec.name} request failed`);
        spec.fail(res, new AppError('INTERNAL_SERVER_ERROR'), route);
      }
    };
    for (const [method, parsers] of Object.entries(route.methods) as ['get' | 'post', RequestHandler[]][])
      router[method](route.path, ...parsers, handler);
  }
  addLegacyFallbacks(router, spec.fallbacks);
  return router;
}

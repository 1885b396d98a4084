import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { httpRequestDuration } from '../metrics/metrics';
import { currentRequestId, logger, logsAt, requestLogger, withRequestId } from '../logging/logger';

/**
 * An express app with what every service exposes: request ids and logs, request
 * metrics, `/health` (the process is up) and `/ready` (its dependencies answer).
 * Services mount their own routes on it. `/metrics` is not here: it is served on an
 * internal listener of its own (`startMetricsServer`), never on the public port.
 */
export function createServiceApp(options: { ready: () => Promise<boolean> }): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every answer here is per-request data (GraphQL and legacy API calls, mostly POSTs)
  // that no client revalidates; express would hash each body (SHA-1 of a 25 KB page of
  // orders) for an ETag nobody sends back. Static files (serve-static) keep their own.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const lane = (req as LaneRequest)[FRONT_LANE];
    // Tracked already by a front lane that handed the request on (with its error, if any).
    if (lane) return next(lane.error);
    trackRequest(req, res, next);
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ok = await options.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable' });
  });
  return app;
}

/**
 * What every request gets: its id (the caller's `X-Request-Id` or a new one) for the
 * request's logs and answer, the request duration metric, and the access log line.
 */
function trackRequest(req: Request, res: Response, next: () => void): void {
  withRequestId(req.header('x-request-id'), () => {
    const requestId = currentRequestId() ?? '';
    res.setHeader('x-request-id', requestId);
    const log = requestLogger();
    const started = performance.now();
    const stop = httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route =
        typeof req.route?.path === 'string'
          ? req.route.path
          : req.baseUrl || req.path.split('/').slice(0, 2).join('/');
      stop({ route, status: String(res.statusCode) });
      // The access log: one info line per request, with its request id (the logger's).
      // Health probes stay out (a line every few seconds per replica says nothing), and
      // the query string too: signed legacy calls carry keys and signatures in it.
      const path = req.originalUrl.split('?')[0]!;
      if (path === '/health' || path === '/ready' || !logsAt('info')) return;
      log().info(
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0),
          ip: req.ip,
        },
        'request',
      );
    });
    next();
  });
}

const FRONT_LANE = Symbol('front lane');

/** A request a front lane handed on to the app: tracked already, with the lane's error if any. */
interface LaneRequest {
  [FRONT_LANE]?: { error: unknown };
}

/**
 * A lane in front of express for one kind of request a service answers on its hot path.
 * Express's router walks every layer in order for every request; a lane that takes the
 * request is called with express's request and response (prototypes, `locals`) and the
 * same tracking (request id, metric, access log), and hands on to the app whatever it
 * does not answer itself. The app's middleware then sees the request as the lane left it
 * (a parsed body, `res.locals`), and a lane's error goes to the app's error handlers.
 */
export interface FrontLane {
  /** Whether the lane takes this request: synchronous, from the request line and headers only. */
  takes(req: IncomingMessage): boolean;
  /** Answers the request, or hands it on to the app: `next()`, or `next(error)` for its error handlers. */
  handle(req: Request, res: Response, next: (error?: unknown) => void): void | Promise<void>;
}

function runFrontLane(app: Express, lane: FrontLane, raw: IncomingMessage, rawRes: ServerResponse): void {
  // What express's own `app.handle` does first (the app disables x-powered-by).
  const req = Object.setPrototypeOf(raw, app.request) as Request;
  const res = Object.setPrototypeOf(rawRes, app.response) as Response;
  Object.assign(req, { res, originalUrl: req.url });
  Object.assign(res, { req, locals: Object.create(null) as Record<string, unknown> });
  trackRequest(req, res, () => {
    let handedOn = false;
    const next = (error?: unknown) => {
      if (handedOn) return;
      handedOn = true;
      (req as LaneRequest)[FRONT_LANE] = { error };
      app(req, res);
    };
    Promise.resolve(lane.handle(req, res, next)).catch(next);
  });
}

/** Answers a request that failed outside GraphQL with a JSON error, never a stack trace. */
export function jsonErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const status =
    typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
  if (status >= 500) logger().error({ err: error }, 'request failed');
  res.status(status).json({
    error: status >= 500 ? 'internal error' : 'bad request',
    requestId: currentRequestId(),
  });
}

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}

/**
 * Listens on `port` (0 for any free port) on `host`, resolving once bound; `lanes` go in
 * front of the app, the first that takes a request handling it.
 */
export async function listen(
  app: Express,
  port: number,
  host = '127.0.0.1',
  lanes: readonly FrontLane[] = [],
): Promise<Listening> {
  const server = createServer(
    lanes.length === 0
      ? app
      : (req, res) => {
          const lane = lanes.find((candidate) => candidate.takes(req));
          if (lane) runFrontLane(app, lane, req, res);
          else app(req, res);
        },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 65_000;
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

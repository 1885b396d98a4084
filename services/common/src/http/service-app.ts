import type { Server } from 'node:http';
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
  app.set('trust proxy', 'loopback');
  app.use((req: Request, res: Response, next: NextFunction) => {
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

/** Listens on `port` (0 for any free port) on `host`, resolving once bound. */
export async function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
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

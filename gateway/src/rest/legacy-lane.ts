import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FrontLane } from '@pay/common';

/**
 * A legacy API's calls in front of express (`FrontLane`): a POST to one of `paths`
 * (exactly, as the spec writes them) goes straight to the API's own router, inside
 * `scope` (the legacy rate limits' request scope), instead of walking every layer the
 * gateway's app mounts before it (GraphQL, files, console, four other APIs). The router
 * and what it answers are the same; a path the lane does not take (another case, a
 * trailing slash, an unknown one) still reaches it through the app.
 */
export function legacyApiLane(options: {
  paths: readonly string[];
  router: (req: Request, res: Response, next: NextFunction) => void;
  scope: RequestHandler;
}): FrontLane {
  const paths = new Set(options.paths);
  return {
    takes(req: IncomingMessage): boolean {
      if (req.method !== 'POST' || req.url === undefined) return false;
      const query = req.url.indexOf('?');
      return paths.has(query === -1 ? req.url : req.url.slice(0, query));
    },
    handle(req: Request, res: Response, next: (error?: unknown) => void): void {
      void options.scope(req, res, (error?: unknown) =>
        error === undefined ? options.router(req, res, next) : next(error),
      );
    },
  };
}

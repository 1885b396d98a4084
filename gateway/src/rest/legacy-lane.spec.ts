import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { legacyApiLane } from './legacy-lane';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('a legacy API’s front lane', () => {
  const routed: string[] = [];
  const scoped: string[] = [];
  const lane = legacyApiLane({
    paths: ['/orders', '/balance'],
    router: (req: Request, _res: Response, _next: NextFunction) => void routed.push(req.url),
    scope: ((req: Request, _res: Response, next: NextFunction) => {
      scoped.push(req.url);
      next();
    }) as RequestHandler,
  });

  it('takes a POST to one of its paths exactly, with or without a query string', () => {
    expect(lane.takes(request('POST', '/orders'))).toBe(true);
    expect(lane.takes(request('POST', '/balance?x=1'))).toBe(true);
    expect(lane.takes(request('GET', '/orders'))).toBe(false);
    expect(lane.takes(request('POST', '/Orders'))).toBe(false);
    expect(lane.takes(request('POST', '/orders/'))).toBe(false);
    expect(lane.takes(request('POST', '/graphql'))).toBe(false);
  });

  it('runs the API’s router inside the scope, and hands a scope’s error on', async () => {
    const next = jest.fn();
    await lane.handle({ url: '/orders' } as Request, {} as Response, next);
    expect(scoped).toEqual(['/orders']);
    expect(routed).toEqual(['/orders']);
    expect(next).not.toHaveBeenCalled();

    const failing = legacyApiLane({
      paths: ['/orders'],
      router: () => routed.push('never'),
      scope: ((_req: Request, _res: Response, next: NextFunction) =>
        next(new Error('no scope'))) as RequestHandler,
    });
    await failing.handle({ url: '/orders' } as Request, {} as Response, next);
    expect(next).toHaveBeenCalledWith(new Error('no scope'));
    expect(routed).toEqual(['/orders']);
  });
});

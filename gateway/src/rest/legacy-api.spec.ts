import type { AddressInfo } from 'node:net';
import express, { type Response } from 'express';
import { AppError } from '@pay/common';
import { legacyApi, type LegacyFailure, type LegacyRoute } from './legacy-api';
import { OperationError } from './operation-runner';

interface Asked {
  who: string;
}

/** A toy API: `who` from the query string (refused when absent), answered as `{ ok, data }` / `{ ok, code }`. */
function toyApi(routes: LegacyRoute<Asked>[]) {
  const failures: LegacyFailure[] = [];
  const app = express();
  app.use(
    legacyApi<Asked, LegacyRoute<Asked>>({
      name: 'toy API',
      routes,
      async request(req) {
        const who = req.query.who;
        if (typeof who !== 'string') throw new AppError('UNAUTHENTICATED');
        return { who };
      },
      send: (res: Response, data) => res.json({ ok: true, data }),
      fail: (res, failure) => {
        failures.push(failure);
        res.status(400).json({ ok: false, code: failure.code });
      },
      fallbacks: {
        base: '/toy',
        envelopeError: (_req, res, status, message) => res.status(status).json({ ok: false, message }),
      },
    }),
  );
  return { app, failures };
}

async function serve(app: express.Express, run: (url: string) => Promise<void>): Promise<void> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('legacyApi: one way to mount a legacy API’s route table', () => {
  const routes: LegacyRoute<Asked>[] = [
    { path: '/toy/hello', methods: { get: [] }, handle: async ({ who }) => `hello ${who}` },
    { path: '/toy/echo', methods: { post: [express.json()] }, handle: async ({ who }) => ({ who }) },
    {
      path: '/toy/refuse',
      methods: { get: [] },
      handle: async () => {
        throw new OperationError('INSUFFICIENT_BALANCE', 'not enough');
      },
    },
    {
      path: '/toy/crash',
      methods: { get: [] },
      handle: async () => {
        throw new TypeError('a bug');
      },
    },
  ];

  it('answers the handler’s data in the envelope, on the methods the table names', async () => {
    const { app } = toyApi(routes);
    await serve(app, async (url) => {
      expect(await (await fetch(`${url}/toy/hello?who=ann`)).json()).toEqual({ ok: true, data: 'hello ann' });
      const posted = await fetch(`${url}/toy/echo?who=bo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await posted.json()).toEqual({ ok: true, data: { who: 'bo' } });
      // A known path with another method: 405 in the envelope, with Allow.
      const wrong = await fetch(`${url}/toy/echo?who=bo`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toContain('POST');
    });
  });

  it('answers refusals and documented failures through `fail`, and a bug as an internal error', async () => {
    const { app, failures } = toyApi(routes);
    await serve(app, async (url) => {
      expect(await (await fetch(`${url}/toy/hello`)).json()).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
      expect(await (await fetch(`${url}/toy/refuse?who=ann`)).json()).toEqual({
        ok: false,
        code: 'INSUFFICIENT_BALANCE',
      });
      const crash = await (await fetch(`${url}/toy/crash?who=ann`)).text();
      expect(JSON.parse(crash)).toEqual({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
      expect(crash).not.toContain('a bug');
      const unknown = await fetch(`${url}/toy/nothing`);
      expect(unknown.status).toBe(404);
    });
    expect(failures.map((f) => f.code)).toEqual([
      'UNAUTHENTICATED',
      'INSUFFICIENT_BALANCE',
      'INTERNAL_SERVER_ERROR',
    ]);
  });
});

import { Writable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { configureLogger, currentRequestId } from '../logging/logger';
import { createServiceApp, listen, type FrontLane, type Listening } from './service-app';

describe('createServiceApp: the access log', () => {
  const lines: Record<string, unknown>[] = [];
  let server: Listening;

  beforeAll(async () => {
    configureLogger({
      service: 'access-log-test',
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      }),
    });
    const app = createServiceApp({ ready: () => Promise.resolve(true) });
    app.get('/things/:id', (_req, res) => {
      res.json({ ok: true });
    });
    server = await listen(app, 0);
  });
  afterAll(async () => {
    await server.close();
    configureLogger({ service: 'payoffice', level: 'warn' });
  });

  it('writes one info line per request with its request id, method, path, status and time', async () => {
    lines.length = 0;
    const response = await fetch(`${server.url}/things/7?sign=SECRET&key=k`, {
      headers: { 'x-request-id': 'req-123' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const access = lines.filter((line) => line.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 30,
      service: 'access-log-test',
      requestId: 'req-123',
      method: 'GET',
      path: '/things/7',
      status: 200,
    });
    expect(typeof access[0]!.ms).toBe('number');
    // The query string (signatures, keys) never reaches the log.
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });

  it('hashes no body for an ETag: answers are per-request data', async () => {
    const response = await fetch(`${server.url}/things/8`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('etag')).toBeNull();
  });

  it('leaves health probes out', async () => {
    lines.length = 0;
    await (await fetch(`${server.url}/health`)).text();
    await (await fetch(`${server.url}/ready`)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.filter((line) => line.msg === 'request')).toEqual([]);
  });
});

describe('listen with a front lane', () => {
  const lines: Record<string, unknown>[] = [];
  const chain: string[] = [];
  let server: Listening;

  beforeAll(async () => {
    configureLogger({
      service: 'front-lane-test',
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      }),
    });
    const app = createServiceApp({ ready: () => Promise.resolve(true) });
    app.post('/lane', (req, res) => {
      chain.push('app');
      res.json({ from: 'app', seen: res.locals.seen as unknown, requestId: currentRequestId() });
    });
    app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
      chain.push('error handler');
      res.status(418).json({ error: error.message });
    });
    const lane: FrontLane = {
      takes: (req) => req.method === 'POST' && req.url === '/lane',
      handle(req, res, next) {
        chain.push('lane');
        res.locals.seen = 'by the lane';
        const what = req.headers['x-lane'];
        if (what === 'answer')
          res.status(201).json({ from: 'lane', requestId: currentRequestId(), ip: req.ip });
        else if (what === 'error') next(new Error('lane refused'));
        else if (what === 'throw') return Promise.reject(new Error('lane failed'));
        else next();
        return undefined;
      },
    };
    server = await listen(app, 0, '127.0.0.1', [lane]);
  });
  afterAll(async () => {
    await server.close();
    configureLogger({ service: 'payoffice', level: 'warn' });
  });

  const send = async (path: string, lane?: string) => {
    chain.length = 0;
    lines.length = 0;
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'x-request-id': 'req-lane', ...(lane ? { 'x-lane': lane } : {}) },
    });
    const body = (await response.json()) as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { status: response.status, requestId: response.headers.get('x-request-id'), body };
  };
  const accessLines = () => lines.filter((line) => line.msg === 'request');

  it('answers what it takes with express request and response, tracked once', async () => {
    const answer = await send('/lane', 'answer');
    expect(answer).toEqual({
      status: 201,
      requestId: 'req-lane',
      body: { from: 'lane', requestId: 'req-lane', ip: '127.0.0.1' },
    });
    expect(chain).toEqual(['lane']);
    expect(accessLines()).toHaveLength(1);
    expect(accessLines()[0]).toMatchObject({ requestId: 'req-lane', path: '/lane', status: 201 });
  });

  it('hands on to the app with what it did, under the same request id, tracked once', async () => {
    const answer = await send('/lane');
    expect(answer.body).toEqual({ from: 'app', seen: 'by the lane', requestId: 'req-lane' });
    expect(chain).toEqual(['lane', 'app']);
    expect(accessLines()).toHaveLength(1);
  });

  it("hands its error and a rejected handle to the app's error handlers", async () => {
    expect(await send('/lane', 'error')).toMatchObject({ status: 418, body: { error: 'lane refused' } });
    expect(chain).toEqual(['lane', 'error handler']);
    expect(await send('/lane', 'throw')).toMatchObject({ status: 418, body: { error: 'lane failed' } });
    expect(accessLines()).toHaveLength(1);
  });

  it('leaves what it does not take to express', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok' });
    chain.length = 0;
    expect((await fetch(`${server.url}/lane`)).status).toBe(404);
    expect(chain).toEqual([]);
  });
});

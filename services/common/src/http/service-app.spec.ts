import { Writable } from 'node:stream';
import { configureLogger } from '../logging/logger';
import { createServiceApp, listen, type Listening } from './service-app';

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

  it('leaves health probes out', async () => {
    lines.length = 0;
    await (await fetch(`${server.url}/health`)).text();
    await (await fetch(`${server.url}/ready`)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.filter((line) => line.msg === 'request')).toEqual([]);
  });
});

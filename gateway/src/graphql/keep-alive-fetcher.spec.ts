import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAliveFetcher } from './keep-alive-fetcher';

/** A subgraph stand-in that echoes the request and counts the connections it accepted. */
async function startEcho() {
  const state = { connections: 0, hang: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.hang) return;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'private');
      res.end(
        JSON.stringify({
          method: req.method,
          actor: req.headers['x-payoffice-actor'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  server.on('connection', () => (state.connections += 1));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('keepAliveFetcher', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;

  beforeEach(async () => {
    echo = await startEcho();
  });

  afterEach(async () => {
    await echo.close();
  });

  it('sends method, headers and body, and answers like fetch', async () => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 5000);
    const response = await fetcher(echo.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payoffice-actor': 'signed' },
      body: '{"query":"{ 支付 }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('private');
    expect(await response.json()).toEqual({
      method: 'POST',
      actor: 'signed',
      body: '{"query":"{ 支付 }"}',
    });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow('body used already');
    close();
  });

  it.each([
    ['one read', 20],
    ['many reads', 300_000],
  ])('answers arrayBuffer with exactly the body bytes (%s)', async (_label, size) => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 5000);
    const sent = 'x'.repeat(size);
    const response = await fetcher(echo.url, { method: 'POST', body: sent });
    const bytes = await response.arrayBuffer();
    const text = Buffer.from(bytes).toString('utf8');
    expect(bytes.byteLength).toBe(Buffer.byteLength(text));
    expect((JSON.parse(text) as { body: string }).body).toBe(sent);
    close();
  });

  it('reuses one connection for calls one after another', async () => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 5000);
    for (let i = 0; i < 5; i += 1) {
      const response = await fetcher(echo.url, { method: 'POST', body: `{"i":${i}}` });
      expect(((await response.json()) as { body: string }).body).toBe(`{"i":${i}}`);
    }
    expect(echo.state.connections).toBe(1);
    close();
  });

  it('rejects with a TimeoutError when its deadline passes, and drops that connection', async () => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 100);
    echo.state.hang = true;
    const started = Date.now();
    await expect(fetcher(echo.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    echo.state.hang = false;
    await (await fetcher(echo.url, { method: 'POST', body: '{}' })).json();
    expect(echo.state.connections).toBe(2);
    close();
  });

  it('leaves no timer behind once a call is answered', async () => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 60_000);
    const timers = () =>
      (process as unknown as { getActiveResourcesInfo: () => string[] })
        .getActiveResourcesInfo()
        .filter((kind) => kind === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 3; i += 1) await (await fetcher(echo.url, { method: 'POST', body: '{}' })).json();
    expect(timers()).toBe(before);
    close();
  });

  it('rejects with an aborted signal’s reason, and drops that connection', async () => {
    const { fetcher, close } = keepAliveFetcher(echo.url, 5000);
    echo.state.hang = true;
    const controller = new AbortController();
    const call = fetcher(echo.url, { method: 'POST', body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 50);
    await expect(call).rejects.toMatchObject({ name: 'AbortError', message: 'stop' });
    echo.state.hang = false;
    await (await fetcher(echo.url, { method: 'POST', body: '{}' })).json();
    expect(echo.state.connections).toBe(2);
    close();
  });

  it('rejects a refused connection with a FetchError', async () => {
    const { url } = echo;
    await echo.close();
    const { fetcher, close } = keepAliveFetcher(url, 5000);
    await expect(fetcher(url, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'FetchError',
      code: 'ECONNREFUSED',
    });
    close();
    echo = await startEcho(); // for afterEach
  });
});

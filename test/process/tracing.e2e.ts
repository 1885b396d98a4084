// OpenTelemetry across processes: `npm start`'s services with the standard OTEL_*
// variables pointed at a real OTLP/HTTP receiver (this test's), one GraphQL request
// through the gateway with a W3C `traceparent`, and the spans that come back: the
// gateway's and the orders subgraph's, in the caller's trace, PostgreSQL statements
// included. Without the variables nothing is traced (the other process tests run so).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, signJwt, TEST_ACTORS } from '@pay/common';
import { loadGatewayConfig } from '@pay/gateway';
import { running, startPlatform, STARTUP_MS, waitFor, type Started } from '../support/npm-start';

jest.setTimeout(STARTUP_MS + 60_000);

interface ReceivedSpan {
  service: string;
  traceId: string;
  name: string;
  kind: number;
}

/** OTLP/HTTP JSON: resourceSpans → resource (service.name) → scopeSpans → spans. */
function spansOf(body: unknown): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  const resourceSpans = (body as { resourceSpans?: unknown[] }).resourceSpans ?? [];
  for (const rs of resourceSpans as {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; name: string; kind: number }[] }[];
  }[]) {
    const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
    for (const scope of rs.scopeSpans ?? [])
      for (const span of scope.spans ?? [])
        spans.push({ service, traceId: span.traceId, name: span.name, kind: span.kind });
  }
  return spans;
}

describe('tracing (OpenTelemetry, OTLP over HTTP)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let receiver: Server;
  let started: Started | null = null;
  const received: ReceivedSpan[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces')
          received.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    if (started) {
      started.shell.kill('SIGINT');
      for (const pid of [...started.services, started.start]) {
        await waitFor(`process ${pid} to stop`, () => !running(pid), 30_000).catch(() => {
          if (running(pid)) process.kill(pid, 'SIGKILL');
        });
      }
    }
    await new Promise((resolve) => receiver.close(resolve));
    await db.drop();
  });

  it("exports the gateway's and the subgraph's spans of one request in the caller's trace", async () => {
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    started = await startPlatform(db.url, {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    const config = loadGatewayConfig({ NODE_ENV: 'test' });
    const token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${started.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: '{ orders(pageSize: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const inTrace = () => received.filter((span) => span.traceId === traceId);
    await waitFor(
      'the gateway and orders spans of the request',
      () =>
        inTrace().some((s) => s.service === 'gateway') &&
        inTrace().some((s) => s.service === 'orders' && s.kind === 2 /* SERVER */) &&
        inTrace().some((s) => s.service === 'orders' && /pg\.query|select/i.test(s.name)),
      30_000,
    );
    const services = new Set(inTrace().map((span) => span.service));
    expect([...services].sort()).toEqual(expect.arrayContaining(['gateway', 'orders']));
    // Health probes are not traced.
    expect(received.some((span) => /health/.test(span.name))).toBe(false);
  });
});

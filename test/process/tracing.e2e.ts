// OpenTelemetry across processes: `npm start`'s services with the standard OTEL_*
// variables pointed at a real OTLP/HTTP receiver (this test's), GraphQL requests through
// the gateway with a W3C `traceparent`, and the spans that come back: the gateway's and
// the orders subgraph's in the caller's trace, PostgreSQL statements included, and —
// carried inside the outbox event — the delivery of an order's payment to the ledger.
// Without the variables nothing is traced (the other process tests run so).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTestDatabase,
  dataOf,
  openDatabase,
  postGraphQL,
  signJwt,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
import { loadGatewayConfig } from '@pay/gateway';
import { buildStandardWorld, ordersEntities, ordersMigrations } from '@pay/orders';
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
    // The small world of merchants and channels the order below is made in.
    const orm = await openDatabase({
      url: db.url,
      schema: 'orders',
      entities: ordersEntities,
      migrations: ordersMigrations,
    });
    await buildStandardWorld(orm.em.fork());
    await orm.close(true);
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

  const config = loadGatewayConfig({ NODE_ENV: 'test' });
  const tokenOf = (actor: Actor) =>
    signJwt(actor, { secret: config.auth.jwtSecret, issuer: config.auth.jwtIssuer });

  it("exports the gateway's and the subgraph's spans of one request in the caller's trace", async () => {
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    started = await startPlatform(db.url, {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    const token = tokenOf(TEST_ACTORS.operator);
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

  it("carries the trace inside the outbox event: the ledger's handling of a payment is in the trace of the request that paid", async () => {
    expect(started).not.toBeNull();
    const graphqlUrl = `${started!.gatewayUrl}/graphql`;
    const created = dataOf(
      await postGraphQL<{ createOrder: { order: { platformOrderNo: string } } }>(
        graphqlUrl,
        `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { order { platformOrderNo } } }`,
        { input: { amount: '12.34', merchantOrderNo: 'TRACE-1', notifyUrl: 'http://127.0.0.1:9/notify' } },
        { authorization: `Bearer ${tokenOf(TEST_ACTORS.merchant)}` },
      ),
    ).createOrder.order;
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const completed = await postGraphQL<{ completeOrder: { order: { statusCode: number } } }>(
      graphqlUrl,
      `mutation ($input: ManualOrderActionInput!) { completeOrder(input: $input) { order { statusCode } } }`,
      { input: { platformOrderNo: created.platformOrderNo } },
      {
        authorization: `Bearer ${tokenOf(TEST_ACTORS.operator)}`,
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
    );
    expect(dataOf(completed).completeOrder.order.statusCode).toBe(1);

    // orders' relay delivers order.paid to the ledger in a span continuing the event's trace;
    // the ledger's server span for that call is in the same trace.
    const inTrace = () => received.filter((span) => span.traceId === traceId);
    await waitFor(
      "the outbox delivery and the ledger's handling in the request's trace",
      () =>
        inTrace().some((s) => s.service === 'orders' && s.name === 'outbox deliver ledger') &&
        inTrace().some((s) => s.service === 'ledger' && s.kind === 2 /* SERVER */),
      30_000,
    ).catch((error: unknown) => {
      const seen = inTrace().map((s) => `${s.service}: ${s.name}`);
      throw new Error(`${String(error)}; spans in the trace: ${JSON.stringify(seen)}`);
    });
  });
});

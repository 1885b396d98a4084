import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, signJwt, TEST_ACTORS } from '@pay/common';
import { loadGatewayConfig } from '../config';
import { composeSupergraph } from '../schema/compose';
import { createGatewayServer, type GatewayServer } from '../server';

const DEADLINE_MS = 800;
const MIN_CALLS = 3;

/**
 * A stand-in for the ledger subgraph. As a black hole it accepts the connection and
 * reads the request but never answers (a paused process); healed, it answers `{ balance }`.
 * `requests` counts the requests that reached it.
 */
async function startLedgerStandIn() {
  const state = { blackHole: true, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    if (state.blackHole) {
      req.resume();
      return;
    }
    req.resume().on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { balance: '88.50' } }));
    });
  });
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

interface Answer {
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('gateway → subgraph calls: deadline and circuit breaker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-circuit-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  let ledger: Awaited<ReturnType<typeof startLedgerStandIn>>;
  let gateway: GatewayServer | undefined;

  beforeAll(async () => {
    ledger = await startLedgerStandIn();
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        {
          name: 'ledger',
          url: 'http://baked-in.invalid/graphql',
          sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
                type Query { balance: String }`,
        },
      ]),
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a gateway whose ledger is the stand-in (or `ledgerUrl`); returns a caller of `{ balance }`. */
  async function gatewayWith(env: Record<string, string>) {
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraphPath,
      LEDGER_URL: ledger.url,
      SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS),
      SUBGRAPH_BREAKER_MIN_CALLS: String(MIN_CALLS),
      SUBGRAPH_BREAKER_RESET_MS: '1000',
      ...env,
    });
    await gateway?.stop();
    gateway = await createGatewayServer(config);
    const { url } = await gateway.start(0, '127.0.0.1');
    const token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    return async (): Promise<Answer> => {
      const started = Date.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ balance }' }),
        // The test's own guard: a hang fails the test instead of timing it out.
        signal: AbortSignal.timeout(10_000),
      });
      return { ms: Date.now() - started, body: (await response.json()) as Answer['body'] };
    };
  }

  const unavailable = (answer: Answer, message: RegExp) => {
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect(answer.body.errors?.[0]?.message).toMatch(message);
  };

  it('answers DEPENDENCY_UNAVAILABLE at the deadline, stops calling a failing subgraph, and tries again after the reset', async () => {
    ledger.state.blackHole = true;
    ledger.state.requests = 0;
    const balance = await gatewayWith({});

    // Each call reaches the black hole and is given up at the deadline, until MIN_CALLS failed.
    for (let call = 1; call <= MIN_CALLS; call += 1) {
      const answer = await balance();
      unavailable(answer, new RegExp(`the ledger service did not answer within ${DEADLINE_MS} ms`));
      expect(answer.ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(answer.ms).toBeLessThan(DEADLINE_MS + 3000);
      expect(ledger.state.requests).toBe(call);
    }

    // The circuit is open: calls fail at once and never reach the subgraph.
    for (let call = 0; call < 5; call += 1) {
      const answer = await balance();
      unavailable(answer, /the ledger service is unavailable/);
      expect(answer.ms).toBeLessThan(DEADLINE_MS);
    }
    expect(ledger.state.requests).toBe(MIN_CALLS);

    // After the reset timeout one trial call goes through; the healed subgraph answers and the circuit closes.
    ledger.state.blackHole = false;
    const healed = await eventually(async () => {
      const answer = await balance();
      return answer.body.errors ? undefined : answer;
    }, 'a call let through after the reset timeout');
    expect(healed.body).toEqual({ data: { balance: '88.50' } });
    expect(ledger.state.requests).toBe(MIN_CALLS + 1);
    expect((await balance()).body).toEqual({ data: { balance: '88.50' } });
    expect(ledger.state.requests).toBe(MIN_CALLS + 2);
  });

  it('reopens the circuit when the trial call after the reset fails too', async () => {
    ledger.state.blackHole = true;
    ledger.state.requests = 0;
    const balance = await gatewayWith({});
    for (let call = 1; call <= MIN_CALLS; call += 1) await balance();
    expect(ledger.state.requests).toBe(MIN_CALLS);

    // The trial call reaches the still-silent subgraph and fails at the deadline…
    const trial = await eventually(async () => {
      const answer = await balance();
      return ledger.state.requests > MIN_CALLS ? answer : undefined;
    }, 'a trial call after the reset timeout');
    unavailable(trial, /did not answer within/);
    // …and the circuit is open again at once.
    unavailable(await balance(), /the ledger service is unavailable/);
    expect(ledger.state.requests).toBe(MIN_CALLS + 1);
  });

  it('defaults to a 5 s deadline and a breaker that opens on more than half of 5+ calls failing, for 10 s', () => {
    expect(loadGatewayConfig({}).subgraphCalls).toEqual({
      timeoutMs: 5000,
      breaker: { errorPercent: 50, minCalls: 5, resetMs: 10_000, windowMs: 10_000 },
    });
    expect(() => loadGatewayConfig({ SUBGRAPH_TIMEOUT_MS: '0' })).toThrow(/SUBGRAPH_TIMEOUT_MS/);
  });

  it('answers DEPENDENCY_UNAVAILABLE when the subgraph refuses connections', async () => {
    const closed = await startLedgerStandIn();
    await closed.close();
    const balance = await gatewayWith({ LEDGER_URL: closed.url });
    unavailable(await balance(), /the ledger service could not be reached/);
  });

  it('passes a GraphQL error the subgraph answers through without counting it against the circuit', async () => {
    const erring = createServer((req, res) => {
      req.resume().on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({ data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }),
        );
      });
    });
    erring.listen(0, '127.0.0.1');
    await new Promise((resolve) => erring.once('listening', resolve));
    try {
      const port = (erring.address() as AddressInfo).port;
      const balance = await gatewayWith({ LEDGER_URL: `http://127.0.0.1:${port}/graphql` });
      for (let call = 0; call < MIN_CALLS + 2; call += 1) {
        expect((await balance()).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    } finally {
      await new Promise((resolve) => erring.close(resolve));
    }
  });
});

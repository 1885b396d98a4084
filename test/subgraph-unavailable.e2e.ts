import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { ACTORS, startPlatform, type Platform } from './support/platform';
import { merchantApiCall } from './support/legacy-clients';

const DEADLINE_MS = 1000;

/** A paused process as the network sees it: connections are accepted, nothing is ever answered. */
async function startBlackHole() {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: () => connections,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Runs `call`, failing the test (rather than timing it out) if it takes longer than `limitMs`. */
async function within<T>(limitMs: number, call: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await call();
  expect(Date.now() - started).toBeLessThan(limitMs);
  return value;
}

describe('a subgraph that stops answering (issue 13)', () => {
  let platform: Platform;
  let blackHole: Awaited<ReturnType<typeof startBlackHole>>;

  beforeAll(async () => {
    blackHole = await startBlackHole();
    platform = await startPlatform({
      gatewayEnv: { LEDGER_URL: blackHole.url, SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS) },
    });
  });
  afterAll(async () => {
    await platform?.close();
    await blackHole?.close();
  });

  it('answers merchantBalance with DEPENDENCY_UNAVAILABLE naming the ledger within seconds', async () => {
    const result = await within(DEADLINE_MS + 4000, () =>
      platform.gql('{ merchantBalance { available } }', {}, ACTORS.merchant),
    );
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/ledger/),
      extensions: { code: 'DEPENDENCY_UNAVAILABLE', details: { service: 'ledger' } },
    });
    expect(blackHole.connections()).toBeGreaterThan(0);
  });

  it('still answers what the other subgraphs own', async () => {
    const result = await platform.gql('{ merchant(id: 2024164) { id } }', {}, ACTORS.merchant);
    expect(result.body).toEqual({ data: { merchant: { id: 2024164 } } });
  });

  it("answers the merchant API's /balance in its failure envelope within seconds", async () => {
    const response = await within(DEADLINE_MS + 4000, () => merchantApiCall(platform, '/balance'));
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ code: 1, message: '系统繁忙，请稍后重试。', data: null });
  });
});

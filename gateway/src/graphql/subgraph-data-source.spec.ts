import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { ACTOR_HEADER, signJwt, TEST_ACTORS, verifyActorHeader, type Actor } from '@pay/common';
import { loadGatewayConfig } from '../config';
import { composeSupergraph } from '../schema/compose';
import { createGatewayServer, type GatewayServer } from '../server';

/** A one-field subgraph that notes the actor each call carried. */
async function startSubgraph(secret: string) {
  const actors: (Actor | null)[] = [];
  const app = express();
  app.post('/graphql', express.json(), (req, res) => {
    actors.push(verifyActorHeader(req.header(ACTOR_HEADER), secret));
    res.json({ data: { whoami: 'ok' } });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    actors,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the signed actor the gateway forwards to subgraphs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-actor-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  let subgraph: Awaited<ReturnType<typeof startSubgraph>>;
  const gateways: GatewayServer[] = [];

  beforeAll(async () => {
    subgraph = await startSubgraph(loadGatewayConfig({}).auth.internalSecret);
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        {
          name: 'orders',
          url: 'http://baked-in.invalid/graphql',
          sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
                type Query { whoami: String }`,
        },
      ]),
    );
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await subgraph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a gateway over the one-field subgraph; returns a caller of `{ whoami }` as the operator. */
  async function gatewayWith(env: Record<string, string>) {
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraphPath,
      ORDERS_URL: subgraph.url,
      ...env,
    });
    const gateway = await createGatewayServer(config);
    gateways.push(gateway);
    const { url } = await gateway.start(0, '127.0.0.1');
    const token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    return async (headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ query: '{ whoami }' }),
      });
      expect(await response.json()).toEqual({ data: { whoami: 'ok' } });
      return subgraph.actors.at(-1);
    };
  }

  it("carries the caller's IP (req.ip) in the verified actor", async () => {
    const call = await gatewayWith({});
    expect(await call()).toEqual({ sub: 'ops-alice', role: 'OPERATOR', ip: '127.0.0.1' });
  });

  it('believes X-Forwarded-For from a trusted proxy (loopback by default) only', async () => {
    const call = await gatewayWith({});
    // The test client is on loopback, i.e. a trusted proxy: the address it forwards is the caller's.
    expect(await call({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toMatchObject({
      ip: '203.0.113.7',
    });

    const untrusting = await gatewayWith({ TRUST_PROXY: '10.0.0.0/8' });
    // Loopback is no proxy of this gateway's: whatever it claims, the caller is the socket's peer.
    expect(await untrusting({ 'x-forwarded-for': '203.0.113.7' })).toMatchObject({ ip: '127.0.0.1' });
  });

  it('trusts two hops with TRUST_PROXY=2', async () => {
    const call = await gatewayWith({ TRUST_PROXY: '2' });
    // Socket peer (hop 1) and the last forwarded address (hop 2) are proxies; the one before is the caller.
    expect(await call({ 'x-forwarded-for': '203.0.113.7, 10.0.0.5' })).toMatchObject({ ip: '203.0.113.7' });
  });
});

import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ACTOR_HEADER, freePort, signJwt, TEST_ACTORS, verifyActorHeader, type Actor } from '@pay/common';
import { loadGatewayConfig, type GatewayConfig } from '../config';
import { createGatewayServer, type GatewayServer } from '../server';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(2000, 7),
]);
const PNG_ID = createHash('sha256').update(PNG).digest('hex');
const MISSING_ID = 'a'.repeat(64);
const NOT_YOURS_ID = 'b'.repeat(64);
const BROKEN_ID = 'c'.repeat(64);

/** A stand-in for the settlement service's voucher endpoint: notes who asked for what. */
async function startSettlement(secret: string) {
  const asked: { id: string; actor: Actor | null }[] = [];
  const app = express();
  app.get('/internal/vouchers/:sha256', (req, res) => {
    asked.push({ id: req.params.sha256, actor: verifyActorHeader(req.header(ACTOR_HEADER), secret) });
    if (req.params.sha256 === PNG_ID) {
      res.setHeader('content-type', 'image/png');
      res.setHeader('content-disposition', `inline; filename="${PNG_ID}.png"`);
      res.setHeader('x-internal-detail', 'not for the caller');
      res.send(PNG);
    } else if (req.params.sha256 === NOT_YOURS_ID) {
      res.status(403).json({ code: 'FORBIDDEN', message: 'not your voucher' });
    } else if (req.params.sha256 === BROKEN_ID) {
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
    } else {
      res.status(404).json({ code: 'NOT_FOUND', message: 'no such voucher' });
    }
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    asked,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('GET /files/vouchers/:sha256', () => {
  let settlement: Awaited<ReturnType<typeof startSettlement>>;
  let config: GatewayConfig;
  let gateway: GatewayServer;
  let base: string;
  const tokenOf = (actor: Actor) =>
    signJwt(actor, { secret: config.auth.jwtSecret, issuer: config.auth.jwtIssuer });
  const get = (id: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/files/vouchers/${id}`, { headers });
  const asOperator = () => ({ authorization: `Bearer ${tokenOf(TEST_ACTORS.operator)}` });
  const errorOf = async (response: globalThis.Response) =>
    ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];

  beforeAll(async () => {
    settlement = await startSettlement(loadGatewayConfig({}).auth.internalSecret);
    config = loadGatewayConfig({ NODE_ENV: 'test', SETTLEMENT_URL: settlement.url });
    gateway = await createGatewayServer(config);
    base = (await gateway.start(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await gateway.stop();
    await settlement.close();
  });

  it("streams the voucher with its type, length and disposition, asking as the caller (with the caller's IP)", async () => {
    const response = await get(PNG_ID.toUpperCase(), {
      authorization: `Bearer ${tokenOf(TEST_ACTORS.merchant)}`,
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${PNG_ID}.png"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-internal-detail')).toBeNull();
    expect(settlement.asked.at(-1)).toEqual({
      id: PNG_ID,
      actor: { ...TEST_ACTORS.merchant, ip: '127.0.0.1' },
    });
  });

  it.each([
    ['no token', {}],
    ['no token on a browser page load', { accept: 'text/html' }],
    [
      'a token signed with another secret',
      {
        authorization: `Bearer ${signJwt(TEST_ACTORS.operator, { secret: 'another-secret-0123456789', issuer: 'payoffice' })}`,
      },
    ],
    ['not a bearer token', { authorization: 'Basic b3BzOm9wcw==' }],
  ])('answers 401 for %s, asking settlement nothing', async (_name, headers) => {
    const before = settlement.asked.length;
    const response = await get(PNG_ID, headers);
    expect(response.status).toBe(401);
    expect((await errorOf(response))?.extensions.code).toBe('UNAUTHENTICATED');
    expect(settlement.asked.length).toBe(before);
  });

  it.each(['abc', `${PNG_ID}0`, 'g'.repeat(64), `${'a'.repeat(63)}%2F`])(
    'answers 400 for the id %p, asking settlement nothing',
    async (id) => {
      const before = settlement.asked.length;
      const response = await get(id, asOperator());
      expect(response.status).toBe(400);
      expect((await errorOf(response))?.extensions.code).toBe('BAD_REQUEST');
      expect(settlement.asked.length).toBe(before);
    },
  );

  it.each([
    ['a missing voucher', MISSING_ID, 404, 'NOT_FOUND'],
    ["a voucher that is not the caller's", NOT_YOURS_ID, 403, 'FORBIDDEN'],
    ['a failing settlement service', BROKEN_ID, 502, 'DEPENDENCY_UNAVAILABLE'],
  ])('answers %s with %d', async (_name, id, status, code) => {
    const response = await get(id, asOperator());
    expect(response.status).toBe(status);
    expect((await errorOf(response))?.extensions.code).toBe(code);
  });

  it('answers 502 when the settlement service is unreachable', async () => {
    const unreachable = await createGatewayServer(
      loadGatewayConfig({ NODE_ENV: 'test', SETTLEMENT_URL: `http://127.0.0.1:${await freePort()}/graphql` }),
    );
    try {
      const { url } = await unreachable.start(0, '127.0.0.1');
      const response = await fetch(`${url}/files/vouchers/${PNG_ID}`, { headers: asOperator() });
      expect(response.status).toBe(502);
      expect(await errorOf(response)).toEqual({
        message: 'the settlement service is unavailable',
        extensions: { code: 'DEPENDENCY_UNAVAILABLE' },
      });
    } finally {
      await unreachable.stop();
    }
  });
});

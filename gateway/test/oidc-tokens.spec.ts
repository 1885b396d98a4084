import type { AddressInfo } from 'node:net';
import express from 'express';
import { base64url, decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { ACTOR_HEADER, signJwt, TEST_ACTORS, verifyActorHeader, type Actor } from '@pay/common';
import { authenticate } from '../src/auth/authenticate';
import { createTokenVerifier } from '../src/auth/token-verifier';
import { loadGatewayConfig, type GatewayConfig } from '../src/config';
import { createGatewayServer, type GatewayServer } from '../src/server';
import { startOidcProvider, type OidcTestClient, type TestOidcProvider } from './support/oidc-provider';

const API = 'https://api.payoffice.test';
const OTHER_API = 'https://other-api.payoffice.test';

const client = (id: string, claims: Record<string, unknown>, extra: Partial<OidcTestClient> = {}) => ({
  id,
  secret: `${id}-secret`,
  claims,
  ...extra,
});
const CLIENTS = {
  operator: client('ops-console', { roles: ['operator'] }),
  analyst: client('analyst-console', { roles: 'ANALYST' }),
  merchant: client('merchant-7', { roles: ['MERCHANT'], merchant_id: '7' }),
  merchantAndAnalyst: client('merchant-analyst', { roles: ['MERCHANT', 'ANALYST'], merchant_id: 7 }),
  merchantWithoutId: client('merchant-no-id', { roles: ['MERCHANT'] }),
  noRole: client('viewer', { roles: ['viewer'] }),
  expired: client('ops-expired', { roles: ['OPERATOR'] }, { expired: true }),
} satisfies Record<string, OidcTestClient>;

/** A stand-in reconciliation subgraph: one canned answer, and the signed actor of every call. */
async function startReconciliation(internalSecret: string) {
  const actors: (Actor | null)[] = [];
  const app = express();
  app.post('/graphql', express.json(), (req, res) => {
    actors.push(verifyActorHeader(req.header(ACTOR_HEADER), internalSecret));
    // What was asked and no more: the gateway may pass a single-subgraph answer on as it is.
    const asksNodes = String((req.body as { query?: unknown }).query).includes('nodes');
    res.json({ data: { reconciliationRuns: { totalCount: 0, ...(asksNodes ? { nodes: [] } : {}) } } });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    actors,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('OpenID Connect tokens at the gateway (a real oidc-provider)', () => {
  let idp: TestOidcProvider;
  let otherIdp: TestOidcProvider;
  let reconciliation: Awaited<ReturnType<typeof startReconciliation>>;
  let config: GatewayConfig;
  let gateway: GatewayServer;
  let base: string;

  const tokenFor = (c: OidcTestClient, resource = API) => idp.clientCredentialsToken(c, resource);
  const graphql = (token: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ reconciliationRuns { totalCount } }' }),
    });
  const payAdmin = (token: string) =>
    fetch(`${base}/pay/check_record`, { headers: { authorization: `Bearer ${token}` } });

  /** Calls /graphql with the token; the actor the subgraph was given. */
  async function actorOnGraphql(token: string) {
    const response = await graphql(token);
    expect(await response.json()).toEqual({ data: { reconciliationRuns: { totalCount: 0 } } });
    expect(response.status).toBe(200);
    return reconciliation.actors.at(-1);
  }

  async function expectRefused(token: string, message: RegExp) {
    const response = await graphql(token);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toEqual([
      { message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const admin = await payAdmin(token);
    expect(admin.status).toBe(401);
    expect(await admin.json()).toEqual({ code: 401, msg: '未授权', data: null });
  }

  let ourKeys: ReturnType<typeof generateKeyPair> | undefined;
  /** A token like the issuer's, signed by a key of our own (the issuer's kid by default). */
  async function forged(claims: Record<string, unknown>, header: { kid?: string } = {}) {
    const { privateKey } = await (ourKeys ??= generateKeyPair('RS256'));
    return new SignJWT({ roles: ['OPERATOR'], ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: idp.kid, ...header })
      .setIssuer(idp.issuer)
      .setAudience(API)
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  }

  beforeAll(async () => {
    [idp, otherIdp] = await Promise.all([
      startOidcProvider({ resources: [API, OTHER_API], clients: Object.values(CLIENTS) }),
      // Another provider, trusted by nobody here, whose operator asks for our API.
      startOidcProvider({ resources: [API], clients: [CLIENTS.operator] }),
    ]);
    const env = loadGatewayConfig({});
    reconciliation = await startReconciliation(env.auth.internalSecret);
    const loaded = loadGatewayConfig({
      NODE_ENV: 'test',
      RECONCILIATION_URL: reconciliation.url,
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: API,
      OIDC_CLIENT_ID: 'payoffice-console',
    });
    // Refetch the key set on any unknown key id at once, so rotation needs no waiting.
    const oidc = { ...loaded.auth.oidc!, jwks: { ...loaded.auth.oidc!.jwks, cooldownMs: 0 } };
    config = { ...loaded, auth: { ...loaded.auth, oidc } };
    gateway = await createGatewayServer(config);
    base = (await gateway.start(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await gateway?.stop();
    await reconciliation?.close();
    await Promise.all([idp?.stop(), otherIdp?.stop()]);
  });

  it('serves the console its sign-in settings', async () => {
    const response = await fetch(`${base}/console/auth-config`);
    expect(await response.json()).toEqual({
      oidc: {
        issuer: idp.issuer,
        clientId: 'payoffice-console',
        audience: API,
        scopes: ['openid', 'profile'],
        roleClaim: 'roles',
        merchantClaim: 'merchant_id',
      },
    });
  });

  it('takes an OPERATOR access token on /graphql and /pay/*, forwarding sub and role', async () => {
    const token = await tokenFor(CLIENTS.operator);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: idp.kid });
    expect(decodeJwt(token)).toMatchObject({ iss: idp.issuer, aud: API, sub: 'ops-console' });

    expect(await actorOnGraphql(token)).toEqual({ sub: 'ops-console', role: 'OPERATOR', ip: '127.0.0.1' });

    const admin = await payAdmin(token);
    expect(await admin.json()).toEqual({ code: 200, data: { num: 0, data: [] } });
    expect(reconciliation.actors.at(-1)).toEqual({ sub: 'ops-console', role: 'OPERATOR', ip: '127.0.0.1' });
  });

  it('maps ANALYST and MERCHANT (with its merchant id), OPERATOR > ANALYST > MERCHANT', async () => {
    expect(await actorOnGraphql(await tokenFor(CLIENTS.analyst))).toMatchObject({ role: 'ANALYST' });
    expect(await actorOnGraphql(await tokenFor(CLIENTS.merchant))).toEqual({
      sub: 'merchant-7',
      role: 'MERCHANT',
      merchantId: 7,
      ip: '127.0.0.1',
    });
    expect(await actorOnGraphql(await tokenFor(CLIENTS.merchantAndAnalyst))).toEqual({
      sub: 'merchant-analyst',
      role: 'ANALYST',
      ip: '127.0.0.1',
    });
    // /pay/* is for operators (analysts may read): a MERCHANT is forbidden, not unauthenticated.
    const admin = await payAdmin(await tokenFor(CLIENTS.merchant));
    expect(admin.status).toBe(403);
  });

  it('refuses an expired token', async () => {
    await expectRefused(await tokenFor(CLIENTS.expired), /^token expired$/);
  });

  it('refuses a token for another API (aud)', async () => {
    await expectRefused(await tokenFor(CLIENTS.operator, OTHER_API), /not for this API \(aud\)/);
  });

  it('refuses a token of another issuer', async () => {
    const token = await otherIdp.clientCredentialsToken(CLIENTS.operator, API);
    expect(decodeJwt(token)).toMatchObject({ aud: API, roles: ['operator'] });
    await expectRefused(token, /^invalid token$/);
  });

  it("refuses a token with the issuer's iss signed by another key, with the issuer's kid or another", async () => {
    await expectRefused(await forged({}), /signature does not match the issuer's keys/);
    await expectRefused(await forged({}, { kid: 'not-a-key-of-the-issuer' }), /signature does not match/);
  });

  it("refuses alg none and HS256 (even with JWT_SECRET) under the issuer's iss", async () => {
    const claims = { iss: idp.issuer, aud: API, sub: 'mallory', roles: ['OPERATOR'] };
    const now = Math.floor(Date.now() / 1000);
    const unsigned = [
      { alg: 'none', typ: 'JWT' },
      { ...claims, iat: now, exp: now + 300 },
    ]
      .map((part) => base64url.encode(JSON.stringify(part)))
      .join('.');
    await expectRefused(`${unsigned}.`, /must be signed with one of RS256/);

    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(config.auth.jwtSecret));
    await expectRefused(hs256, /must be signed with one of RS256/);
  });

  it('refuses a MERCHANT token without a merchant id, and a token without a known role', async () => {
    await expectRefused(
      await tokenFor(CLIENTS.merchantWithoutId),
      /MERCHANT token needs a "merchant_id" claim/,
    );
    await expectRefused(await tokenFor(CLIENTS.noRole), /"roles" claim names none of the roles/);
  });

  it("still takes the gateway's own HS256 tokens", async () => {
    const token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    expect(await actorOnGraphql(token)).toEqual({ ...TEST_ACTORS.operator, ip: '127.0.0.1' });
    const admin = await payAdmin(token);
    expect(admin.status).toBe(200);
  });

  it('picks up keys the provider rotated to, and still takes tokens of the previous key', async () => {
    const before = await tokenFor(CLIENTS.operator);
    expect(await actorOnGraphql(before)).toMatchObject({ role: 'OPERATOR' });
    const oldKid = idp.kid;

    const newKid = await idp.rotateKeys();
    const after = await tokenFor(CLIENTS.operator);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(newKid).not.toBe(oldKid);

    expect(await actorOnGraphql(after)).toMatchObject({ sub: 'ops-console', role: 'OPERATOR' });
    expect(await actorOnGraphql(before)).toMatchObject({ sub: 'ops-console', role: 'OPERATOR' });
  });

  it('answers 503, not 401, when the provider keys cannot be fetched', async () => {
    const token = await tokenFor(CLIENTS.operator);
    // A port that was just free: nothing listens there.
    const probe = express().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const oidc = { ...config.auth.oidc!, jwksUrl: `http://127.0.0.1:${deadPort}/jwks` };
    const tokens = createTokenVerifier({ ...config.auth, oidc });
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });

    const app = express().get('/', authenticate(tokens), (_req, res) => void res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'the identity provider could not be reached',
            extensions: { code: 'DEPENDENCY_UNAVAILABLE' },
          },
        ],
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

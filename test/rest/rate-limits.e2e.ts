import { createGatewayServer, type GatewayServer } from '@pay/gateway';
import type { Actor } from '@pay/common';
import { startPlatform, type Platform } from '../support/platform';
import {
  gatewayRoot,
  legacyMerchantSign,
  MERCHANT_KEYS,
  merchantApiCall,
  nowSeconds,
} from '../support/legacy-clients';

/** Low limits, so each one is reached in a few requests; long windows, so none resets mid-test. */
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: '600',
  RATE_LIMIT_PER_MERCHANT: '5',
  RATE_LIMIT_PER_IP: '1000',
  RATE_LIMIT_PER_ACTOR: '4',
  RATE_LIMIT_FAILURES: '3',
  RATE_LIMIT_FAILURE_WINDOW_SECONDS: '600',
  RATE_LIMIT_BLOCK_SECONDS: '600',
};

const TOO_FREQUENT = '请求过于频繁，请稍后重试。';

/** A signed /balance call with the response's headers (merchantApiCall does not keep them). */
async function balance(root: string, merchant: { id: number; key: string }, secret = merchant.key) {
  const params = { merchant_id: merchant.id, timestamp: nowSeconds() };
  const form = new URLSearchParams({
    merchant_id: String(merchant.id),
    timestamp: String(params.timestamp),
    sign: legacyMerchantSign(params, secret),
  });
  const response = await fetch(`${root}/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { code: number; message: string; data: unknown },
  };
}

describe('rate limits (rate-limiter-flexible over PostgreSQL)', () => {
  let platform: Platform;
  let replica: GatewayServer;
  let replicaRoot: string;

  beforeAll(async () => {
    platform = await startPlatform({ gatewayEnv: LIMITS });
    // A second gateway with the same configuration: another replica over the same database.
    replica = await createGatewayServer(platform.gatewayConfig);
    replicaRoot = (await replica.start(0)).url;
  });
  afterAll(async () => {
    await replica?.stop();
    await platform?.close();
  });

  it("answers a merchant over its limit in the merchant API's envelope, and only that merchant", async () => {
    const root = gatewayRoot(platform);
    for (let i = 0; i < 5; i += 1) {
      const ok = await balance(root, MERCHANT_KEYS.merchant);
      expect({ status: ok.status, code: ok.body.code }).toEqual({ status: 200, code: 0 });
    }
    const refused = await balance(root, MERCHANT_KEYS.merchant);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 1, message: TOO_FREQUENT, data: null });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);

    // Another merchant from the same IP has its own allowance.
    const other = await merchantApiCall(platform, '/balance', {}, { merchant: MERCHANT_KEYS.other });
    expect(other.body.code).toBe(0);
  });

  it('blocks bad signatures sooner than good requests, per IP and claimed merchant', async () => {
    const root = gatewayRoot(platform);
    // The other merchant has used 1 of its 5 requests (above); 3 bad signatures block it here.
    for (let i = 0; i < 3; i += 1) {
      const bad = await balance(root, MERCHANT_KEYS.other, 'not-the-key');
      expect({ status: bad.status, message: bad.body.message }).toEqual({ status: 401, message: '签名错误' });
    }
    const blocked = await balance(root, MERCHANT_KEYS.other);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ code: 1, message: TOO_FREQUENT, data: null });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(500);
    // The block is for this IP and merchant, on every replica.
    expect((await balance(replicaRoot, MERCHANT_KEYS.other)).status).toBe(429);
  });

  it('limits /graphql per actor, with RATE_LIMITED and 429', async () => {
    const actor: Actor = { sub: 'rate-limit-test:analyst-a', role: 'ANALYST' };
    for (let i = 0; i < 4; i += 1) {
      const ok = await platform.gql('{ __typename }', {}, actor);
      expect(ok.status).toBe(200);
    }
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.token(actor)}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    // Another actor is not affected.
    const other = await platform.gql(
      '{ __typename }',
      {},
      { sub: 'rate-limit-test:analyst-b', role: 'ANALYST' },
    );
    expect(other.status).toBe(200);
  });

  it('shares the counts between two gateway replicas through PostgreSQL', async () => {
    const actor: Actor = { sub: 'rate-limit-test:replicated', role: 'ANALYST' };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${platform.token(actor)}` };
    const ask = (graphqlUrl: string) =>
      fetch(graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) }).then(
        (r) => r.status,
      );
    const urls = [platform.gatewayUrl, `${replicaRoot}/graphql`];
    // 4 requests split 2 + 2: each replica alone is under the limit of 4, the sum reaches it.
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await ask(urls[i % 2] ?? ''));
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(await ask(urls[0] ?? '')).toBe(429);
    expect(await ask(urls[1] ?? '')).toBe(429);

    const rows = await platform.orm.em
      .getConnection()
      .execute<{ key: string; points: number }[]>(
        "select key, points from gateway.rate_limits where key = 'actor:sub:rate-limit-test:replicated'",
      );
    expect(rows).toEqual([{ key: 'actor:sub:rate-limit-test:replicated', points: 6 }]);
  });

  it('blocks an IP after repeated failed demo sign-ins', async () => {
    const signIn = (identity: string) =>
      fetch(`${replicaRoot}/console/demo-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity }),
      });
    expect((await signIn('operator')).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await signIn('nobody')).status).toBe(400);
    const blocked = await signIn('operator');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

import {
  ACTOR_HEADER,
  httpRequestDuration,
  MERCHANT_API_PROOF_EXTENSION,
  SIGNATURE_VERDICT_HEADER,
  signActorHeader,
  signClaimHeader,
  type Actor,
} from '@pay/common';
import { startPlatform, type Platform } from '../support/platform';
import { legacyMerchantSign, MERCHANT_KEYS, merchantApiCall, nowSeconds } from '../support/legacy-clients';

type Envelope = { code: number; message: string; data: Record<string, unknown> | null };

/** How many times orders' verdict endpoint has answered (the request metric, one registry per test process). */
async function verdictCalls(): Promise<number> {
  const { values } = await httpRequestDuration.get();
  return values
    .filter((v) => v.metricName === 'http_request_duration_seconds_count')
    .filter((v) => String(v.labels.route).includes('merchant-api/verify-signature'))
    .reduce((sum, v) => sum + v.value, 0);
}

const merchantActor = (id: number): Actor => ({ sub: `merchant:${id}`, role: 'MERCHANT', merchantId: id });
const ORDERS_QUERY = 'query Folded { orders(pageSize: 1) { totalCount } }';

/** Signed merchant API parameters, as a merchant's integration sends them. */
function signedParams(merchant: { id: number; key: string }, extra: Record<string, string> = {}) {
  const params: Record<string, string | number> = {
    merchant_id: merchant.id,
    timestamp: nowSeconds(),
    ...extra,
  };
  return { ...params, sign: legacyMerchantSign(params, merchant.key) };
}

describe('merchant API: the signature verdict folded into the orders call', () => {
  let platform: Platform;
  let secret: string;
  beforeAll(async () => {
    platform = await startPlatform();
    secret = platform.gatewayConfig.auth.internalSecret;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('/orders asks orders once: no separate verdict call, the same answer and refusals', async () => {
    const before = await verdictCalls();
    const ok = await merchantApiCall<Envelope>(platform, '/orders', { page_size: 5 });
    expect(ok.body).toMatchObject({ code: 0, data: { merchant_id: String(MERCHANT_KEYS.merchant.id) } });
    const bad = await merchantApiCall<Envelope>(platform, '/orders', { sign: 'ABCDEF' });
    expect(bad.body).toEqual({ code: 1, message: '签名错误', data: null });
    const disabled = await merchantApiCall<Envelope>(
      platform,
      '/orders',
      {},
      { merchant: MERCHANT_KEYS.disabled },
    );
    expect(disabled.body.code).toBe(1);
    expect(disabled.body.message).not.toBe('success');
    expect(await verdictCalls()).toBe(before);
  });

  it('/balance (orders’ merchant, then the ledger’s balance) carries the claim on orders’ fetch of the plan', async () => {
    const before = await verdictCalls();
    expect((await merchantApiCall<Envelope>(platform, '/balance')).body.code).toBe(0);
    expect(await verdictCalls()).toBe(before);
  });

  it('asks on its own when the ledger alone answers (/withdrawlist), the query started beside it', async () => {
    const before = await verdictCalls();
    const ok = await merchantApiCall<Envelope>(platform, '/withdrawlist');
    expect(ok.body).toMatchObject({ code: 0, message: 'success' });
    expect(await verdictCalls()).toBe(before + 1);
    const forged = await merchantApiCall<Envelope>(platform, '/withdrawlist', { sign: 'ABCDEF' });
    expect(forged.body).toEqual({ code: 1, message: '签名错误', data: null });
  });

  it('answers /balance’s plan only once orders accepted the claim on its fetch', async () => {
    const ok = await merchantApiCall<Envelope>(platform, '/balance');
    expect(ok.body).toMatchObject({
      code: 0,
      data: { merchant_id: String(MERCHANT_KEYS.merchant.id), balance: expect.any(String) as unknown },
    });
    // Forged, another merchant's key, a disabled merchant: the refusal alone, no balance.
    const forged = await merchantApiCall<Envelope>(platform, '/balance', { sign: 'ABCDEF' });
    expect(forged.body).toEqual({ code: 1, message: '签名错误', data: null });
    const otherKey = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      {},
      {
        merchant: { id: MERCHANT_KEYS.other.id, key: MERCHANT_KEYS.merchant.key },
      },
    );
    expect(otherKey.body).toEqual({ code: 1, message: '签名错误', data: null });
    const disabled = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      {},
      { merchant: MERCHANT_KEYS.disabled },
    );
    expect(disabled.body.code).toBe(1);
    expect(disabled.body.data).toBeNull();
  });

  it('answers the signature’s refusal before a parameter error, as before', async () => {
    const refused = await merchantApiCall<Envelope>(platform, '/orders', { status: 9, sign: 'ABCDEF' });
    expect(refused.body).toEqual({ code: 1, message: '签名错误', data: null });
    const accepted = await merchantApiCall<Envelope>(platform, '/orders', { status: 9 });
    expect(accepted.body.code).not.toBe(0);
    expect(accepted.body.message).not.toBe('签名错误');
  });

  describe('orders checks a claim before it runs anything', () => {
    const call = async (header: string, extensions?: unknown, url = platform.ordersUrl) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ACTOR_HEADER]: header },
        body: JSON.stringify({ query: ORDERS_QUERY, ...(extensions === undefined ? {} : { extensions }) }),
      });
      return {
        status: response.status,
        verdict: response.headers.get(SIGNATURE_VERDICT_HEADER),
        body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
      };
    };
    const claim = (actor: Actor) => signClaimHeader({ actor, proof: 'merchant-api' }, secret);
    const proof = (params: Record<string, unknown>) => ({
      [MERCHANT_API_PROOF_EXTENSION]: { params, platformOnly: false },
    });
    const { merchant, other } = MERCHANT_KEYS;

    it('runs the operation as the claim when the parameters are signed by that merchant', async () => {
      const answer = await call(claim(merchantActor(merchant.id)), proof(signedParams(merchant)));
      expect(answer).toMatchObject({ status: 200, verdict: 'ok', body: { data: { orders: {} } } });
    });

    it('refuses a claim whose parameters are signed by another merchant, tampered or missing', async () => {
      const cases = [
        proof(signedParams(other)),
        proof({ ...signedParams(merchant), page_size: '99' }),
        proof({ ...signedParams(merchant), sign: 'ABCDEF' }),
        {},
        undefined,
      ];
      for (const extensions of cases) {
        const answer = await call(claim(merchantActor(merchant.id)), extensions);
        expect(answer.verdict).toBe('SIGNATURE_INVALID');
        expect(answer.body.data).toBeUndefined();
        expect(answer.body.errors?.[0]?.extensions.code).toBe('SIGNATURE_INVALID');
      }
    });

    it('never takes a claim as a verified actor, nor a verified header as a claim', async () => {
      // The claim's signature covers its proof: renamed, or cut down to an actor header, it fails.
      const header = claim(merchantActor(merchant.id));
      const [, body, issuedAt, hmac] = header.split('.');
      expect((await call(`${body}.${issuedAt}.${hmac}`)).status).toBe(401);
      expect((await call(`other-proof.${body}.${issuedAt}.${hmac}`)).status).toBe(401);
      // A subgraph without a claim check (the ledger) and internal routes refuse claims.
      const ledgerGraphql = platform.gatewayConfig.subgraphs.ledger!;
      expect((await call(header, proof(signedParams(merchant)), ledgerGraphql)).status).toBe(401);
      const internal = await fetch(
        platform.ordersUrl.replace(/\/graphql$/, '/internal/merchant-api/verify-signature'),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', [ACTOR_HEADER]: header },
          body: JSON.stringify({ params: signedParams(merchant) }),
        },
      );
      expect(internal.status).toBe(401);
      // The verified actor header still works as before, with no verdict in the answer.
      const verified = await call(signActorHeader(merchantActor(merchant.id), secret));
      expect(verified).toMatchObject({ status: 200, verdict: null, body: { data: { orders: {} } } });
    });
  });
});

import { ACTOR_HEADER, merchantSign, signActorHeader, type SignableValue } from '@pay/common';
import { startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';

const MERCHANT_ID = 2024164;
const DEMO_KEY = 'key-2024164-demo';

/**
 * `POST /internal/merchant-api/verify-signature`, as the gateway's REST shim asks it: a
 * verdict reflects the merchant's key and status as they are now, from the moment
 * PostgreSQL's notice of a change reaches the service (the credential cache).
 */
describe('merchant API signature verdicts', () => {
  let app: OrdersTestApp;
  let verdictUrl: string;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    verdictUrl = app.url.replace(/\/graphql$/, '/internal/merchant-api/verify-signature');
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await setMerchant({ key: DEMO_KEY, status: 'active' });
  });

  /** Changes the merchant's row as an operator's SQL would, and waits for the service to hear of it. */
  async function setMerchant(change: { key?: string; status?: string }): Promise<void> {
    const connection = app.orm.em.getConnection();
    const cache = app.server.runtime.merchantCredentials;
    const [now] = await connection.execute<{ signing_key: string; status: string }[]>(
      'select signing_key, status from merchant where id = ?',
      [MERCHANT_ID],
    );
    if (change.key && change.key !== now!.signing_key) {
      const notice = cache.nextNotice();
      await connection.execute('update merchant set signing_key = ? where id = ?', [change.key, MERCHANT_ID]);
      expect(await notice).toBe(String(MERCHANT_ID));
    }
    if (change.status && change.status !== now!.status) {
      const notice = cache.nextNotice();
      await connection.execute('update merchant set status = ? where id = ?', [change.status, MERCHANT_ID]);
      expect(await notice).toBe(String(MERCHANT_ID));
    }
  }

  async function verdict(key: string, extra: Record<string, SignableValue> = {}) {
    const params: Record<string, SignableValue> = {
      merchant_id: String(MERCHANT_ID),
      timestamp: String(Math.floor(Date.now() / 1000)),
      ...extra,
    };
    const response = await fetch(verdictUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader(
          { sub: 'gateway:merchant-api', role: 'SYSTEM' },
          app.config.auth.internalSecret,
        ),
      },
      body: JSON.stringify({ params: { ...params, sign: merchantSign(params, key) }, platformOnly: false }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { ok: boolean; code?: string; caller?: unknown };
  }

  it('accepts the merchant’s key and refuses any other', async () => {
    expect(await verdict(DEMO_KEY)).toEqual({
      ok: true,
      caller: { kind: 'merchant', merchantId: MERCHANT_ID, masterKey: false },
    });
    expect(await verdict('not-the-key')).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses the old key right after the key changes, and accepts the new one', async () => {
    expect((await verdict(DEMO_KEY)).ok).toBe(true); // a verdict with the old key just before
    await setMerchant({ key: 'key-2024164-rotated' });
    expect(await verdict(DEMO_KEY)).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
    expect((await verdict('key-2024164-rotated')).ok).toBe(true);
  });

  it('refuses a merchant right after it is disabled, and accepts it again once enabled', async () => {
    expect((await verdict(DEMO_KEY)).ok).toBe(true);
    await setMerchant({ status: 'disabled' });
    expect(await verdict(DEMO_KEY)).toEqual({ ok: false, code: 'MERCHANT_DISABLED' });
    await setMerchant({ status: 'active' });
    expect((await verdict(DEMO_KEY)).ok).toBe(true);
  });

  /** Counts the verdicts' reads of merchant rows (the loads behind the credential cache). */
  function countKeyReads(): { count: number } {
    const cache = app.server.runtime.merchantCredentials;
    const read = cache.read.bind(cache);
    const reads = { count: 0 };
    jest.spyOn(cache, 'read').mockImplementation((key, load) =>
      read(key, () => {
        reads.count += 1;
        return load();
      }),
    );
    return reads;
  }

  it('reads a merchant’s key once for many verdicts, and again once its row changed', async () => {
    expect(app.server.runtime.merchantCredentials.listening).toBe(true);
    await setMerchant({ key: 'key-2024164-fresh' }); // nothing kept for it now
    const reads = countKeyReads();
    for (let i = 0; i < 5; i += 1) expect((await verdict('key-2024164-fresh')).ok).toBe(true);
    expect(reads.count).toBe(1);
    await setMerchant({ key: DEMO_KEY });
    expect((await verdict(DEMO_KEY)).ok).toBe(true);
    expect(await verdict('key-2024164-fresh')).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(reads.count).toBe(2);
  });

  it('hears only of changes to the status or the key: another column keeps the key kept', async () => {
    expect((await verdict(DEMO_KEY)).ok).toBe(true);
    const reads = countKeyReads();
    const connection = app.orm.em.getConnection();
    await connection.execute(`update merchant set name = name || ' ' where id = ?`, [MERCHANT_ID]);
    // A key change after it is the first notice that arrives.
    const notice = app.server.runtime.merchantCredentials.nextNotice();
    await connection.execute(
      `update merchant set signing_key = 'key-2023100-rotated' where id = ?`,
      [2023100],
    );
    expect(await notice).toBe('2023100');
    expect((await verdict(DEMO_KEY)).ok).toBe(true);
    expect(reads.count).toBe(0);
  });

  it('answers MERCHANT_DISABLED for a merchant that does not exist', async () => {
    expect(await verdict(DEMO_KEY, { merchant_id: '999999' })).toEqual({
      ok: false,
      code: 'MERCHANT_DISABLED',
    });
  });

  it('refuses a body outside the contract (400 naming the field) and an unsigned caller (401)', async () => {
    const system = signActorHeader(
      { sub: 'gateway:merchant-api', role: 'SYSTEM' },
      app.config.auth.internalSecret,
    );
    const malformed = await fetch(verdictUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: system },
      body: JSON.stringify({ params: 'merchant_id=1', platformOnly: 'no' }),
    });
    expect(malformed.status).toBe(400);
    const refusal = (await malformed.json()) as { code: string; message: string };
    expect(refusal.code).toBe('BAD_USER_INPUT');
    expect(refusal.message).toMatch(/params/);
    expect(refusal.message).toMatch(/platformOnly/);
    const unsigned = await fetch(verdictUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params: {} }),
    });
    expect(unsigned.status).toBe(401);
  });
});

import { startPlatform, type Platform } from '../support/platform';
import {
  legacyMerchantSign,
  MASTER_KEY,
  MERCHANT_KEYS,
  merchantApiCall,
  nowSeconds,
} from '../support/legacy-clients';

type Envelope = { code: number; message: string; data: Record<string, unknown> | null };

describe('merchant API (merchant-api.md §1): signature, timestamp, envelope — /balance', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('answers /balance in the documented envelope with the example’s keys and formats', async () => {
    const { status, body } = await merchantApiCall<Envelope>(platform, '/balance', { history_days: 3 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 0, message: 'success' });
    expect(Object.keys(body.data!).sort()).toEqual(
      [
        'balance',
        'currency',
        'history_balance',
        'history_days',
        'merchant_id',
        'pending_withdraw',
        'updated_at',
      ].sort(),
    );
    expect(body.data).toMatchObject({ merchant_id: '2024164', currency: 'CNY', history_days: 3 });
    for (const key of ['balance', 'pending_withdraw', 'history_balance'])
      expect(body.data![key]).toMatch(/^-?\d+\.\d{2}$/);
    const updated = body.data!.updated_at;
    expect(updated === null || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(updated))).toBe(true);
  });

  it('accepts JSON bodies, 13-digit timestamps and the master key', async () => {
    expect((await merchantApiCall<Envelope>(platform, '/balance', {}, { json: true })).body.code).toBe(0);
    expect((await merchantApiCall<Envelope>(platform, '/balance', { timestamp: Date.now() })).body.code).toBe(
      0,
    );
    const master = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      { access_key: MASTER_KEY },
      { secret: MASTER_KEY },
    );
    expect(master.body).toMatchObject({ code: 0, data: { merchant_id: '2024164' } });
  });

  it('refuses a bad signature, tampering after signing, a stale timestamp and a disabled merchant', async () => {
    const bad = await merchantApiCall<Envelope>(platform, '/balance', { sign: 'ABCDEF' });
    expect(bad.body).toEqual({ code: 1, message: '签名错误', data: null });

    const params = { merchant_id: MERCHANT_KEYS.merchant.id, timestamp: nowSeconds(), history_days: 1 };
    const sign = legacyMerchantSign(params, MERCHANT_KEYS.merchant.key);
    const tampered = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      { ...params, history_days: 30, sign },
      { merchant: null },
    );
    expect(tampered.body.message).toBe('签名错误');

    const stale = await merchantApiCall<Envelope>(platform, '/balance', { timestamp: nowSeconds() - 301 });
    expect(stale.body).toEqual({ code: 1, message: 'timestamp已过期', data: null });
    const future = await merchantApiCall<Envelope>(platform, '/balance', { timestamp: nowSeconds() + 400 });
    expect(future.body.message).toBe('timestamp已过期');

    const disabled = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      {},
      { merchant: MERCHANT_KEYS.disabled },
    );
    expect(disabled.body).toEqual({ code: 1, message: '商户号不存在或已停用', data: null });
    const unknown = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      {},
      {
        merchant: { id: 9999999, key: 'nope' },
      },
    );
    expect(unknown.body.message).toBe('商户号不存在或已停用');

    // Another merchant's key does not sign for this merchant.
    const wrongKey = await merchantApiCall<Envelope>(
      platform,
      '/balance',
      {},
      { secret: MERCHANT_KEYS.other.key },
    );
    expect(wrongKey.body.message).toBe('签名错误');
  });
});

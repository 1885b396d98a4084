import { createHash } from 'node:crypto';
import { startPlatform, type Platform } from '../support/platform';
import { gatewayRoot } from '../support/legacy-clients';
// The demo app is seeded only here, by its own builder (not part of buildStandardWorld).
import { buildOpenApiApp, DEMO_OPEN_API_APP } from '../../services/orders/src/db/seeders/open-api-builders';

/**
 * The Fubei-style open API (fubei-openapi.md) as a client using the official Fubei SDK
 * signs it (LEGACY-PROTOCOLS.md): computed here, independently of the platform's code.
 */
const APP = { appId: DEMO_OPEN_API_APP.appId, secret: 'openapi-secret-2024164-demo' };
const OTHER_APP = { appId: '20990101000000000002', secret: 'other-app-secret' };
const DISABLED_APP = { appId: '20990101000000000003', secret: 'disabled-merchant-secret' };

function fubeiSign(params: Record<string, string>, secret: string): string {
  const text =
    Object.keys(params)
      .filter((k) => k !== 'sign')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&') + secret;
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

interface Envelope {
  result_code: number;
  result_message: string;
  data: { total: number; list: Record<string, unknown>[] } | null;
}

async function openApiCall(
  platform: Platform,
  biz: Record<string, unknown>,
  options: { app?: { appId: string; secret: string }; method?: string; sign?: string; raw?: string } = {},
): Promise<{ status: number; body: Envelope }> {
  const app = options.app ?? APP;
  const envelope: Record<string, string> = {
    app_id: app.appId,
    method: options.method ?? 'openapi.payment.order.reconciliation',
    format: 'json',
    sign_method: 'md5',
    nonce: Math.random().toString(36).slice(2, 10),
    version: '1.0',
    biz_content: JSON.stringify(biz),
  };
  envelope.sign = options.sign ?? fubeiSign(envelope, app.secret);
  const response = await fetch(`${gatewayRoot(platform)}/openapi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: options.raw ?? JSON.stringify(envelope),
  });
  return { status: response.status, body: (await response.json()) as Envelope };
}

const CREATE = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { order { platformOrderNo createdAt } }
}`;

describe('open API openapi.payment.order.reconciliation (fubei-openapi.md)', () => {
  let platform: Platform;
  let paid: { platformOrderNo: string; createdAt: string };
  let pending: { platformOrderNo: string; createdAt: string };
  let chinaDay: { year: number; month: number; day: number };

  beforeAll(async () => {
    platform = await startPlatform();
    await buildOpenApiApp(platform.orm.em.fork());
    await buildOpenApiApp(platform.orm.em.fork(), { ...OTHER_APP, merchantId: 2023100 });
    await buildOpenApiApp(platform.orm.em.fork(), { ...DISABLED_APP, merchantId: 2020001 });
    const create = async (input: Record<string, unknown>) => {
      const { body } = await platform.gql<{
        createOrder: { order: { platformOrderNo: string; createdAt: string } };
      }>(CREATE, { input: { merchantId: 2024164, ...input } });
      expect(body.errors).toBeUndefined();
      return body.data!.createOrder.order;
    };
    paid = await create({
      amount: '100.00',
      merchantOrderNo: 'OA-PAID-1',
      storeId: '2299',
      cashierId: '7',
      deviceNo: 'sn2323277',
    });
    pending = await create({ amount: '9.90', merchantOrderNo: 'OA-PENDING-1', storeId: '2299' });
    await create({ amount: '8.25', merchantOrderNo: 'OA-OTHER-STORE', storeId: '3300' });
    const completed = await platform.gql(
      `mutation ($no: String!) { completeOrder(input: { platformOrderNo: $no }) { unchanged } }`,
      { no: paid.platformOrderNo },
    );
    expect(completed.body.errors).toBeUndefined();
    // The orders' day in China time, as the API filters by.
    const china = new Date(new Date(paid.createdAt).getTime() + 8 * 3600 * 1000);
    chinaDay = { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate() };
  });
  afterAll(async () => {
    await platform.close();
  });

  it('answers paid orders of the day in the documented envelope, keys and formats', async () => {
    const { status, body } = await openApiCall(platform, { ...chinaDay });
    expect(status).toBe(200);
    expect(body).toMatchObject({ result_code: 200, result_message: '成功' });
    expect(body.data!.total).toBe(1);
    expect(body.data!.list).toHaveLength(1);
    const [item] = body.data!.list;
    expect(Object.keys(item!).sort()).toEqual(
      [
        'order_sn',
        'merchant_order_sn',
        'create_time',
        'total_fee',
        'fee',
        'store_id',
        'cashier_id',
        'pay_time',
        'pay_status',
        'pay_type',
        'income',
        'device_no',
      ].sort(),
    );
    // zfbwthf at 11.5 %: 100.00 → fee 11.50, income 88.50.
    expect(item).toEqual({
      order_sn: paid.platformOrderNo,
      merchant_order_sn: 'OA-PAID-1',
      create_time: String(Math.floor(new Date(paid.createdAt).getTime() / 1000)),
      total_fee: '100.00',
      fee: '11.50',
      store_id: '2299',
      cashier_id: '7',
      pay_time: expect.stringMatching(/^\d{10}$/),
      pay_status: '1',
      pay_type: '2',
      income: 88.5,
      device_no: 'sn2323277',
    });
    expect(Number(item!.pay_time)).toBeGreaterThanOrEqual(Number(item!.create_time));
  });

  it('returns every order with type "1", filters by store and cashier, and pages', async () => {
    const all = await openApiCall(platform, { ...chinaDay, type: '1' });
    expect(all.body.data!.total).toBe(3);
    const store = await openApiCall(platform, { ...chinaDay, type: '1', store_id: 2299 });
    expect(store.body.data!.total).toBe(2);
    const unpaid = store.body.data!.list.find((o) => o.order_sn === pending.platformOrderNo);
    expect(unpaid).toMatchObject({
      total_fee: '9.90',
      pay_status: '0',
      pay_time: '0',
      cashier_id: '0',
      device_no: '',
      store_id: '2299',
    });
    const cashier = await openApiCall(platform, { ...chinaDay, type: '1', store_id: 2299, cashier_id: 7 });
    expect(cashier.body.data!.list.map((o) => o.order_sn)).toEqual([paid.platformOrderNo]);
    const page2 = await openApiCall(platform, { ...chinaDay, type: '1', page: 2, limit: 2 });
    expect(page2.body.data).toMatchObject({ total: 3 });
    expect(page2.body.data!.list).toHaveLength(1);
    const month = await openApiCall(platform, { year: chinaDay.year, month: chinaDay.month, type: '1' });
    expect(month.body.data!.total).toBe(3);
    const otherYear = await openApiCall(platform, { year: chinaDay.year - 1, type: '1' });
    expect(otherYear.body).toMatchObject({ result_code: 200, data: { total: 0, list: [] } });
  });

  it("shows an app only its own merchant's orders", async () => {
    const other = await openApiCall(platform, { ...chinaDay, type: '1' }, { app: OTHER_APP });
    expect(other.body).toMatchObject({ result_code: 200, data: { total: 0, list: [] } });
  });

  it('refuses bad signatures, unknown apps and tampering in the same envelope', async () => {
    const bad = await openApiCall(platform, { ...chinaDay }, { sign: 'D84C042504F1A0FF177414BC8E533834' });
    expect(bad).toEqual({ status: 200, body: { result_code: 400, result_message: '签名错误', data: null } });
    const wrongSecret = await openApiCall(platform, { ...chinaDay }, { app: { ...APP, secret: 'nope' } });
    expect(wrongSecret.body).toMatchObject({ result_code: 400, result_message: '签名错误' });
    const unknown = await openApiCall(platform, {}, { app: { appId: '11111111111111111111', secret: 'x' } });
    expect(unknown.body).toEqual({ result_code: 400, result_message: '商户号不存在或已停用', data: null });
    const disabled = await openApiCall(platform, {}, { app: DISABLED_APP });
    expect(disabled.body).toEqual({ result_code: 400, result_message: '商户号不存在或已停用', data: null });
    // The merchant API's scheme (`&key=` separator) is not how Fubei signs.
    const merchantStyle: Record<string, string> = { app_id: APP.appId, method: 'x', biz_content: '{}' };
    const keyed = createHash('md5')
      .update(`app_id=${APP.appId}&biz_content={}&method=x&key=${APP.secret}`)
      .digest('hex')
      .toUpperCase();
    const keyedRes = await openApiCall(
      platform,
      {},
      { raw: JSON.stringify({ ...merchantStyle, sign: keyed }) },
    );
    expect(keyedRes.body).toMatchObject({ result_code: 400, result_message: '签名错误' });
    // biz_content changed after signing.
    const envelope: Record<string, string> = {
      app_id: APP.appId,
      method: 'openapi.payment.order.reconciliation',
      biz_content: '{"year":2017}',
    };
    const tampered = { ...envelope, sign: fubeiSign(envelope, APP.secret), biz_content: '{"year":2018}' };
    const res = await openApiCall(platform, {}, { raw: JSON.stringify(tampered) });
    expect(res.body).toMatchObject({ result_code: 400, result_message: '签名错误' });
  });

  it('takes the upper-case sign every official Fubei SDK sends and refuses it in lower case', async () => {
    // LEGACY-PROTOCOLS.md and README: the Java, .NET and PHP SDKs all send upper-case hex
    // (the PHP SDK's own verifier compares with ===), so lower case is no SDK's output.
    const envelope: Record<string, string> = {
      app_id: APP.appId,
      method: 'openapi.payment.order.reconciliation',
      format: 'json',
      sign_method: 'md5',
      nonce: 'case-test',
      version: '1.0',
      biz_content: JSON.stringify({ ...chinaDay }),
    };
    const upper = fubeiSign(envelope, APP.secret);
    expect(upper).toMatch(/^[0-9A-F]{32}$/);
    const accepted = await openApiCall(platform, {}, { raw: JSON.stringify({ ...envelope, sign: upper }) });
    expect(accepted.body).toMatchObject({ result_code: 200, data: { total: 1 } });
    const lower = await openApiCall(
      platform,
      {},
      { raw: JSON.stringify({ ...envelope, sign: upper.toLowerCase() }) },
    );
    expect(lower).toEqual({
      status: 200,
      body: { result_code: 400, result_message: '签名错误', data: null },
    });
  });

  it('answers unknown methods, bad parameters and malformed JSON in the envelope', async () => {
    const method = await openApiCall(platform, {}, { method: 'openapi.payment.order.nope' });
    expect(method.body).toMatchObject({ result_code: 400, data: null });
    expect(method.body.result_message).toEqual(expect.any(String));
    for (const biz of [
      { limit: 101 },
      { year: 2024, month: 13 },
      { year: 2024, month: 2, day: 30 },
      { day: 1 },
    ]) {
      const res = await openApiCall(platform, biz);
      expect(res.body).toEqual({ result_code: 400, result_message: '参数错误', data: null });
    }
    const malformed = await openApiCall(platform, {}, { raw: '{"app_id":' });
    expect(malformed).toEqual({
      status: 200,
      body: { result_code: 400, result_message: '参数错误', data: null },
    });
  });

  it('defaults to 10 per page and accepts limit 100', async () => {
    for (let i = 0; i < 9; i += 1) {
      const { body } = await platform.gql(CREATE, {
        input: { merchantId: 2024164, amount: '1.00', merchantOrderNo: `OA-MORE-${i}` },
      });
      expect(body.errors).toBeUndefined();
    }
    const first = await openApiCall(platform, { type: '1' });
    expect(first.body.data!.total).toBe(12);
    expect(first.body.data!.list).toHaveLength(10);
    const hundred = await openApiCall(platform, { type: '1', limit: 100 });
    expect(hundred.body.data!.list).toHaveLength(12);
    // Numbers given as strings (some SDKs send every value as text) work the same.
    const texts = await openApiCall(platform, { type: '1', limit: '5', page: '3' });
    expect(texts.body.data!.list).toHaveLength(2);
  });
});

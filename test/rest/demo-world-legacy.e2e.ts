import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { eventually, formatChinaDate } from '@pay/common';
import { DEMO_ACTORS, demoVoucherPng } from '@pay/demo';
import { CLEARING_DEMO } from '@pay/ledger';
import { DEMO_DAYS_AGO, DEMO_KEYS, DEMO_OPEN_API_APP } from '@pay/orders';
import { startPlatform, type Platform } from '../support/platform';
import {
  gatewayRoot,
  legacyMerchantSign,
  MASTER_KEY,
  merchantApiCall,
  nowSeconds,
} from '../support/legacy-clients';

/**
 * The seeded DEMO world (`npm start`'s) through the five legacy APIs: every endpoint of
 * every spec in /work/shared/specs answers, for the demo credentials, in its API's
 * success envelope and with data shaped as the spec's example shows — lists not empty,
 * the example's keys with its types (yuan strings like "100.00" in the merchant API,
 * integer fen in /pay/* and the account API, …). Ids an endpoint needs (an order, a
 * withdrawal, a reconciliation run, a settlement, a child account) are looked up first
 * through another endpoint or SQL. Write endpoints are called once each, validly.
 */

type Json = Record<string, unknown>;
interface Merchant {
  id: number;
  key: string;
}
/** A row of an API's table: one endpoint (method + path) and what its answer must be. */
interface Row {
  endpoint: string;
  check: () => Promise<void>;
}

const MERCHANT: Merchant = { id: 2024164, key: DEMO_KEYS.merchant };
const OTHER: Merchant = { id: 2023100, key: DEMO_KEYS.otherMerchant };
const BOTH = [MERCHANT, OTHER];

/** The endpoints of each spec (merchant-api.md §2's table; the others' headings), method + path. */
const SPEC_ENDPOINTS = {
  'merchant-api.md': [
    '/balance',
    '/rates',
    '/orders',
    '/stats',
    '/orderdetail',
    '/findpzidbyorder',
    '/manualcompleteorder',
    '/manualcancelorder',
    '/notifylogs',
    '/summarybyday',
    '/summarybydaypzid',
    '/summarybydaychannel',
    '/moneylogs',
    '/sendmoney',
    '/withdrawlist',
    '/withdrawdetail',
    '/channelstatus',
    '/feestatement',
    '/riskstats',
    '/manualadjustments',
    '/createorder',
  ].map((path) => `POST ${path}`),
  'pay-admin-api.md': [
    'GET /pay/consume_order',
    'POST /pay/consume_order',
    'GET /pay/order_details',
    'GET /pay/check_record/',
    'GET /pay/check_bills',
    'GET /pay/account/',
    'GET /pay/settlement/',
    'POST /pay/settlement/',
  ],
  'fubei-openapi.md': ['POST /openapi openapi.payment.order.reconciliation'],
  'crm-billing-api.md': [
    'GET /make_crm/api/create_mch_recharge/',
    'GET /make_crm/api/get_mch_detail_bill/',
    'GET /make_crm/api/get_mch_receivable_detail/',
    'GET /make_crm/api/mch_api_recharge/',
    'POST /make_crm/api/mch_api_recharge/',
  ],
  'account-clearing-api.md': [
    'GET /api/account/v1/balance',
    'GET /api/account/v1/in_detail',
    'GET /api/account/v1/shared_detail',
    'GET /api/account/v1/withdraw_detail',
    'GET /api/account/v1/children_detail',
    'GET /api/account/v1/child_detail',
    'POST /api/account/v1/child_detail',
  ],
} as const;

const MONEY = /^-?\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** pay-admin-api.md's times: China wall clock, ISO-like, microseconds when not zero. */
const ADMIN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;
/** account-clearing-api.md §2–4's times, and §5–6's short ones. */
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const SHORT_TIME = /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}$/;

interface Matcher {
  $$typeof: symbol;
  asymmetricMatch: (value: unknown) => boolean;
  toAsymmetricMatcher: () => string;
}
/** A named asymmetric matcher (jest prints its name in a diff). */
const matcher = (name: string, test: (value: unknown) => boolean): Matcher => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: test,
  toAsymmetricMatcher: () => name,
});
const pattern = (re: RegExp) => matcher(String(re), (v) => typeof v === 'string' && re.test(v));
const money = pattern(MONEY);
const dateTime = pattern(DATE_TIME);
const adminTime = pattern(ADMIN_TIME);
const text = matcher('a string', (v) => typeof v === 'string');
const nonEmptyText = matcher('a non-empty string', (v) => typeof v === 'string' && v.length > 0);
const num = matcher('a number', (v) => typeof v === 'number' && Number.isFinite(v));
const integer = matcher('an integer', (v) => Number.isInteger(v));
const bool = matcher('a boolean', (v) => typeof v === 'boolean');
const oneOf = (...values: unknown[]) =>
  matcher(`one of ${JSON.stringify(values)}`, (v) => values.includes(v));
const nullOr = (m: Matcher) =>
  matcher(`null or ${m.toAsymmetricMatcher()}`, (v) => v === null || m.asymmetricMatch(v));

const yuan = (value: unknown): number => Number(value);
const textParams = (params: Json): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
const list = (value: unknown): Json[] => {
  expect(Array.isArray(value)).toBe(true);
  return value as Json[];
};
/** Every item of a list that the example shows with items: at least one, each shaped as `shape`. */
function expectItems(value: unknown, shape: Json | ((item: Json) => Json)): Json[] {
  const items = list(value);
  expect(items.length).toBeGreaterThanOrEqual(1);
  for (const item of items) expect(item).toEqual(typeof shape === 'function' ? shape(item) : shape);
  return items;
}

// ─── merchant-api.md shapes ────────────────────────────────────────────────────────────

/** §5: an order item. */
const orderItem = (extra: Json = {}): Json => ({
  merchant_order_no: nonEmptyText,
  platform_order_no: text,
  status_code: oneOf(0, 1, 2),
  status: nonEmptyText,
  status_text: nonEmptyText,
  notify_status_code: integer,
  notify_status: nonEmptyText,
  notify_status_text: nonEmptyText,
  total_amount: money,
  merchant_income: money,
  agent_income: money,
  channel_code: nonEmptyText,
  channel_name: nonEmptyText,
  created_at: dateTime,
  paid_at: nullOr(dateTime),
  product_title: text,
  attach: text,
  notify_url: text,
  return_url: text,
  ...extra,
});
/** §12: a withdrawal. */
const withdrawal = (extra: Json = {}): Json => ({
  withdraw_id: integer,
  withdraw_no: pattern(/^qzf\d+$/),
  amount: money,
  fee: money,
  status_code: oneOf(0, 1, 2, 3),
  status: nonEmptyText,
  agentpay_status_code: integer,
  agentpay_status: nonEmptyText,
  notify_status_code: integer,
  notify_status: nonEmptyText,
  account_name: nonEmptyText,
  account_number: nonEmptyText,
  bank_name: nonEmptyText,
  branch: nullOr(text),
  province: nullOr(text),
  city: nullOr(text),
  unionpay_code: nullOr(text),
  created_at: dateTime,
  extend: [],
  ...extra,
});
/** §9, §9.1: a day's totals. */
const dailyTotals = (extra: Json = {}): Json => ({
  date: pattern(DATE),
  order_count: integer,
  gross_amount: money,
  merchant_income: money,
  agent_income: money,
  ...extra,
});
/** §10: a money log. */
const moneyLog = (extra: Json = {}): Json => ({
  log_id: integer,
  change_amount: money,
  balance_after: money,
  type_code: integer,
  type: nonEmptyText,
  description: text,
  order_no: nullOr(text),
  unique_no: nonEmptyText,
  created_at: dateTime,
  ...extra,
});
/** §8: a notification attempt (the fx* payload of LEGACY-PROTOCOLS.md). */
const notifyLog = (extra: Json = {}): Json => ({
  log_id: integer,
  callback_url: nonEmptyText,
  request_payload: expect.objectContaining({
    fxid: text,
    fxddh: nonEmptyText,
    fxorder: nonEmptyText,
    fxfee: money,
    fxstatus: 1,
    fxtime: integer,
    fxsign: pattern(/^[0-9a-f]{32}$/),
  }),
  response_body: text,
  status: text,
  created_at: dateTime,
  ...extra,
});
const page = (merchant: Merchant, extra: Json = {}): Json => ({
  merchant_id: String(merchant.id),
  page: 1,
  page_size: 20,
  total: integer,
  total_pages: integer,
  items: expect.any(Array),
  ...extra,
});

describe('the demo world through the five legacy APIs: every endpoint answers with data, as its spec’s example shows', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ world: 'demo' });
  }, 240_000);
  afterAll(async () => {
    await platform?.close();
  });

  const root = () => gatewayRoot(platform);
  const sql = async <T = Json>(query: string, params: unknown[] = []): Promise<T[]> =>
    (await platform.orm.em.fork().getConnection().execute(query, params)) as T[];

  // ─── clients (signatures as LEGACY-PROTOCOLS.md settles them) ───────────────────────

  /** A merchant API call signed with the demo merchant's key; answers the envelope after checking it is a success. */
  async function merchantApi(
    path: string,
    params: Json = {},
    merchant: Merchant | null = MERCHANT,
    secret?: string,
  ): Promise<{ message: string; data: Json }> {
    const { status, body } = await merchantApiCall<{ code: number; message: string; data: Json | null }>(
      platform,
      path,
      params as Parameters<typeof merchantApiCall>[2],
      { merchant, secret },
    );
    expect({ path, status, code: body.code, message: body.message }).toEqual({
      path,
      status: 200,
      code: 0,
      message: expect.any(String),
    });
    expect(Object.keys(body).sort()).toEqual(['code', 'data', 'message']);
    expect(body.data).toEqual(expect.any(Object));
    return { message: body.message, data: body.data! };
  }
  /** The platform-level call (§9.1): no merchant_id, the master key as access_key and secret. */
  const masterApi = (path: string, params: Json) =>
    merchantApi(path, { access_key: MASTER_KEY, ...params }, null, MASTER_KEY);

  /** pay-admin-api.md: the operator's bearer token. */
  async function payAdmin(path: string, init: RequestInit = {}): Promise<Json> {
    const response = await fetch(`${root()}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${platform.token(DEMO_ACTORS.operator)}`,
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const body = (await response.json()) as Json;
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return body;
  }

  /** crm-billing-api.md: from loopback (the default allow-list), with the spec's trailing slash. */
  async function crm(name: string, params: Json, method: 'GET' | 'POST' = 'GET'): Promise<Json> {
    const query = new URLSearchParams(textParams(params)).toString();
    const response =
      method === 'GET'
        ? await fetch(`${root()}/make_crm/api/${name}/?${query}`)
        : await fetch(`${root()}/make_crm/api/${name}/`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: query,
          });
    const body = (await response.json()) as Json;
    expect({ name, status: response.status }).toEqual({ name, status: 200 });
    expect(Object.keys(body)).toEqual(['msg', 'status', 'data']);
    expect(body).toMatchObject({ msg: '', status: 0 });
    return body.data as Json;
  }

  /** account-clearing-api.md: unionId + timeStamp + sign (the merchant scheme, `&key=<account key>`). */
  function accountSigned(params: Json): Json {
    const full: Json = { unionId: CLEARING_DEMO.unionId, timeStamp: String(nowSeconds()), ...params };
    full.sign = legacyMerchantSign(full as Parameters<typeof legacyMerchantSign>[0], CLEARING_DEMO.key);
    return full;
  }
  async function accountGet(name: string, params: Json = {}): Promise<Json> {
    const query = new URLSearchParams(textParams(accountSigned(params))).toString();
    const response = await fetch(`${root()}/api/account/v1/${name}?${query}`);
    expect({ name, status: response.status }).toEqual({ name, status: 200 });
    return (await response.json()) as Json;
  }
  /** §6 child_detail: `{data: {...}, sign}` as a JSON body — GET with a body (fetch cannot send one) or POST. */
  function childDetail(method: 'GET' | 'POST', data: Json): Promise<Json> {
    const { sign, ...rest } = accountSigned(data);
    const payload = JSON.stringify({ data: rest, sign });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${root()}/api/account/v1/child_detail`,
        {
          method,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            try {
              expect({ method, status: res.statusCode }).toEqual({ method, status: 200 });
              resolve(JSON.parse(body) as Json);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
  /** §1–4: `{s, m, d}`, success. */
  function plainData(body: Json): Json {
    expect(Object.keys(body)).toEqual(['s', 'm', 'd']);
    expect(body).toMatchObject({ s: 'success', m: '成功' });
    return body.d as Json;
  }
  /** §5–6: `{data: {s, m, d}, sign: ""}`, success. */
  function wrappedData(body: Json): Json {
    expect(Object.keys(body)).toEqual(['data', 'sign']);
    expect(body.sign).toBe('');
    return plainData(body.data as Json);
  }

  /** fubei-openapi.md as the Fubei SDK signs: sorted `k=v&…` + the app secret, no separator, MD5 upper-case. */
  async function openApi(biz: Json): Promise<Json> {
    const envelope: Record<string, string> = {
      app_id: DEMO_OPEN_API_APP.appId,
      method: 'openapi.payment.order.reconciliation',
      format: 'json',
      sign_method: 'md5',
      nonce: Math.random().toString(36).slice(2, 10),
      version: '1.0',
      biz_content: JSON.stringify(biz),
    };
    const signed =
      Object.keys(envelope)
        .sort()
        .map((k) => `${k}=${envelope[k]}`)
        .join('&') + DEMO_OPEN_API_APP.secret;
    envelope.sign = createHash('md5').update(signed, 'utf8').digest('hex').toUpperCase();
    const response = await fetch(`${root()}/openapi`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(envelope),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({ result_code: 200, result_message: '成功' });
    return body.data as Json;
  }

  // ─── look-ups ───────────────────────────────────────────────────────────────────────

  /** The newest paid order of merchant 2024164 whose notification the merchant answered `success`. */
  async function paidNotifiedOrder(): Promise<Json> {
    const { data } = await merchantApi('/orders', { status: 1, page_size: 100 });
    const order = list(data.items).find((o) => o.notify_status === 'success');
    expect(order).toBeDefined();
    return order!;
  }

  /** A new order of merchant 2024164, through /createorder. */
  async function newOrder(amount: string): Promise<string> {
    const merchantOrderNo = `DWL-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const { data } = await merchantApi('/createorder', {
      merchant_order_no: merchantOrderNo,
      amount,
      channel_code: 'zfbwthf',
    });
    expect(data.merchant_order_no).toBe(merchantOrderNo);
    return merchantOrderNo;
  }

  // ─── merchant-api.md: 21 endpoints ──────────────────────────────────────────────────

  const merchantRows: Row[] = [
    {
      endpoint: 'POST /balance',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/balance', { history_days: 30 }, merchant);
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            balance: money,
            pending_withdraw: money,
            currency: 'CNY',
            updated_at: dateTime,
            history_days: 30,
            history_balance: money,
          });
          // Both merchants were paid, and both have withdrawals waiting.
          expect(yuan(data.balance)).toBeGreaterThan(0);
          expect(yuan(data.pending_withdraw)).toBeGreaterThan(0);
        }
      },
    },
    {
      endpoint: 'POST /rates',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/rates', {}, merchant);
          expect(Object.keys(data)).toEqual(['merchant_id', 'items']);
          expect(data.merchant_id).toBe(String(merchant.id));
          // The example's fifteen channels, each with the example's fields.
          const items = expectItems(data.items, {
            channel_code: nonEmptyText,
            channel_name: nonEmptyText,
            status: oneOf('enabled', 'disabled'),
            merchant_switch: bool,
            system_switch: bool,
            rate: num,
            rate_display: pattern(/^(-|\d+(\.\d+)?%)$/),
            user_defined_rate: bool,
          });
          expect(items).toHaveLength(15);
          expect(items.some((i) => i.status === 'enabled')).toBe(true);
        }
        // Merchant 2024164's enabled channels are the example's.
        const { data } = await merchantApi('/rates');
        const enabled = list(data.items)
          .filter((i) => i.status === 'enabled')
          .map((i) => [i.channel_code, i.rate, i.rate_display]);
        expect(enabled).toEqual([
          ['wxwthf', 11.5, '11.5%'],
          ['zfbwthf', 11.5, '11.5%'],
          ['qqhf', 10.5, '10.5%'],
          ['swzfb', 9, '9%'],
        ]);
      },
    },
    {
      endpoint: 'POST /orders',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/orders', {}, merchant);
          expect(data).toEqual(
            page(merchant, {
              summary: { gross_amount: money, merchant_income: money, agent_income: money },
            }),
          );
          expect(data.total).toBeGreaterThan(20);
          expect(data.total_pages).toBeGreaterThanOrEqual(2);
          expect(expectItems(data.items, orderItem())).toHaveLength(20);
          expect(yuan((data.summary as Json).gross_amount)).toBeGreaterThan(0);
        }
        // Every legacy status of the example's filter (0 unpaid, 1 paid, 2 withheld) among 2024164's orders.
        const { data } = await merchantApi('/orders', { page_size: 100 });
        expect(new Set(list(data.items).map((o) => o.status_code))).toEqual(new Set([0, 1, 2]));
        const paid = await merchantApi('/orders', { status: 1 });
        for (const o of expectItems(paid.data.items, orderItem({ status_code: 1, status: 'paid' })))
          expect(o.paid_at).toMatch(DATE_TIME);
      },
    },
    {
      endpoint: 'POST /stats',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/stats', {}, merchant);
          const day = {
            order_count: integer,
            gross_amount: money,
            merchant_income: money,
            agent_income: money,
          };
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            today: day,
            yesterday: day,
            total: day,
            pending: { order_count: integer, gross_amount: money },
          });
          // Yesterday is one of the dense demo days.
          expect((data.yesterday as Json).order_count).toBeGreaterThan(0);
          expect((data.total as Json).order_count).toBeGreaterThan(20);
        }
      },
    },
    {
      endpoint: 'POST /orderdetail',
      async check() {
        const order = await paidNotifiedOrder();
        const { data } = await merchantApi('/orderdetail', {
          merchant_order_no: order.merchant_order_no,
          with_notify_logs: 1,
        });
        expect(data).toEqual({
          merchant_id: '2024164',
          merchant_order_no: order.merchant_order_no,
          order: orderItem({
            merchant_order_no: order.merchant_order_no,
            platform_order_no: order.platform_order_no,
            status_code: 1,
            status: 'paid',
            paid_at: dateTime,
            extended: {
              order_id: integer,
              merchant_order_no_full: `2024164${String(order.merchant_order_no)}`,
              raw_channel_code: order.channel_code,
              request_ip: nonEmptyText,
              notify_status_code: 2,
              upstream_order_no: nonEmptyText,
              upstream_channel: text,
              client_attach: {
                fxdesc: text,
                fxattch: nullOr(text),
                fxnotifyurl: text,
                fxbackurl: text,
                fxip: text,
                fxbankcode: nullOr(text),
                fxfs: nullOr(text),
                fxuserid: nullOr(text),
                fxnotifystyle: text,
                fxsignstring: text,
              },
              status_code: 1,
              notify_retries: integer,
              deduct_status: integer,
              created_at: dateTime,
              paid_at: dateTime,
              channel_fee: money,
              platform_profit: money,
            },
          }),
          notify_logs: expect.any(Array),
        });
        expectItems(data.notify_logs, notifyLog({ response_body: 'success' }));
      },
    },
    {
      endpoint: 'POST /findpzidbyorder',
      async check() {
        const order = await paidNotifiedOrder();
        const { data } = await merchantApi('/findpzidbyorder', {
          platform_order_no: order.platform_order_no,
        });
        expect(data).toEqual({
          merchant_id: '2024164',
          merchant_order_no: order.merchant_order_no,
          merchant_order_no_full: `2024164${String(order.merchant_order_no)}`,
          platform_order_no: order.platform_order_no,
          order_id: integer,
          pzid: integer,
          pz_name: nonEmptyText,
          channel_code: order.channel_code,
          channel_name: order.channel_name,
          status_code: 1,
          status: 'paid',
          status_text: '支付成功',
        });
      },
    },
    {
      endpoint: 'POST /manualcompleteorder',
      async check() {
        const merchantOrderNo = await newOrder('20.00');
        const { message, data } = await merchantApi('/manualcompleteorder', {
          merchant_order_no: merchantOrderNo,
          amount: '20.00',
        });
        expect(message).toBe('补单成功');
        expect(data).toEqual({
          merchant_id: '2024164',
          merchant_order_no: merchantOrderNo,
          order: orderItem({
            merchant_order_no: merchantOrderNo,
            status_code: 1,
            status: 'paid',
            status_text: '支付成功',
            total_amount: '20.00',
            paid_at: dateTime,
          }),
        });
        // Again: the example's answer for an order already paid.
        const again = await merchantApi('/manualcompleteorder', { merchant_order_no: merchantOrderNo });
        expect(again.message).toBe('订单已是成功状态。');
        expect(again.data.order).toMatchObject({ status_code: 1 });
      },
    },
    {
      endpoint: 'POST /manualcancelorder',
      async check() {
        // A paid order (补单), reversed: the ledger must hold its credit first (see the report
        // on the race when the cancel follows the completion at once).
        const merchantOrderNo = await newOrder('30.00');
        await merchantApi('/manualcompleteorder', { merchant_order_no: merchantOrderNo });
        await eventually(async () => {
          const { data } = await merchantApi('/moneylogs', { style: 1 });
          return list(data.items).some((l) => l.order_no === `2024164${merchantOrderNo}`) ? true : undefined;
        }, 'the ledger crediting the completed order');
        const { message, data } = await merchantApi('/manualcancelorder', {
          merchant_order_no: merchantOrderNo,
          amount: '30.00',
        });
        expect(message).toBe('撤单成功');
        expect(data).toEqual({
          merchant_id: '2024164',
          merchant_order_no: merchantOrderNo,
          order: orderItem({
            merchant_order_no: merchantOrderNo,
            status_code: 0,
            status: 'pending',
            status_text: '未支付',
            total_amount: '30.00',
            paid_at: null,
          }),
        });
      },
    },
    {
      endpoint: 'POST /notifylogs',
      async check() {
        const order = await paidNotifiedOrder();
        const { data } = await merchantApi('/notifylogs', { merchant_order_no: order.merchant_order_no });
        expect(data).toEqual(page(MERCHANT, { merchant_order_no: order.merchant_order_no }));
        expect(data.total).toBeGreaterThanOrEqual(1);
        expectItems(
          data.items,
          notifyLog({
            merchant_order_no_full: `2024164${String(order.merchant_order_no)}`,
            response_body: 'success',
          }),
        );
        // 2023100's receiver answered yesterday's notifications with an error: logged as failed attempts.
        const other = await merchantApi('/orders', { status: 1, page_size: 100 }, OTHER);
        const failed = list(other.data.items).find((o) => o.notify_status === 'failed');
        expect(failed).toBeDefined();
        const logs = await merchantApi(
          '/notifylogs',
          { platform_order_no: failed!.platform_order_no },
          OTHER,
        );
        expect(logs.data).toEqual(page(OTHER, { merchant_order_no: failed!.merchant_order_no }));
        const attempts = expectItems(
          logs.data.items,
          notifyLog({ merchant_order_no_full: `2023100${String(failed!.merchant_order_no)}` }),
        );
        expect(attempts.every((a) => a.response_body !== 'success')).toBe(true);
      },
    },
    {
      endpoint: 'POST /summarybyday',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/summarybyday', {}, merchant);
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            start_date: pattern(DATE),
            end_date: pattern(DATE),
            channel_code: null,
            items: expect.any(Array),
          });
          // The default week: the dense demo days, each with orders.
          const days = expectItems(data.items, dailyTotals());
          expect(days.length).toBeGreaterThanOrEqual(6);
          expect(days.every((d) => (d.order_count as number) > 0)).toBe(true);
        }
      },
    },
    {
      endpoint: 'POST /summarybydaypzid',
      async check() {
        // The pzid of a paid order, as /findpzidbyorder tells it.
        const order = await paidNotifiedOrder();
        const { data: found } = await merchantApi('/findpzidbyorder', {
          platform_order_no: order.platform_order_no,
        });
        const { data } = await masterApi('/summarybydaypzid', { pzid: found.pzid as number });
        expect(data).toEqual({
          pzid: found.pzid,
          pz_name: found.pz_name,
          start_date: pattern(DATE),
          end_date: pattern(DATE),
          items: expect.any(Array),
        });
        const days = expectItems(data.items, dailyTotals());
        expect(days.some((d) => (d.order_count as number) > 0)).toBe(true);
      },
    },
    {
      endpoint: 'POST /summarybydaychannel',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/summarybydaychannel', {}, merchant);
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            start_date: pattern(DATE),
            end_date: pattern(DATE),
            channel_codes: null,
            items: expect.any(Array),
          });
          const rows = expectItems(
            data.items,
            dailyTotals({ channel_code: nonEmptyText, channel_name: nonEmptyText }),
          );
          const channels = new Set(rows.map((r) => r.channel_code));
          expect(channels).toEqual(
            merchant === MERCHANT
              ? new Set(['zfbwthf', 'wxwthf', 'swzfb', 'qqhf'])
              : new Set(['wxhftest', 'zfbwthf']),
          );
        }
      },
    },
    {
      endpoint: 'POST /moneylogs',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/moneylogs', {}, merchant);
          expect(data).toEqual(page(merchant));
          expect(data.total).toBeGreaterThan(20);
          expect(expectItems(data.items, moneyLog())).toHaveLength(20);
          // The example's recharge logs: an order's income credited.
          const recharges = await merchantApi('/moneylogs', { style: 1 }, merchant);
          expectItems(
            recharges.data.items,
            moneyLog({
              type_code: 1,
              type: 'recharge',
              order_no: pattern(new RegExp(`^${merchant.id}.+`)),
            }),
          );
        }
      },
    },
    {
      endpoint: 'POST /sendmoney',
      async check() {
        // 2024164: an approved card, no two-factor.
        const before = await merchantApi('/balance');
        const { message, data } = await merchantApi('/sendmoney', { amount: '10.00' });
        expect(message).toBe('提现申请提交成功');
        expect(data).toEqual({
          merchant_id: '2024164',
          withdraw: withdrawal({
            amount: '10.00',
            status_code: 0,
            status: 'pending',
            account_name: 'jl888',
            account_number: pattern(/^\d{6}\*{6}\d{4}$/),
          }),
          balance_after: money,
          pending_withdraw: money,
          frozen_today: money,
          fee: money,
        });
        expect(yuan(data.balance_after)).toBeCloseTo(yuan(before.data.balance) - 10 - yuan(data.fee), 2);
      },
    },
    {
      endpoint: 'POST /withdrawlist',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/withdrawlist', {}, merchant);
          expect(data).toEqual(page(merchant));
          expectItems(data.items, withdrawal());
        }
        // 2024164's withdrawals in every state: applied, paid, frozen, cancelled.
        const { data } = await merchantApi('/withdrawlist');
        expect(new Set(list(data.items).map((w) => w.status_code))).toEqual(new Set([0, 1, 2, 3]));
        const paid = await merchantApi('/withdrawlist', { status: 1 });
        expectItems(paid.data.items, withdrawal({ status_code: 1, status: 'paid' }));
      },
    },
    {
      endpoint: 'POST /withdrawdetail',
      async check() {
        const paid = await merchantApi('/withdrawlist', { status: 1 });
        const [first] = list(paid.data.items);
        expect(first).toBeDefined();
        const { data } = await merchantApi('/withdrawdetail', { withdraw_no: first!.withdraw_no });
        expect(data).toEqual({
          merchant_id: '2024164',
          withdraw: withdrawal({
            ...first,
            notify_logs: expect.any(Array),
            upstream_records: expect.any(Array),
          }),
        });
      },
    },
    {
      endpoint: 'POST /channelstatus',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/channelstatus', {}, merchant);
          expect(Object.keys(data)).toEqual(['merchant_id', 'items']);
          const items = expectItems(data.items, {
            channel_code: nonEmptyText,
            channel_name: nonEmptyText,
            system_enabled: bool,
            merchant_enabled: bool,
            rate: num,
            user_defined_rate: bool,
            is_round_robin: bool,
            min_amount: money,
            max_amount: nullOr(money),
            daily_quota: nullOr(money),
            daily_used: nullOr(money),
            last_used_at: nullOr(dateTime),
          });
          expect(items).toHaveLength(15);
          // The channels the demo orders went through were used.
          expect(
            items.some((c) => c.merchant_enabled === true && DATE_TIME.test(String(c.last_used_at))),
          ).toBe(true);
        }
      },
    },
    {
      endpoint: 'POST /feestatement',
      async check() {
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/feestatement', {}, merchant);
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            start_date: pattern(DATE),
            end_date: pattern(DATE),
            order_count: integer,
            gross_amount: money,
            merchant_income: money,
            agent_income: money,
            platform_income: money,
            platform_fee: money,
          });
          expect(data.order_count).toBeGreaterThan(0);
          expect(yuan(data.gross_amount)).toBeGreaterThan(0);
          expect(yuan(data.platform_fee)).toBeGreaterThan(0);
        }
      },
    },
    {
      endpoint: 'POST /riskstats',
      async check() {
        const stats = new Map<number, Json>();
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/riskstats', {}, merchant);
          expect(data).toEqual({
            merchant_id: String(merchant.id),
            timestamp: dateTime,
            pending_orders_over_30m: integer,
            high_value_orders_today: integer,
            failed_notifications: integer,
            withheld_orders: integer,
          });
          stats.set(merchant.id, data);
        }
        // The demo's pending and withheld orders (2024164), and 2023100's failed notifications.
        expect(stats.get(MERCHANT.id)!.pending_orders_over_30m).toBeGreaterThan(0);
        expect(stats.get(MERCHANT.id)!.withheld_orders).toBeGreaterThan(0);
        expect(stats.get(OTHER.id)!.failed_notifications).toBeGreaterThan(0);
      },
    },
    {
      endpoint: 'POST /manualadjustments',
      async check() {
        // The demo operator adjusted merchant 2024164 twice (a credit and a debit); 2023100 has none.
        for (const merchant of BOTH) {
          const { data } = await merchantApi('/manualadjustments', {}, merchant);
          expect(data).toEqual(page(merchant));
          const items = list(data.items);
          expect(items.length).toBe(merchant === MERCHANT ? 2 : 0);
          for (const item of items) expect(item).toEqual(moneyLog());
        }
      },
    },
    {
      endpoint: 'POST /createorder',
      async check() {
        const merchantOrderNo = `DWL-CREATE-${Date.now()}`;
        const { message, data } = await merchantApi('/createorder', {
          merchant_order_no: merchantOrderNo,
          amount: '50.00',
          channel_code: 'zfbwthf',
          description: '商品支付',
        });
        expect(message).toBe('订单创建成功');
        expect(data).toEqual({
          merchant_id: '2024164',
          merchant_order_no: merchantOrderNo,
          amount: '50.00',
          channel_code: 'zfbwthf',
          description: '商品支付',
          payment: null,
          payment_url: pattern(/^https?:\/\//),
          order_id: integer,
          platform_order_no: text,
          order_md5: pattern(/^[0-9a-f]{16}$/),
          status: 0,
        });
      },
    },
  ];

  describe('merchant-api.md (signed with the demo merchants’ keys; the master key for /summarybydaypzid)', () => {
    it.each(merchantRows)('$endpoint', ({ check }) => check());
  });

  // ─── pay-admin-api.md: 8 endpoints (method + path) ──────────────────────────────────

  /** An order with a matched channel line of `source`, paid by `payType` (SQL over reconciliation's copy). */
  async function reconciledOrder(payType: 'alipay' | 'wechat', source: string): Promise<string> {
    const [row] = await sql<{ platform_order_no: string }>(
      `select p.platform_order_no from reconciliation.payment p
        where p.pay_type = ? and p.status = 'PAID'
          and exists (select 1 from reconciliation.statement_line l
                       where l.platform_order_no = p.platform_order_no and l.source = ?)
          and exists (select 1 from reconciliation.reconciliation_result r
                       where r.platform_order_no = p.platform_order_no and r.issue = 4)
        order by p.paid_at desc limit 1`,
      [payType, source],
    );
    expect(row).toBeDefined();
    return row!.platform_order_no;
  }
  const consumeOrderItem = {
    code: nonEmptyText,
    merchant__name: nonEmptyText,
    equipment_no: matcher(
      'a number, a string or null',
      (v) => v === null || ['number', 'string'].includes(typeof v),
    ),
    total_fee: integer,
    // LEGACY-PROTOCOLS / the graph: null for a pay type that is neither WeChat nor Alipay (QQ).
    pay_method: oneOf(1, 2, 3, null),
    create_time: adminTime,
    reconciliation_status: oneOf(1, 2, 3, 4, 5),
    auto: bool,
  };
  const runCodes = async (): Promise<string[]> => {
    const body = await payAdmin('/pay/check_record/');
    return list((body.data as Json).data).map((r) => String(r.code));
  };

  const payAdminRows: Row[] = [
    {
      endpoint: 'GET /pay/consume_order',
      async check() {
        const body = await payAdmin('/pay/consume_order');
        expect(body).toEqual({
          code: '200',
          data: {
            statistics: {
              order_num: integer,
              count_price: { total_fee__sum: integer },
              success_bill: integer,
              success_price: { total_fee__sum: integer },
              fail_bill: integer,
              fail_price: { total_fee__sum: nullOr(integer) },
            },
            order: { num: integer, data: expect.any(Array) },
          },
        });
        const data = body.data as { statistics: Json; order: { num: number; data: unknown } };
        expect(data.statistics.order_num).toBeGreaterThan(100);
        expect(data.statistics.success_bill).toBeGreaterThan(0);
        expect(data.order.num).toBe(data.statistics.order_num);
        const orders = expectItems(data.order.data, consumeOrderItem);
        // Paid orders by WeChat and by Alipay, reconciled (1) and not (2).
        expect(orders.some((o) => o.pay_method === 2)).toBe(true);
        expect(orders.some((o) => o.pay_method === 3)).toBe(true);
        expect(orders.some((o) => o.reconciliation_status === 1)).toBe(true);
        expect(orders.some((o) => o.reconciliation_status === 2)).toBe(true);
      },
    },
    {
      endpoint: 'POST /pay/consume_order',
      async check() {
        const code = await reconciledOrder('alipay', 'sandbox-alipay');
        const before = await payAdmin(`/pay/consume_order?code=${code}`);
        const [row] = expectItems(((before.data as Json).order as Json).data, consumeOrderItem);
        const auto = !(row!.auto as boolean);
        const body = await payAdmin('/pay/consume_order', {
          method: 'POST',
          body: new URLSearchParams({ code, auto: String(auto) }),
        });
        expect(body).toEqual({ code: '200', data: { code, auto } });
        const after = await payAdmin(`/pay/consume_order?code=${code}`);
        expect(((after.data as Json).order as Json).data).toEqual([{ ...row, auto }]);
      },
    },
    {
      endpoint: 'GET /pay/order_details',
      async check() {
        for (const [payType, source, payWay] of [
          ['alipay', 'sandbox-alipay', 3],
          ['wechat', 'sandbox-wechat', 2],
        ] as const) {
          const code = await reconciledOrder(payType, source);
          const body = await payAdmin(`/pay/order_details?code=${code}&pay_way=${payWay}`);
          expect(body).toEqual({
            code: 200,
            data: {
              bill_data: [
                {
                  code,
                  equipment_no: consumeOrderItem.equipment_no,
                  total_fee: integer,
                  name__nick_name: nullOr(text),
                  reconciliation_status: 1,
                  platform_code: code,
                  pay_method: payWay,
                  status: 2,
                  create_time: adminTime,
                },
              ],
              third_bill: {
                trade_time: adminTime,
                out_trade_no: code,
                device: text,
                total_money: integer,
                openid: nonEmptyText,
                transaction_id: nonEmptyText,
              },
              bill_info: {
                odd_id: pattern(/^[0-9a-f]{32}$/),
                note: '正常',
                create_time: adminTime,
                issue: 4,
                admin: 'demo-operator',
              },
            },
          });
          const data = body.data as { bill_data: Json[]; third_bill: Json };
          expect(data.third_bill.total_money).toBe(data.bill_data[0]!.total_fee);
        }
      },
    },
    {
      endpoint: 'GET /pay/check_record/',
      async check() {
        const body = await payAdmin('/pay/check_record/');
        expect(body).toEqual({ code: 200, data: { num: integer, data: expect.any(Array) } });
        // Two sources for every demo day, and the re-runs after resolutions.
        expect((body.data as Json).num).toBeGreaterThanOrEqual(2 * DEMO_DAYS_AGO.length);
        expectItems((body.data as Json).data, {
          create_time: adminTime,
          person: 'demo-operator',
          code: pattern(/^[0-9a-f]{32}$/),
        });
      },
    },
    {
      endpoint: 'GET /pay/check_bills',
      async check() {
        const issues = new Set<unknown>();
        for (const code of await runCodes()) {
          const body = await payAdmin(`/pay/check_bills?code=${code}`);
          expect(body).toEqual({
            code: 200,
            msg: '查询成功',
            state: 0,
            data: {
              header: [
                {
                  is_delete: false,
                  code,
                  person: 'demo-operator',
                  remark: nullOr(text),
                  always_singular: integer,
                  total: integer,
                  singular_success: integer,
                  singular_amount: integer,
                  abnormal_singular: integer,
                  abnormal_amount: integer,
                  start_time: adminTime,
                  end_time: adminTime,
                  create_time: adminTime,
                },
              ],
              grid: expect.any(Array),
            },
          });
          const grid = expectItems((body.data as Json).grid, {
            is_delete: false,
            code: pattern(/^[0-9a-f]{32}$/),
            odd_id: code,
            out_trade_no: nullOr(nonEmptyText),
            source: nullOr(integer),
            issue: oneOf(0, 1, 2, 3, 4, 5, 6),
            create_time: adminTime,
            trade_time: nullOr(adminTime),
            pay_money: integer,
            user: nullOr(text),
            note: nonEmptyText,
            name: nullOr(text),
            equipment_id: nullOr(text),
          });
          for (const line of grid) issues.add(line.issue);
        }
        // pay-admin-api.md's every verdict: 存疑 长款 短款 异常 正常 已冲正 已退款.
        expect([...issues].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      },
    },
    {
      endpoint: 'GET /pay/account/',
      async check() {
        const body = await payAdmin('/pay/account/');
        expect(body).toEqual({ code: 200, msg: '查询成功', data: { num: 2, data: expect.any(Array) } });
        const accounts = expectItems((body.data as Json).data, {
          is_delete: false,
          code: nonEmptyText,
          merchant: nonEmptyText,
          method: oneOf(1, 2, 3, 4),
          name: nonEmptyText,
          account: nonEmptyText,
          period: oneOf(0, 1, 2, 3, 4),
          remarks: nullOr(text),
          create_time: adminTime,
        });
        // 2024164 daily (1 日结), 2023100 monthly (3 月结).
        expect(new Map(accounts.map((a) => [a.merchant, a.period]))).toEqual(
          new Map([
            ['jl888', 1],
            ['演示商户二', 3],
          ]),
        );
      },
    },
    {
      endpoint: 'GET /pay/settlement/',
      async check() {
        const body = await payAdmin('/pay/settlement/');
        expect(body).toEqual({ code: 200, msg: '查询成功', data: { num: integer, data: expect.any(Array) } });
        const settlements = expectItems((body.data as Json).data, (s) => ({
          is_delete: false,
          code: nonEmptyText,
          name: nonEmptyText,
          num: integer,
          total: integer,
          method: oneOf(1, 2, 3, 4),
          start_time: nullOr(adminTime),
          end_time: adminTime,
          person: nonEmptyText,
          state: oneOf(1, 2),
          ...(s.state === 2
            ? { settlement_time: adminTime, voucher_img: pattern(/^\/files\/vouchers\/[0-9a-f]{64}$/) }
            : { settlement_time: null, voucher_img: null }),
          remark: nullOr(text),
          create_time: adminTime,
        }));
        // One paid out with a voucher, the others pending.
        expect(settlements.filter((s) => s.state === 2).length).toBeGreaterThanOrEqual(1);
        expect(settlements.filter((s) => s.state === 1).length).toBeGreaterThanOrEqual(1);
      },
    },
    {
      endpoint: 'POST /pay/settlement/',
      async check() {
        // The oldest pending settlement of 2024164 (daily), paid out with a PNG voucher.
        const pending = await payAdmin('/pay/settlement/?state=1');
        const oldest = list((pending.data as Json).data)
          .filter((s) => s.name === 'jl888')
          .sort((a, b) => String(a.end_time).localeCompare(String(b.end_time)))[0];
        expect(oldest).toBeDefined();
        const form = new FormData();
        form.set('person', '财务小王');
        form.set('code', String(oldest!.code));
        form.set('remark', '演示：支付宝转账已完成');
        form.set('voucher', new Blob([demoVoucherPng()], { type: 'image/png' }), 'voucher.png');
        const body = await payAdmin('/pay/settlement/', { method: 'POST', body: form });
        expect(body).toEqual({
          code: 200,
          msg: '结算成功',
          data: {
            ...oldest,
            person: '财务小王',
            remark: '演示：支付宝转账已完成',
            state: 2,
            settlement_time: adminTime,
            voucher_img: pattern(/^\/files\/vouchers\/[0-9a-f]{64}$/),
          },
        });
        const voucher = await fetch(`${root()}${String((body.data as Json).voucher_img)}`, {
          headers: { authorization: `Bearer ${platform.token(DEMO_ACTORS.operator)}` },
        });
        expect(voucher.status).toBe(200);
        expect(voucher.headers.get('content-type')).toBe('image/png');
      },
    },
  ];

  describe('pay-admin-api.md (the demo operator’s bearer token)', () => {
    it.each(payAdminRows)('$endpoint', ({ check }) => check());
  });

  // ─── fubei-openapi.md: 1 endpoint ───────────────────────────────────────────────────

  const openApiItem = (extra: Json = {}): Json => ({
    order_sn: nonEmptyText,
    merchant_order_sn: nonEmptyText,
    create_time: pattern(/^\d{10}$/),
    total_fee: money,
    fee: money,
    store_id: pattern(/^\d+$/),
    cashier_id: pattern(/^\d+$/),
    pay_time: pattern(/^(0|\d{10})$/),
    pay_status: oneOf('0', '1'),
    // 1 WeChat, 2 Alipay, 5 UnionPay; "0" (ours) for the demo's QQ channel.
    pay_type: oneOf('0', '1', '2', '5'),
    income: num,
    device_no: text,
    ...extra,
  });

  const openApiRows: Row[] = [
    {
      endpoint: 'POST /openapi openapi.payment.order.reconciliation',
      async check() {
        // Yesterday (a dense demo day) in China time: its paid orders of 2024164.
        const [year, month, day] = formatChinaDate(new Date(Date.now() - 24 * 3600_000))
          .split('-')
          .map(Number) as [number, number, number];
        const paid = await openApi({ year, month, day });
        expect(paid).toEqual({ total: integer, list: expect.any(Array) });
        expect(paid.total).toBeGreaterThan(0);
        const items = expectItems(paid.list, openApiItem({ pay_status: '1', pay_time: pattern(/^\d{10}$/) }));
        expect(items).toHaveLength(Math.min(10, paid.total as number));
        // type "1": every order of the month, unpaid too.
        const all = await openApi({ year, month, type: '1', limit: 100 });
        const everything = expectItems(all.list, openApiItem());
        expect(all.total).toBeGreaterThan(paid.total as number);
        expect(new Set(everything.map((o) => o.pay_status))).toEqual(new Set(['0', '1']));
      },
    },
  ];

  describe('fubei-openapi.md (the demo app id and secret)', () => {
    it.each(openApiRows)('$endpoint', ({ check }) => check());
  });

  // ─── crm-billing-api.md: 4 endpoints (mch_api_recharge by GET and POST) ────────────

  const receipts = async (): Promise<Json[]> =>
    list((await crm('get_mch_receivable_detail', { mch_id: MERCHANT.id })).resp_items);

  const crmRows: Row[] = [
    {
      endpoint: 'GET /make_crm/api/get_mch_detail_bill/',
      async check() {
        const data = await crm('get_mch_detail_bill', { mch_id: MERCHANT.id });
        expect(data).toEqual({
          this_month_left_money: num,
          detail_bill: expect.any(Array),
          total_left_money: num,
          balance: num,
        });
        // The previous two months billed: one paid, one partly.
        const bills = expectItems(data.detail_bill, (bill) => ({
          pay_remark: text,
          order_count: integer,
          recv_money: money,
          receivable: money,
          total_amount: num,
          group_index: `${String(bill.bill_month).slice(0, 7)}_${MERCHANT.id}`,
          mch_name: 'jl888',
          bill_time_stamp: integer,
          sales_name: text,
          bill_month: pattern(/^\d{4}-\d{2}-01$/),
          left_money: money,
        }));
        expect(bills).toHaveLength(2);
        for (const bill of bills) {
          expect(bill.order_count).toBeGreaterThan(0);
          expect(yuan(bill.receivable)).toBeGreaterThan(0);
          expect(new Date(bill.bill_time_stamp as number).toISOString().slice(0, 10)).toBe(bill.bill_month);
        }
        expect(bills.map((b) => yuan(b.left_money) === 0)).toEqual([true, false]);
        expect(data.total_left_money).toBeGreaterThan(0);
      },
    },
    {
      endpoint: 'GET /make_crm/api/get_mch_receivable_detail/',
      async check() {
        const items = await receipts();
        expectItems(items, {
          amount: num,
          pay_method: nonEmptyText,
          recv_time: pattern(DATE),
          recv_time_stamp: integer,
        });
        // The demo's API recharge and Alipay recharge.
        expect(new Set(items.map((i) => i.pay_method))).toEqual(new Set(['API充值', '支付宝自助充值']));
      },
    },
    {
      endpoint: 'GET /make_crm/api/create_mch_recharge/',
      async check() {
        const data = await crm('create_mch_recharge', { mch_id: MERCHANT.id, amount: '10.00' });
        expect(data).toEqual({ pay_url: pattern(/^https?:\/\/.+\?/) });
        const payUrl = new URL(String(data.pay_url));
        for (const [key, value] of [
          ['method', 'alipay.trade.wap.pay'],
          ['sign_type', 'RSA2'],
          ['charset', 'utf-8'],
          ['version', '1.0'],
        ])
          expect(payUrl.searchParams.get(key)).toBe(value);
        expect(payUrl.searchParams.get('sign')).toBeTruthy();
        expect(JSON.parse(payUrl.searchParams.get('biz_content')!)).toMatchObject({
          total_amount: '10.00',
          subject: 'recharge',
        });
      },
    },
    {
      endpoint: 'GET /make_crm/api/mch_api_recharge/',
      async check() {
        const before = (await receipts()).length;
        const data = await crm('mch_api_recharge', { mch_id: MERCHANT.id, amount: 1 });
        expect(data).toEqual({ id: integer });
        expect((await receipts()).length).toBe(before + 1);
      },
    },
    {
      endpoint: 'POST /make_crm/api/mch_api_recharge/',
      async check() {
        const before = (await receipts()).length;
        const data = await crm('mch_api_recharge', { mch_id: MERCHANT.id, amount: '2.50' }, 'POST');
        expect(data).toEqual({ id: integer });
        const after = await receipts();
        expect(after).toHaveLength(before + 1);
        expect(after.at(-1)).toMatchObject({ amount: 2.5, pay_method: 'API充值' });
      },
    },
  ];

  describe('crm-billing-api.md (merchant 2024164, from loopback)', () => {
    it.each(crmRows)('$endpoint', ({ check }) => check());
  });

  // ─── account-clearing-api.md: 6 endpoints (child_detail by GET and POST) ───────────

  const clearedChildren = async (): Promise<string[]> => {
    const d = plainData(await accountGet('shared_detail'));
    return [...new Set(list(d.result).map((r) => String(r.child_phone)))];
  };
  const childDetailRow = (method: 'GET' | 'POST'): Row => ({
    endpoint: `${method} /api/account/v1/child_detail`,
    async check() {
      // Every child the main account cleared to, by its phone from shared_detail.
      const phones = await clearedChildren();
      expect(phones.length).toBeGreaterThanOrEqual(2);
      for (const phone of phones) {
        const d = wrappedData(await childDetail(method, { phone }));
        expect(d).toEqual({
          balance: pattern(/^\d+$/),
          last_modified_time: pattern(SHORT_TIME),
          result: expect.any(Array),
        });
        const moves = expectItems(d.result, {
          phone,
          changed_amount: pattern(/^\d+$/),
          current_amount: pattern(/^\d+$/),
          message: nonEmptyText,
          time: pattern(SHORT_TIME),
        });
        expect(moves.at(-1)!.current_amount).toBe(d.balance);
      }
    },
  });

  const accountRows: Row[] = [
    {
      endpoint: 'GET /api/account/v1/balance',
      async check() {
        const d = plainData(await accountGet('balance'));
        expect(d).toEqual({
          id: integer,
          main_account_uid: CLEARING_DEMO.mainAccountUid,
          total_in_amount: integer,
          total_in_fee: integer,
          in_fee_rate: num,
          total_share_amount: integer,
          total_share_fee: integer,
          share_fee_rate: num,
          balance: integer,
          total_withdraw_amount: integer,
          total_withdraw_fee: integer,
          withdraw_fee_rate: num,
        });
        for (const key of ['total_in_amount', 'total_share_amount', 'balance', 'total_withdraw_amount'])
          expect(d[key]).toBeGreaterThan(0);
        // §1.1: received (less its fee) = unclared balance + cleared + clearing fees.
        expect((d.total_in_amount as number) - (d.total_in_fee as number)).toBe(
          (d.balance as number) + (d.total_share_amount as number) + (d.total_share_fee as number),
        );
      },
    },
    {
      endpoint: 'GET /api/account/v1/in_detail',
      async check() {
        const d = plainData(await accountGet('in_detail'));
        const payments = expectItems(d.result, {
          id: integer,
          main_account_uid: String(CLEARING_DEMO.mainAccountUid),
          client_sn: nonEmptyText,
          sn: text,
          amount: integer,
          msg: nonEmptyText,
          pay_way: nonEmptyText,
          status: oneOf(1, 0, -1),
          gen_time: pattern(ISO_LIKE),
          pay_time: matcher('ISO-like or ""', (v) => v === '' || ISO_LIKE.test(String(v))),
        });
        expect(new Set(payments.map((p) => p.status))).toEqual(new Set([1, 0, -1]));
      },
    },
    {
      endpoint: 'GET /api/account/v1/shared_detail',
      async check() {
        const d = plainData(await accountGet('shared_detail'));
        const clearings = expectItems(d.result, {
          client_sn: nonEmptyText,
          child_phone: oneOf(...CLEARING_DEMO.childPhones),
          changed_amount: integer,
          changed_type: 2,
          msg: '清分',
          gen_time: pattern(ISO_LIKE),
          complete_time: pattern(ISO_LIKE),
        });
        expect(new Set(clearings.map((c) => c.child_phone)).size).toBeGreaterThanOrEqual(2);
      },
    },
    {
      endpoint: 'GET /api/account/v1/withdraw_detail',
      async check() {
        const d = plainData(await accountGet('withdraw_detail', { page: 1 }));
        expectItems(d.result, {
          client_sn: nonEmptyText,
          child_phone: oneOf(...CLEARING_DEMO.childPhones),
          changed_amount: integer,
          changed_type: -1,
          msg: '提现',
          gen_time: pattern(ISO_LIKE),
          complete_time: pattern(ISO_LIKE),
          status: integer,
        });
      },
    },
    {
      endpoint: 'GET /api/account/v1/children_detail',
      async check() {
        const d = wrappedData(await accountGet('children_detail'));
        const children = expectItems(d.result, {
          phone: pattern(/^\d{3}\*{4}\d{4}$/),
          amount: pattern(/^\d+$/),
          time: pattern(SHORT_TIME),
        });
        expect(children.length).toBe(CLEARING_DEMO.childPhones.length);
        // One child, by its phone.
        const one = wrappedData(await accountGet('children_detail', { phone: CLEARING_DEMO.childPhones[1] }));
        expect(list(one.result)).toHaveLength(1);
      },
    },
    childDetailRow('GET'),
    childDetailRow('POST'),
  ];

  describe('account-clearing-api.md (the demo main account’s unionId and key)', () => {
    it.each(accountRows)('$endpoint', ({ check }) => check());
  });

  it('the tables above cover every endpoint of the five specs', () => {
    const covered = {
      'merchant-api.md': merchantRows,
      'pay-admin-api.md': payAdminRows,
      'fubei-openapi.md': openApiRows,
      'crm-billing-api.md': crmRows,
      'account-clearing-api.md': accountRows,
    };
    for (const [spec, rows] of Object.entries(covered))
      expect({ spec, endpoints: rows.map((r) => r.endpoint).sort() }).toEqual({
        spec,
        endpoints: [...SPEC_ENDPOINTS[spec as keyof typeof SPEC_ENDPOINTS]].sort(),
      });
  });
});

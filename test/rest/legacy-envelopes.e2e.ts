import { ACTORS, startPlatform, type Platform } from '../support/platform';
import { gatewayRoot } from '../support/legacy-clients';

/**
 * Every answer under a legacy API's base is in that API's envelope (issue 13, item 3):
 * malformed and over-limit bodies, wrong methods and unknown paths — never express's HTML
 * page or the app's generic `{"error":"bad request"}`. `/graphql` answers such bodies in
 * GraphQL's shape.
 */

interface Answer {
  status: number;
  allow: string | null;
  contentType: string;
  body: unknown;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Larger than every legacy body limit (16 kB / 64 kB) and /graphql's 1 MB. */
const OVERSIZED = 1_100_000;

const oversizedJson = (): string => JSON.stringify({ merchant_id: 2024164, padding: 'x'.repeat(OVERSIZED) });
const oversizedForm = (): string => `mch_id=2024164&padding=${'x'.repeat(OVERSIZED)}`;

describe('legacy envelopes for what never reaches a route', () => {
  let platform: Platform;
  let root: string;

  async function call(
    method: string,
    path: string,
    options: { body?: string; type?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await fetch(`${root}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...(options.type ? { 'content-type': options.type } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { body: options.body }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return {
      status: response.status,
      allow: response.headers.get('allow'),
      contentType,
      body: contentType.includes('json') ? (JSON.parse(text) as unknown) : text,
    };
  }

  beforeAll(async () => {
    platform = await startPlatform();
    root = gatewayRoot(platform);
  });
  afterAll(async () => {
    await platform.close();
  });

  describe('merchant API at / ({code, message, data})', () => {
    const fail = (message: string) => ({ code: 1, message, data: null });

    it('answers a malformed JSON body 400 参数错误', async () => {
      const answer = await call('POST', '/balance', { body: '{"merchant_id":', type: JSON_TYPE });
      expect(answer).toMatchObject({ status: 400, body: fail('参数错误') });
    });

    it('answers a body over the limit 413, JSON or form', async () => {
      expect(await call('POST', '/orders', { body: oversizedJson(), type: JSON_TYPE })).toMatchObject({
        status: 413,
        body: fail('请求内容过大'),
      });
      expect(await call('POST', '/createorder', { body: oversizedForm(), type: FORM_TYPE })).toMatchObject({
        status: 413,
        body: fail('请求内容过大'),
      });
    });

    it('answers a GET of an endpoint 405 with Allow: POST, and an unknown path 404', async () => {
      const get = await call('GET', '/balance');
      expect(get).toMatchObject({ status: 405, allow: 'POST', body: fail('请求方式不支持') });
      expect(await call('POST', '/no-such-endpoint', { body: 'a=1', type: FORM_TYPE })).toMatchObject({
        status: 404,
        body: fail('接口不存在'),
      });
      expect(await call('GET', '/no/such/page')).toMatchObject({ status: 404, body: fail('接口不存在') });
    });

    it("leaves the gateway's own root paths alone", async () => {
      expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      const home = await call('GET', '/');
      expect(home.status).toBe(302);
      const landing = await call('GET', '/graphql', { headers: { accept: 'text/html' } });
      expect(landing.status).toBe(200);
      expect(landing.contentType).toContain('text/html');
    });
  });

  describe('/pay/* admin API (each endpoint its example envelope)', () => {
    it('answers a malformed JSON body of /pay/consume_order 400 in its envelope (code as a string)', async () => {
      const answer = await call('POST', '/pay/consume_order', { body: '{"code":', type: JSON_TYPE });
      expect(answer).toMatchObject({ status: 400, body: { code: '400', msg: '参数错误', data: null } });
    });

    it('answers a body over the limit 413', async () => {
      const answer = await call('POST', '/pay/consume_order', { body: oversizedJson(), type: JSON_TYPE });
      expect(answer).toMatchObject({ status: 413, body: { code: '413', msg: '请求内容过大', data: null } });
    });

    it('answers a wrong method 405 and an unknown path 404', async () => {
      expect(await call('DELETE', '/pay/settlement/')).toMatchObject({
        status: 405,
        allow: expect.stringContaining('POST'),
        body: { code: 405, msg: '请求方式不支持', data: null },
      });
      expect(await call('PUT', '/pay/check_bills')).toMatchObject({
        status: 405,
        body: { code: 405, msg: '请求方式不支持', state: 1, data: null },
      });
      expect(await call('GET', '/pay/no_such_report')).toMatchObject({
        status: 404,
        body: { code: 404, msg: '接口不存在', data: null },
      });
    });
  });

  describe('CRM billing API under /make_crm/api ({msg, status, data})', () => {
    const fail = (msg: string) => ({ msg, status: 1, data: null });

    it('refuses a JSON body (malformed or not) on the form endpoint with 参数错误', async () => {
      const answer = await call('POST', '/make_crm/api/mch_api_recharge/', {
        body: '{"mch_id":',
        type: JSON_TYPE,
      });
      expect(answer).toMatchObject({ status: 400, body: fail('参数错误') });
    });

    it('answers a form over the limit 413', async () => {
      const answer = await call('POST', '/make_crm/api/mch_api_recharge', {
        body: oversizedForm(),
        type: FORM_TYPE,
      });
      expect(answer).toMatchObject({ status: 413, body: fail('请求内容过大') });
    });

    it('answers a wrong method 405 and an unknown path 404', async () => {
      expect(
        await call('POST', '/make_crm/api/create_mch_recharge/', { body: 'a=1', type: FORM_TYPE }),
      ).toMatchObject({
        status: 405,
        allow: 'GET, HEAD',
        body: fail('请求方式不支持'),
      });
      expect(await call('GET', '/make_crm/api/no_such_bill')).toMatchObject({
        status: 404,
        body: fail('接口不存在'),
      });
    });
  });

  describe('account-clearing API under /api/account/v1 ({s, m, d} / {data, sign})', () => {
    const plain = (m: string) => ({ s: 'fail', m, d: null });
    const wrapped = (m: string) => ({ data: plain(m), sign: '' });

    it('answers a malformed JSON body of child_detail 400 in its wrapped envelope', async () => {
      const answer = await call('POST', '/api/account/v1/child_detail', {
        body: '{"data":',
        type: JSON_TYPE,
      });
      expect(answer).toMatchObject({ status: 400, body: wrapped('参数错误') });
    });

    it('answers a body over the limit 413', async () => {
      const answer = await call('POST', '/api/account/v1/child_detail', {
        body: oversizedJson(),
        type: JSON_TYPE,
      });
      expect(answer).toMatchObject({ status: 413, body: wrapped('请求内容过大') });
    });

    it('answers a wrong method 405 and an unknown path 404', async () => {
      expect(await call('POST', '/api/account/v1/balance', { body: '{}', type: JSON_TYPE })).toMatchObject({
        status: 405,
        body: plain('请求方式不支持'),
      });
      expect(await call('DELETE', '/api/account/v1/children_detail')).toMatchObject({
        status: 405,
        body: wrapped('请求方式不支持'),
      });
      expect(await call('GET', '/api/account/v1/no_such_detail')).toMatchObject({
        status: 404,
        body: plain('接口不存在'),
      });
    });
  });

  describe('open API at /openapi ({result_code, result_message, data}, always HTTP 200)', () => {
    const fail = (message: string) => ({ result_code: 400, result_message: message, data: null });

    it('answers a malformed JSON body 参数错误', async () => {
      const answer = await call('POST', '/openapi', { body: '{"app_id":', type: JSON_TYPE });
      expect(answer).toMatchObject({ status: 200, body: fail('参数错误') });
    });

    it('answers a body over the limit 请求内容过大', async () => {
      const answer = await call('POST', '/openapi', { body: oversizedJson(), type: JSON_TYPE });
      expect(answer).toMatchObject({ status: 200, body: fail('请求内容过大') });
    });

    it('answers a wrong method and an unknown path in the envelope', async () => {
      expect(await call('GET', '/openapi')).toMatchObject({
        status: 200,
        allow: 'POST',
        body: fail('请求方式不支持'),
      });
      expect(await call('POST', '/openapi/gateway', { body: '{}', type: JSON_TYPE })).toMatchObject({
        status: 200,
        body: fail('接口不存在'),
      });
    });
  });

  describe('/graphql', () => {
    const operator = () => ({ authorization: `Bearer ${platform.token(ACTORS.operator)}` });

    it('answers a malformed JSON body 400 in GraphQL shape', async () => {
      const answer = await call('POST', '/graphql', {
        body: '{"query":',
        type: JSON_TYPE,
        headers: operator(),
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
      });
    });

    it('answers a body over the limit 413 in GraphQL shape', async () => {
      const answer = await call('POST', '/graphql', {
        body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(OVERSIZED) } }),
        type: JSON_TYPE,
        headers: operator(),
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
      });
    });
  });
});

// `npm run -s legacy-curl -- <api>`: prints a freshly signed curl for one legacy API
// against the running demo (`npm start`), from .data/demo-credentials.json. Signatures
// carry timestamps (±300 s for the merchant API, ±10 s for the account API), so they are
// made when asked: `npm run -s legacy-curl -- merchant | sh`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const credentials = JSON.parse(readFileSync(join(root, '.data', 'demo-credentials.json'), 'utf8'));
const md5 = (text) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
const sorted = (params) =>
  Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '' && params[k] !== null && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
const now = () => Math.floor(Date.now() / 1000);
const quote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;
const gateway = credentials.gateway;

const apis = {
  /** merchant-api.md: form POST, MD5 over sorted params + `&key=<merchant key>`. */
  merchant(path = '/balance') {
    const { merchantId, key } = credentials.merchantApi;
    const params = { merchant_id: merchantId, timestamp: now() };
    const form = Object.entries({ ...params, sign: md5(`${sorted(params)}&key=${key}`) })
      .map(([k, v]) => `-d ${k}=${v}`)
      .join(' ');
    return `curl -s -X POST ${gateway}${path} ${form}`;
  },
  /** pay-admin-api.md: an OPERATOR bearer token. */
  'pay-admin'(path = '/pay/settlement/') {
    return `curl -s ${gateway}${path} -H ${quote(`authorization: Bearer ${credentials.tokens.OPERATOR}`)}`;
  },
  /** crm-billing-api.md: allow-listed caller IPs (loopback by default). */
  crm(path = `/make_crm/api/get_mch_detail_bill/?mch_id=${credentials.crmApi.merchantId}`) {
    return `curl -s ${quote(`${gateway}${path}`)}`;
  },
  /** account-clearing-api.md: unionId + timeStamp (±10 s) + sign with the account key. */
  account(path = '/api/account/v1/balance') {
    const { unionId, key } = credentials.accountApi;
    const params = { timeStamp: now(), unionId };
    const query = new URLSearchParams({ ...params, sign: md5(`${sorted(params)}&key=${key}`) });
    return `curl -s ${quote(`${gateway}${path}?${query}`)}`;
  },
  /** fubei-openapi.md: JSON envelope, MD5 over sorted params + the app secret (no separator). */
  openapi() {
    const { appId, appSecret } = credentials.openApi;
    const envelope = {
      app_id: appId,
      method: 'openapi.payment.order.reconciliation',
      format: 'json',
      sign_method: 'md5',
      nonce: Math.random().toString(36).slice(2, 10),
      version: '1.0',
      biz_content: JSON.stringify({ page: 1, limit: 5 }),
    };
    const body = JSON.stringify({ ...envelope, sign: md5(`${sorted(envelope)}${appSecret}`) });
    return `curl -s ${gateway}/openapi -H 'content-type: application/json' -d ${quote(body)}`;
  },
};

const [api = 'merchant', path] = process.argv.slice(2);
if (!apis[api]) {
  process.stderr.write(`usage: npm run -s legacy-curl -- <${Object.keys(apis).join('|')}> [path]\n`);
  process.exit(2);
}
process.stdout.write(`${apis[api](path)}\n`);

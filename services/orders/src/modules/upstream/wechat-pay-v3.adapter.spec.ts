import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelSignatureError } from './channel-adapter';
import {
  wechatV3Decrypt,
  wechatV3Encrypt,
  wechatV3NotificationSignature,
  wechatV3RequestSignature,
  wechatV3VerifyNotification,
  WechatPayV3Adapter,
} from './wechat-pay-v3.adapter';

// Test-only keys (see fixtures/README.md).
const platformPrivateKeyPem = readFileSync(
  join(__dirname, 'fixtures', 'test-wechat-platform-private.pem'),
  'utf8',
);
const platformPublicKeyPem = readFileSync(
  join(__dirname, 'fixtures', 'test-wechat-platform-public.pem'),
  'utf8',
);
const otherPublicKeyPem = readFileSync(join(__dirname, 'fixtures', 'test-alipay-public.pem'), 'utf8');

describe('WeChat Pay v3', () => {
  const apiV3Key = 'TestOnlyApiV3Key0123456789abcdef';
  const appId = 'wxd678efh567hg6787';
  const mchId = '1900000109';

  // A notification produced once with wechatV3Encrypt and the test platform key, kept
  // literal so that a change in the decryption or verification shows up against fixed bytes.
  const ciphertext =
    'nD4EKhVPEEaI2FOGr3qU0PRiXJ2cIC9aobLiQD2t0jzOl6MJZlol0DsGHrndtER/g6WpIkoavhob4JUU3DIDYWC253svdmrJdiLvYuy5uSKWbtDxBh+cZNMFHNPXtpKC' +
    '7L4+iVBt5Fl6zGp/xzHdnfKQpWiBcMDaQo8fTKhAE9RkFBOzly4NClpZZHnhyiADCERiUHfFIVeXtbl3zON0IQANzlkiwyskZkKFNn9b/cnniz1BmlcB6wlUd/doaBtl' +
    'eAKx354qLpZsdGPdULKWQE5Jn/4zXW91pMaOG+YY05xys9j0vf2CSR666sER6XpK7F16JZn5VeytPaTLETd6nMVfhn7GNp9H4SYjIpRRWmDhsUkCRX0bZ5YFDZQ2BV9t' +
    'DCCIlZ8Jisy5DIWSmqKurrngqupwk8ud0YIuXz8jz1sq8NkdkgglgA/NT/++ndpp1h+H68qIVtJwZKDwsQV4ZgbZXSfOqabhiQDcay1CdvuL8xfs4qT3I/BUTlpUUwbI' +
    'NSkdwDZxz6SB2NGp+KC3d/Vjl9TXixWTYvF/aaWZwWuY3k5Dy8/0WIekz6G8GTrTVw==';
  const plaintext =
    '{"mchid":"1900000109","appid":"wxd678efh567hg6787","out_trade_no":"P202406080001","transaction_id":"4200002024060812345678901234",' +
    '"trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC","attach":"",' +
    '"success_time":"2024-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},' +
    '"amount":{"total":10000,"payer_total":10000,"currency":"CNY","payer_currency":"CNY"}}';
  const body =
    '{"id":"EV-2018022511223320873","create_time":"2024-06-08T10:34:57+08:00","resource_type":"encrypt-resource",' +
    '"event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction",' +
    `"algorithm":"AEAD_AES_256_GCM","ciphertext":"${ciphertext}","associated_data":"transaction","nonce":"fdasflkja484"}}`;
  const headers = {
    'wechatpay-timestamp': '1717814097',
    'wechatpay-nonce': 'n0nce-test-1',
    'wechatpay-serial': 'TEST-ONLY-PLATFORM-KEY',
    'wechatpay-signature':
      'KRNxChtj4DtXVt+e46KzADkl/Fq0SiJxxDXTQjUAskp05VKRPfM1EBc0f/gFkJGHTEgawp2aTKPPokDLq0k8pnNrKJSYbDgANUEzPunGG+/qor0o4q6Bygi+qSWMWFpy' +
      'DCFOwK2UN288Qq7GAwHV5IdETCSKrKZcnzicDawrrbaIbQkH5xkZdDJl4KSNUm86HmqohCG1ll3oOaKSNuXPzpsj/bCGFIoJd/pD2yiEMV9lgvHEBZ0rXM1PO0AlRQag' +
      'v8ipiS6Et3xQk8CZCbGOsMNw19szSnAAZ9kz+aFN613uLe2DnfDGN2o60PrIS0LqKJwZVXzQWa6Q3hzh33DJrA==',
  };
  // 2024-06-08T02:34:57Z, the moment the fixture was signed.
  const signedAt = new Date(1717814097 * 1000);

  const adapterAt = (
    now: Date,
    overrides: Partial<{ appId: string; mchId: string; platformPublicKeyPem: string }> = {},
  ) => new WechatPayV3Adapter({ platformPublicKeyPem, apiV3Key, mchId, appId, now: () => now, ...overrides });

  /** A freshly signed notification around an arbitrary transaction, for the negative cases. */
  const notify = (transaction: Record<string, unknown>, resourceOverrides: Record<string, string> = {}) => {
    const nonce = 'abcdefghijkl';
    const encrypted = wechatV3Encrypt(
      { plaintext: JSON.stringify(transaction), nonce, associatedData: 'transaction' },
      apiV3Key,
    );
    const rawBody = JSON.stringify({
      id: 'EV-1',
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encrypted,
        associated_data: 'transaction',
        nonce,
        ...resourceOverrides,
      },
    });
    const timestamp = '1717814097';
    const signature = wechatV3NotificationSignature(
      { timestamp, nonce: 'n1', body: rawBody },
      platformPrivateKeyPem,
    );
    return {
      headers: {
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': 'n1',
        'wechatpay-signature': signature,
      },
      rawBody,
    };
  };
  const transaction = JSON.parse(plaintext) as Record<string, unknown>;

  it('decrypts the fixed ciphertext', () => {
    expect(
      wechatV3Decrypt({ ciphertext, nonce: 'fdasflkja484', associatedData: 'transaction' }, apiV3Key),
    ).toBe(plaintext);
  });

  it('encrypts deterministically for a given nonce', () => {
    expect(
      wechatV3Encrypt({ plaintext, nonce: 'fdasflkja484', associatedData: 'transaction' }, apiV3Key),
    ).toBe(ciphertext);
  });

  it('fails to decrypt with the wrong associated data, nonce, key or a flipped bit', () => {
    const resource = { ciphertext, nonce: 'fdasflkja484', associatedData: 'transaction' };
    expect(() => wechatV3Decrypt({ ...resource, associatedData: 'refund' }, apiV3Key)).toThrow();
    expect(() => wechatV3Decrypt({ ...resource, nonce: 'fdasflkja485' }, apiV3Key)).toThrow();
    expect(() => wechatV3Decrypt(resource, 'AnotherApiV3Key0123456789abcdef!')).toThrow();
    const flipped = Buffer.from(ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      wechatV3Decrypt({ ...resource, ciphertext: flipped.toString('base64') }, apiV3Key),
    ).toThrow();
    expect(() => wechatV3Decrypt(resource, 'short')).toThrow(/32 bytes/);
  });

  it('verifies the fixed notification signature and rejects changes', () => {
    const signed = {
      timestamp: headers['wechatpay-timestamp'],
      nonce: headers['wechatpay-nonce'],
      body,
      signature: headers['wechatpay-signature'],
    };
    expect(wechatV3VerifyNotification(signed, platformPublicKeyPem)).toBe(true);
    expect(
      wechatV3VerifyNotification(
        { ...signed, body: body.replace('10:34:57', '10:34:58') },
        platformPublicKeyPem,
      ),
    ).toBe(false);
    expect(wechatV3VerifyNotification({ ...signed, timestamp: '1717814098' }, platformPublicKeyPem)).toBe(
      false,
    );
    expect(wechatV3VerifyNotification(signed, otherPublicKeyPem)).toBe(false);
    expect(
      wechatV3VerifyNotification({ ...signed, signature: 'WECHATPAY/SIGNTEST/abc' }, platformPublicKeyPem),
    ).toBe(false);
  });

  it('signs requests over METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n', () => {
    const request = {
      method: 'post',
      path: '/v3/pay/transactions/jsapi',
      timestamp: 1717814097,
      nonce: 'n',
      body: '{"a":1}',
    };
    const signature = wechatV3RequestSignature(request, platformPrivateKeyPem);
    const message = 'POST\n/v3/pay/transactions/jsapi\n1717814097\nn\n{"a":1}\n';
    expect(
      verify('sha256', Buffer.from(message, 'utf8'), platformPublicKeyPem, Buffer.from(signature, 'base64')),
    ).toBe(true);
  });

  it('maps the fixed notification', () => {
    const notice = adapterAt(signedAt).verifyCallback({ headers, rawBody: body });
    expect(notice).toMatchObject({
      platformOrderNo: 'P202406080001',
      upstreamOrderNo: '4200002024060812345678901234',
      amountFen: 10000,
      paid: true,
    });
    expect(notice.paidAt?.toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(notice.raw['amount.total']).toBe('10000');
    expect(notice.raw['payer.openid']).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
  });

  it('reads header names case-insensitively', () => {
    const upper = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k.replace(/(^|-)w/g, (m) => m.toUpperCase()), v]),
    );
    expect(adapterAt(signedAt).verifyCallback({ headers: upper, rawBody: body }).paid).toBe(true);
  });

  it('rejects a timestamp more than five minutes away (replay)', () => {
    expect(
      adapterAt(new Date(signedAt.getTime() + 299_000)).verifyCallback({ headers, rawBody: body }).paid,
    ).toBe(true);
    expect(() =>
      adapterAt(new Date(signedAt.getTime() + 301_000)).verifyCallback({ headers, rawBody: body }),
    ).toThrow(/timestamp/);
  });

  it('rejects a tampered body, a missing header and another platform key', () => {
    const adapter = adapterAt(signedAt);
    expect(() => adapter.verifyCallback({ headers, rawBody: body.replace('EV-2018', 'EV-2019') })).toThrow(
      /does not verify/,
    );
    expect(() =>
      adapter.verifyCallback({ headers: { ...headers, 'wechatpay-signature': undefined }, rawBody: body }),
    ).toThrow(/wechatpay-signature/);
    expect(() =>
      adapterAt(signedAt, { platformPublicKeyPem: otherPublicKeyPem }).verifyCallback({
        headers,
        rawBody: body,
      }),
    ).toThrow(/does not verify/);
  });

  it('rejects a validly signed notification for another app or merchant', () => {
    expect(() =>
      adapterAt(signedAt, { appId: 'wx0000000000000000' }).verifyCallback({ headers, rawBody: body }),
    ).toThrow(/appid/);
    expect(() =>
      adapterAt(signedAt, { mchId: '1900000000' }).verifyCallback({ headers, rawBody: body }),
    ).toThrow(/mchid/);
  });

  it('rejects resources it cannot decrypt or read', () => {
    const adapter = adapterAt(signedAt);
    expect(() => adapter.verifyCallback(notify(transaction, { associated_data: 'refund' }))).toThrow(
      ChannelSignatureError,
    );
    expect(() => adapter.verifyCallback(notify(transaction, { algorithm: 'AES-CBC' }))).toThrow(/algorithm/);
    expect(() => adapter.verifyCallback(notify(transaction, { original_type: 'refund' }))).toThrow(
      /transaction/,
    );
    expect(() => adapter.verifyCallback(notify({ ...transaction, amount: { total: 100.5 } }))).toThrow(
      /amount.total/,
    );
    expect(() => adapter.verifyCallback(notify({ ...transaction, amount: { total: -1 } }))).toThrow(
      /amount.total/,
    );
    expect(() =>
      adapter.verifyCallback(notify({ ...transaction, amount: { total: 1, currency: 'USD' } })),
    ).toThrow(/currency/);
    expect(() =>
      adapter.verifyCallback(notify({ ...transaction, success_time: '2024-06-08 10:34:56' })),
    ).toThrow(/success_time/);
  });

  it('reports a trade_state other than SUCCESS as not paid', () => {
    const notice = adapterAt(signedAt).verifyCallback(
      notify({ ...transaction, trade_state: 'NOTPAY', success_time: undefined }),
    );
    expect(notice).toMatchObject({ paid: false, paidAt: null });
  });

  it('acknowledges with 204 or a 500 FAIL body', () => {
    const adapter = adapterAt(signedAt);
    expect(adapter.acknowledge(true)).toMatchObject({ status: 204, body: '' });
    const rejected = adapter.acknowledge(false);
    expect(rejected.status).toBe(500);
    expect(JSON.parse(rejected.body)).toEqual({ code: 'FAIL', message: 'notification rejected' });
  });
});

import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelSignatureError } from './channel-adapter';
import {
  fromWechatXml,
  signWechatV2Notification,
  toWechatXml,
  wechatV2Sign,
  wechatV3Decrypt,
  wechatV3Encrypt,
  wechatV3NotificationSignature,
  wechatV3RequestSignature,
  wechatV3VerifyNotification,
  WechatPayV2Adapter,
  WechatPayV3Adapter,
} from './wechat-pay.adapter';

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

describe('wechatV2Sign', () => {
  // WeChat Pay's published example (pay.weixin.qq.com, "安全规范" / signature algorithm).
  const vector = {
    appid: 'wxd930ea5d5a258f4f',
    mch_id: '10000100',
    device_info: '1000',
    body: 'test',
    nonce_str: 'ibuaiVcKdpRxkhJA',
  };
  const key = '192006250b4c09247ec02edce69f6a2d';

  it('matches the public MD5 vector', () => {
    expect(wechatV2Sign(vector, key)).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(wechatV2Sign(vector, key, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('matches the public HMAC-SHA256 vector', () => {
    expect(wechatV2Sign(vector, key, 'HMAC-SHA256')).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });

  it('ignores sign and empty values, and signs sign_type', () => {
    expect(wechatV2Sign({ ...vector, sign: 'X', attach: '' }, key)).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(wechatV2Sign({ ...vector, sign_type: 'MD5' }, key)).not.toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });
});

describe('toWechatXml / fromWechatXml', () => {
  it('round-trips values, CDATA terminators and markup included', () => {
    const params = {
      return_code: 'SUCCESS',
      body: '充值 <100> & "more"',
      tricky: 'a]]>b',
      empty: '',
      spaced: ' x ',
    };
    const xml = toWechatXml(params);
    expect(xml.startsWith('<xml><return_code><![CDATA[SUCCESS]]></return_code>')).toBe(true);
    expect(fromWechatXml(xml)).toEqual(params);
  });

  it('reads plain text, pretty printing and the declaration', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <total_fee>0100</total_fee>\n  <a><![CDATA[1]]></a>\n  <b>x &amp; y &#20013;</b>\n</xml>\n';
    expect(fromWechatXml(xml)).toEqual({ total_fee: '0100', a: '1', b: 'x & y 中' });
  });

  it('refuses DOCTYPE, nesting, repeats, other roots and broken documents', () => {
    expect(() => fromWechatXml('<!DOCTYPE xml [<!ENTITY e "boom">]><xml><a>&e;</a></xml>')).toThrow(
      /DOCTYPE/,
    );
    expect(() => fromWechatXml('<xml><a><b>1</b></a></xml>')).toThrow(RangeError);
    expect(() => fromWechatXml('<xml><a>1</a><a>2</a></xml>')).toThrow(/more than once/);
    expect(() => fromWechatXml('<root><a>1</a></root>')).toThrow(/<xml>/);
    expect(() => fromWechatXml('<xml><a>1</a>')).toThrow(/well-formed/);
    expect(() => fromWechatXml('<xml><a>&unknown;</a></xml>')).toThrow(RangeError);
    expect(() => fromWechatXml('<xml><__proto__>1</__proto__></xml>')).toThrow(RangeError);
  });

  it('refuses names that are not XML names', () => {
    expect(() => toWechatXml({ 'a b': '1' })).toThrow(RangeError);
  });
});

describe('WechatPayV2Adapter', () => {
  const apiKey = '192006250b4c09247ec02edce69f6a2d';
  const adapter = new WechatPayV2Adapter({ appId: 'wx2421b1c4370ec43b', mchId: '10000100', apiKey });
  const notification: Record<string, string> = {
    appid: 'wx2421b1c4370ec43b',
    attach: '支付测试',
    bank_type: 'CFT',
    fee_type: 'CNY',
    is_subscribe: 'Y',
    mch_id: '10000100',
    nonce_str: '5d2b6c2a8db53831f7eda20af46e531c',
    openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
    out_trade_no: 'P202406080001',
    result_code: 'SUCCESS',
    return_code: 'SUCCESS',
    time_end: '20240608103456',
    total_fee: '10000',
    cash_fee: '10000',
    trade_type: 'JSAPI',
    transaction_id: '4200002024060812345678901234',
  };
  const verify = (params: Record<string, string>) =>
    adapter.verifyCallback({ headers: {}, rawBody: toWechatXml(params) });

  it('maps a verified MD5 notification', () => {
    const notice = verify(signWechatV2Notification(notification, apiKey));
    expect(notice).toMatchObject({
      platformOrderNo: 'P202406080001',
      upstreamOrderNo: '4200002024060812345678901234',
      amountFen: 10000,
      paid: true,
    });
    expect(notice.paidAt?.toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(notice.raw.attach).toBe('支付测试');
  });

  it('verifies with the sign_type the message names', () => {
    const signed = signWechatV2Notification({ ...notification, sign_type: 'HMAC-SHA256' }, apiKey);
    expect(signed.sign).toHaveLength(64);
    expect(verify(signed).paid).toBe(true);
    expect(() => verify({ ...signed, sign_type: 'MD5' })).toThrow(ChannelSignatureError);
    expect(() => verify({ ...signed, sign_type: 'SHA1' })).toThrow(/sign_type/);
  });

  it('reports result_code FAIL as not paid', () => {
    const failed = { ...notification, result_code: 'FAIL', transaction_id: '', time_end: '' };
    const notice = verify(signWechatV2Notification(failed, apiKey));
    expect(notice).toMatchObject({ paid: false, upstreamOrderNo: '', paidAt: null });
  });

  it('rejects a tampered field, a lower-case sign and a wrong key', () => {
    const signed = signWechatV2Notification(notification, apiKey);
    expect(() => verify({ ...signed, total_fee: '1' })).toThrow(/does not verify/);
    expect(() => verify({ ...signed, sign: (signed.sign ?? '').toLowerCase() })).toThrow(/does not verify/);
    expect(() => verify(signWechatV2Notification(notification, 'another-key'))).toThrow(/does not verify/);
  });

  it('rejects a validly signed notification for another appid or mch_id', () => {
    expect(() =>
      verify(signWechatV2Notification({ ...notification, appid: 'wx0000000000000000' }, apiKey)),
    ).toThrow(/appid/);
    expect(() => verify(signWechatV2Notification({ ...notification, mch_id: '10000200' }, apiKey))).toThrow(
      /mch_id/,
    );
  });

  it('rejects return_code FAIL, a missing sign, bad amounts and non-XML bodies', () => {
    expect(() => verify({ return_code: 'FAIL', return_msg: '签名失败' })).toThrow(/return_code/);
    expect(() => verify(notification)).toThrow(/missing sign/);
    expect(() => verify(signWechatV2Notification({ ...notification, total_fee: '100.00' }, apiKey))).toThrow(
      /total_fee/,
    );
    expect(() => verify(signWechatV2Notification({ ...notification, total_fee: '-1' }, apiKey))).toThrow(
      /total_fee/,
    );
    expect(() => verify(signWechatV2Notification({ ...notification, fee_type: 'USD' }, apiKey))).toThrow(
      /fee_type/,
    );
    expect(() => adapter.verifyCallback({ headers: {}, rawBody: 'return_code=SUCCESS' })).toThrow(
      ChannelSignatureError,
    );
  });

  it('rejects a time_end that is not a possible yyyyMMddHHmmss time', () => {
    // A Unix timestamp in milliseconds and the dashed layout are both readable, but not what WeChat sends.
    for (const timeEnd of ['20240230103456', '1717814096000', '2024-06-08 10:34:56', '2024060810345']) {
      expect(() => verify(signWechatV2Notification({ ...notification, time_end: timeEnd }, apiKey))).toThrow(
        /time_end/,
      );
    }
  });

  it('acknowledges with the SUCCESS / FAIL documents', () => {
    expect(adapter.acknowledge(true)).toEqual({
      status: 200,
      contentType: 'text/xml; charset=utf-8',
      body: '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
    });
    expect(fromWechatXml(adapter.acknowledge(false).body).return_code).toBe('FAIL');
  });
});

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

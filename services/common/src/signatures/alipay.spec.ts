import { generateKeyPairSync } from 'node:crypto';
import { MoneyFormatError } from '../money/money';
import {
  alipaySign,
  alipaySignContent,
  alipayVerify,
  buildAlipayWapPayUrl,
  signAlipayNotification,
} from './alipay';

// One pair plays both the app key and Alipay's key; another pair is the wrong key.
const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const { privateKey: privateKeyPem, publicKey: publicKeyPem } = pem();
const otherPublicKeyPem = pem().publicKey;

const APP_ID = '2021000000000001';

// Only a few fields: signing treats them all alike.
const notification: Record<string, string> = {
  app_id: APP_ID,
  out_trade_no: 'P202406080001',
  total_amount: '100.00',
  subject: '充值 100 元',
  trade_status: 'TRADE_SUCCESS',
};

describe('alipaySignContent', () => {
  const params = {
    b: '2',
    a: '1',
    sign: 'S',
    sign_type: 'RSA2',
    empty: '',
    url: 'https://x.example/n?a=1&b=2',
  };

  it('includes sign_type in request content', () => {
    expect(alipaySignContent(params, { forNotify: false })).toBe(
      'a=1&b=2&sign_type=RSA2&url=https://x.example/n?a=1&b=2',
    );
  });

  it('excludes sign_type from notification content', () => {
    expect(alipaySignContent(params, { forNotify: true })).toBe('a=1&b=2&url=https://x.example/n?a=1&b=2');
  });
});

describe('alipaySign / alipayVerify', () => {
  it('round-trips and rejects a tampered field or another key', () => {
    const params = { app_id: APP_ID, out_trade_no: 'P1', total_amount: '1.00' };
    const signature = alipaySign(params, privateKeyPem, { forNotify: true });
    expect(alipayVerify(params, signature, publicKeyPem)).toBe(true);
    expect(alipayVerify({ ...params, total_amount: '100.00' }, signature, publicKeyPem)).toBe(false);
    expect(alipayVerify(params, signature, otherPublicKeyPem)).toBe(false);
    expect(alipayVerify(params, '', publicKeyPem)).toBe(false);
  });

  it('signs request and notification content differently', () => {
    const params = { app_id: APP_ID, sign_type: 'RSA2' };
    const requestSignature = alipaySign(params, privateKeyPem);
    expect(alipayVerify(params, requestSignature, publicKeyPem, { forNotify: false })).toBe(true);
    expect(alipayVerify(params, requestSignature, publicKeyPem, { forNotify: true })).toBe(false);
  });
});

describe('buildAlipayWapPayUrl', () => {
  const url = new URL(
    buildAlipayWapPayUrl({
      gateway: 'https://openapi.alipay.com/gateway.do',
      appId: APP_ID,
      privateKeyPem,
      outTradeNo: 'P202406080001',
      totalAmountYuan: '100',
      subject: '充值 100 元 & more',
      notifyUrl: 'https://pay.example.com/callbacks/alipay',
      returnUrl: 'https://pay.example.com/return',
      timestamp: '2024-06-08 10:34:00',
    }),
  );
  const params = Object.fromEntries(url.searchParams);

  it('carries the wap.pay parameters and biz_content', () => {
    expect(url.origin + url.pathname).toBe('https://openapi.alipay.com/gateway.do');
    expect(params).toMatchObject({
      app_id: APP_ID,
      method: 'alipay.trade.wap.pay',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      version: '1.0',
      timestamp: '2024-06-08 10:34:00',
      notify_url: 'https://pay.example.com/callbacks/alipay',
      return_url: 'https://pay.example.com/return',
    });
    expect(JSON.parse(params.biz_content ?? '')).toEqual({
      out_trade_no: 'P202406080001',
      total_amount: '100.00',
      subject: '充值 100 元 & more',
      product_code: 'QUICK_WAP_WAY',
    });
  });

  it('URL-encodes the query', () => {
    expect(url.search).toContain('timestamp=2024-06-08%2010%3A34%3A00');
    expect(url.search).not.toContain(' ');
  });

  it('is signed over the request content, sign_type included', () => {
    expect(alipayVerify(params, params.sign ?? '', publicKeyPem, { forNotify: false })).toBe(true);
  });

  it('refuses an amount with more than two decimals', () => {
    expect(() =>
      buildAlipayWapPayUrl({
        gateway: 'https://openapi.alipay.com/gateway.do',
        appId: APP_ID,
        privateKeyPem,
        outTradeNo: 'P1',
        totalAmountYuan: '1.005',
        subject: 's',
        notifyUrl: 'https://pay.example.com/n',
        timestamp: '2024-06-08 10:34:00',
      }),
    ).toThrow(MoneyFormatError);
  });
});

describe('signAlipayNotification', () => {
  it('adds sign_type RSA2 and a signature over the content without sign_type', () => {
    const signed = signAlipayNotification({ ...notification, sign: 'stale' }, privateKeyPem);
    expect(signed.sign_type).toBe('RSA2');
    expect(signed.sign).not.toBe('stale');
    expect(alipayVerify(signed, signed.sign ?? '', publicKeyPem, { forNotify: true })).toBe(true);
    expect(alipayVerify(signed, signed.sign ?? '', publicKeyPem, { forNotify: false })).toBe(false);
  });
});

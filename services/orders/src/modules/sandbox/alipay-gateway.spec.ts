import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alipayVerify, buildAlipayWapPayUrl } from '@pay/common';
import { testOrdersConfig } from '../../config';
import {
  parseWapPayRequest,
  SANDBOX_ALIPAY_SELLER_ID,
  singleValuedParams,
  wapPayNotification,
  WapPayRequestError,
} from './alipay-gateway';
import { createSandboxKeys } from './sandbox-keys';

// Test-only keys (upstream/fixtures/README.md): one pair is the merchant app's, another the sandbox's "Alipay".
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'upstream', 'fixtures', name), 'utf8');
const appPrivateKeyPem = fixture('test-alipay-private.pem');
const appPublicKeyPem = fixture('test-alipay-public.pem');
const sandboxPrivateKeyPem = fixture('test-wechat-platform-private.pem');
const sandboxPublicKeyPem = fixture('test-wechat-platform-public.pem');

const APP_ID = '2021000000000042';

const linkParams = (overrides: { privateKeyPem?: string; totalAmountYuan?: string } = {}) =>
  Object.fromEntries(
    new URL(
      buildAlipayWapPayUrl({
        gateway: 'http://127.0.0.1:4001/sandbox/alipay/gateway.do',
        appId: APP_ID,
        privateKeyPem: overrides.privateKeyPem ?? appPrivateKeyPem,
        outTradeNo: 'R202406080001',
        totalAmountYuan: overrides.totalAmountYuan ?? '100',
        subject: '钱包充值 <100> & more',
        notifyUrl: 'http://127.0.0.1:4004/notify/alipay/wallet-recharge',
        returnUrl: 'http://127.0.0.1:4004/recharged',
        timestamp: '2024-06-08 10:34:00',
      }),
    ).searchParams,
  );

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof WapPayRequestError) return error.message;
    throw error;
  }
  throw new Error('expected a WapPayRequestError, nothing was thrown');
};

describe('parseWapPayRequest', () => {
  it('reads a signed recharge link', () => {
    expect(parseWapPayRequest(linkParams(), appPublicKeyPem)).toMatchObject({
      appId: APP_ID,
      notifyUrl: 'http://127.0.0.1:4004/notify/alipay/wallet-recharge',
      returnUrl: 'http://127.0.0.1:4004/recharged',
      charset: 'utf-8',
      outTradeNo: 'R202406080001',
      totalAmount: 10000,
      subject: '钱包充值 <100> & more',
    });
  });

  it('refuses a tampered, unsigned or otherwise signed request when the app key is known', () => {
    const params = linkParams();
    const tampered = { ...params, biz_content: (params.biz_content ?? '').replace('100.00', '1.00') };
    expect(refusal(() => parseWapPayRequest(tampered, appPublicKeyPem))).toMatch(/signature does not verify/);
    expect(refusal(() => parseWapPayRequest({ ...params, sign: '' }, appPublicKeyPem))).toMatch(/signature/);
    const byOtherKey = linkParams({ privateKeyPem: sandboxPrivateKeyPem });
    expect(refusal(() => parseWapPayRequest(byOtherKey, appPublicKeyPem))).toMatch(/signature/);
    expect(refusal(() => parseWapPayRequest({ ...params, sign_type: 'RSA' }, appPublicKeyPem))).toMatch(
      /sign_type/,
    );
  });

  it('takes any signature when no app key is configured', () => {
    const params = linkParams();
    const tampered = { ...params, biz_content: (params.biz_content ?? '').replace('100.00', '1.00') };
    expect(parseWapPayRequest({ ...tampered, sign: 'x' }, null).totalAmount).toBe(100);
  });

  it('refuses another method, a missing notify_url or app_id, and a bad biz_content', () => {
    const params = linkParams();
    const check = (changes: Record<string, string>) =>
      refusal(() => parseWapPayRequest({ ...params, ...changes }, null));
    expect(check({ method: 'alipay.trade.page.pay' })).toMatch(/method must be alipay.trade.wap.pay/);
    expect(check({ notify_url: '' })).toMatch(/notify_url is missing/);
    expect(check({ notify_url: 'javascript:alert(1)' })).toMatch(/notify_url must be an http/);
    expect(check({ return_url: 'file:///etc/passwd' })).toMatch(/return_url must be an http/);
    expect(check({ app_id: '' })).toMatch(/app_id/);
    expect(check({ biz_content: '{' })).toMatch(/not JSON/);
    const biz = (changes: Record<string, unknown>) =>
      JSON.stringify({ ...(JSON.parse(params.biz_content ?? '') as object), ...changes });
    expect(check({ biz_content: biz({ total_amount: '1.005' }) })).toMatch(/total_amount/);
    expect(check({ biz_content: biz({ total_amount: '0.00' }) })).toMatch(/must be positive/);
    expect(check({ biz_content: biz({ total_amount: 100 }) })).toMatch(/total_amount/);
    expect(check({ biz_content: biz({ out_trade_no: '' }) })).toMatch(/out_trade_no/);
    expect(check({ biz_content: biz({ product_code: 'FAST_INSTANT_TRADE_PAY' }) })).toMatch(/product_code/);
  });
});

describe('singleValuedParams', () => {
  it('refuses a repeated parameter', () => {
    expect(singleValuedParams(new URLSearchParams('a=1&b=2'))).toEqual({ a: '1', b: '2' });
    expect(refusal(() => singleValuedParams(new URLSearchParams('sign=a&total=1&sign=b')))).toMatch(
      /sign is given more than once/,
    );
  });
});

describe('wapPayNotification', () => {
  const keys = createSandboxKeys({
    ...testOrdersConfig().sandbox,
    alipayPrivateKeyPem: sandboxPrivateKeyPem,
    alipayAppPublicKeyPem: appPublicKeyPem,
  });
  const paidAt = new Date('2024-06-08T02:35:00.000Z');
  const notification = wapPayNotification(parseWapPayRequest(linkParams(), appPublicKeyPem), keys, paidAt);

  it('carries the fields Alipay sends, for the request app', () => {
    expect(notification).toMatchObject({
      notify_time: '2024-06-08 10:35:00',
      notify_type: 'trade_status_sync',
      app_id: APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      out_trade_no: 'R202406080001',
      total_amount: '100.00',
      receipt_amount: '100.00',
      buyer_pay_amount: '100.00',
      subject: '钱包充值 <100> & more',
      trade_status: 'TRADE_SUCCESS',
      gmt_create: '2024-06-08 10:35:00',
      gmt_payment: '2024-06-08 10:35:00',
      seller_id: SANDBOX_ALIPAY_SELLER_ID,
    });
    expect(notification.trade_no).toMatch(/^202406082200\d{16}$/);
    expect(notification.buyer_id).toMatch(/^2088\d{12}$/);
    expect(notification.notify_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is signed with the sandbox key, verifiable with its public key only', () => {
    expect(alipayVerify(notification, notification.sign ?? '', sandboxPublicKeyPem)).toBe(true);
    expect(alipayVerify(notification, notification.sign ?? '', appPublicKeyPem)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alipayVerify, buildAlipayWapPayUrl, startMerchantReceiver } from '@pay/common';
import { testOrdersConfig } from '../../src/config';
import { startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';

// Test-only keys (src/modules/upstream/fixtures/README.md): the merchant app's pair signs the
// links, another pair is the sandbox's "Alipay" key that signs the notifications.
const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', '..', 'src', 'modules', 'upstream', 'fixtures', name), 'utf8');
const appPrivateKeyPem = fixture('test-alipay-private.pem');
const appPublicKeyPem = fixture('test-alipay-public.pem');
const sandboxPrivateKeyPem = fixture('test-wechat-platform-private.pem');
const sandboxPublicKeyPem = fixture('test-wechat-platform-public.pem');

const APP_ID = '2021000000000042';

describe('the sandbox Alipay gateway pays a wap.pay link signed by another service', () => {
  let app: OrdersTestApp;
  let gateway: string;
  let receiver: Awaited<ReturnType<typeof startMerchantReceiver>>;
  beforeAll(async () => {
    app = await startOrdersTestApp({
      sandbox: {
        ...testOrdersConfig().sandbox,
        alipayPrivateKeyPem: sandboxPrivateKeyPem,
        alipayAppPublicKeyPem: appPublicKeyPem,
      },
    });
    gateway = `${app.url.replace(/\/graphql$/, '')}/sandbox/alipay/gateway.do`;
  });
  beforeEach(async () => {
    // A real HTTP endpoint standing in for the settlement service's notify URL; answers `success`.
    receiver = await startMerchantReceiver();
  });
  afterEach(async () => {
    await receiver.close();
  });
  afterAll(async () => {
    await app.close();
  });

  const link = (outTradeNo: string, subject = '钱包充值 <b>100</b> & more') =>
    buildAlipayWapPayUrl({
      gateway,
      appId: APP_ID,
      privateKeyPem: appPrivateKeyPem,
      outTradeNo,
      totalAmountYuan: '100',
      subject,
      notifyUrl: receiver.url,
      returnUrl: 'http://127.0.0.1:1/recharged?a=1&b=2',
      timestamp: '2024-06-08 10:34:00',
    });

  /** The `request` value of the pay page's form, as a browser would submit it. */
  const formOf = (html: string): string => {
    const value = /name="request" value="([^"]*)"/.exec(html)?.[1];
    if (value === undefined) throw new Error(`no pay form in ${html}`);
    const unescaped = value.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
    return new URLSearchParams({ request: unescaped }).toString();
  };

  const pay = (body: string) =>
    fetch(`${gateway}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  it('shows a pay page with the amount, subject and order number, escaped', async () => {
    const response = await fetch(link('R202406080001'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('¥100.00');
    expect(html).toContain('R202406080001');
    expect(html).toContain('钱包充值 &#60;b&#62;100&#60;/b&#62; &#38; more');
    expect(html).not.toContain('<b>100');
    // Relative, so that it resolves to …/sandbox/alipay/gateway.do/pay behind any path prefix.
    expect(html).toContain('<form method="post" action="gateway.do/pay">');
    expect(html).toContain('<button type="submit">Pay ¥100.00</button>');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a tampered link with 400 and sends nothing', async () => {
    const url = new URL(link('R202406080002'));
    const biz = JSON.parse(url.searchParams.get('biz_content') ?? '') as Record<string, string>;
    url.searchParams.set('biz_content', JSON.stringify({ ...biz, total_amount: '0.01' }));
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('the request signature does not verify with the app public key');

    // The pay step checks the signed parameters again: a tampered form is refused too.
    const paid = await pay(new URLSearchParams({ request: url.searchParams.toString() }).toString());
    expect(paid.status).toBe(400);
    expect(await paid.text()).toContain('signature does not verify');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses another method with 400', async () => {
    const url = new URL(link('R202406080003'));
    url.searchParams.set('method', 'alipay.trade.page.pay');
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('method must be alipay.trade.wap.pay');
  });

  it('pays: notify_url gets a signed Alipay notification, the page shows the answer', async () => {
    const page = await (await fetch(link('R202406080004'))).text();
    const response = await pay(formOf(page));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Paid: order R202406080004 — ¥100.00');
    expect(html).toContain('HTTP 200: <code>success</code>');
    expect(html).toContain('href="http://127.0.0.1:1/recharged?a=1&#38;b=2"');

    expect(receiver.received).toHaveLength(1);
    const [notification] = receiver.received;
    expect(notification?.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const params = Object.fromEntries(new URLSearchParams(notification?.body ?? ''));
    expect(params).toMatchObject({
      notify_type: 'trade_status_sync',
      app_id: APP_ID,
      out_trade_no: 'R202406080004',
      total_amount: '100.00',
      receipt_amount: '100.00',
      buyer_pay_amount: '100.00',
      subject: '钱包充值 <b>100</b> & more',
      trade_status: 'TRADE_SUCCESS',
      sign_type: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
    });
    for (const field of [
      'notify_time',
      'notify_id',
      'trade_no',
      'gmt_create',
      'gmt_payment',
      'buyer_id',
      'seller_id',
    ]) {
      expect(params[field]).toEqual(expect.any(String));
    }
    // What the settlement service does with the sandbox's configured key.
    expect(alipayVerify(params, params.sign ?? '', sandboxPublicKeyPem)).toBe(true);
    expect(alipayVerify(params, params.sign ?? '', appPublicKeyPem)).toBe(false);
    expect(alipayVerify({ ...params, total_amount: '1000.00' }, params.sign ?? '', sandboxPublicKeyPem)).toBe(
      false,
    );
  });

  it('takes the signed parameters posted directly, too', async () => {
    const response = await pay(new URL(link('R202406080005')).searchParams.toString());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(new URLSearchParams(receiver.received[0]?.body ?? ''))).toMatchObject({
      out_trade_no: 'R202406080005',
    });
  });

  it('shows an answer other than exactly success as not confirmed (502)', async () => {
    await receiver.close();
    receiver = await startMerchantReceiver(['<fail>']);
    const response = await pay(new URL(link('R202406080006')).searchParams.toString());
    expect(response.status).toBe(502);
    const html = await response.text();
    expect(html).toContain('Not confirmed');
    expect(html).toContain('<code>&#60;fail&#62;</code> (expected exactly <code>success</code>)');
    expect(receiver.received).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAlipayNotification } from '@pay/common';
import { AlipayAdapter } from './alipay.adapter';
import { ChannelSignatureError } from './channel-adapter';

// Test-only keys (see fixtures/README.md); one pair plays both our app key and Alipay's.
const privateKeyPem = readFileSync(join(__dirname, 'fixtures', 'test-alipay-private.pem'), 'utf8');
const publicKeyPem = readFileSync(join(__dirname, 'fixtures', 'test-alipay-public.pem'), 'utf8');
const otherPublicKeyPem = readFileSync(
  join(__dirname, 'fixtures', 'test-wechat-platform-public.pem'),
  'utf8',
);

const APP_ID = '2021000000000001';
const SELLER_ID = '2088000000000001';

const notification: Record<string, string> = {
  notify_time: '2024-06-08 10:35:00',
  notify_type: 'trade_status_sync',
  notify_id: 'ac05099524730693a8b330c5ecf72da9786',
  charset: 'utf-8',
  version: '1.0',
  app_id: APP_ID,
  seller_id: SELLER_ID,
  trade_no: '2024060822001400000000000001',
  out_trade_no: 'P202406080001',
  trade_status: 'TRADE_SUCCESS',
  total_amount: '100.00',
  receipt_amount: '100.00',
  subject: '充值 100 元',
  gmt_create: '2024-06-08 10:34:50',
  gmt_payment: '2024-06-08 10:34:56',
  fund_bill_list: '[{"amount":"100.00","fundChannel":"ALIPAYACCOUNT"}]',
};

const formBody = (params: Record<string, string>): string => new URLSearchParams(params).toString();

describe('AlipayAdapter', () => {
  const adapter = new AlipayAdapter({ appId: APP_ID, alipayPublicKeyPem: publicKeyPem, sellerId: SELLER_ID });
  const verify = (params: Record<string, string>) =>
    adapter.verifyCallback({ headers: {}, rawBody: formBody(params) });

  it('maps a verified notification', () => {
    const notice = verify(signAlipayNotification(notification, privateKeyPem));
    expect(notice).toMatchObject({
      platformOrderNo: 'P202406080001',
      upstreamOrderNo: '2024060822001400000000000001',
      amountFen: 10000,
      paid: true,
    });
    expect(notice.paidAt?.toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(notice.raw.subject).toBe('充值 100 元');
    expect(notice.raw.sign_type).toBe('RSA2');
  });

  it('treats TRADE_FINISHED as paid and WAIT_BUYER_PAY as not paid', () => {
    expect(
      verify(signAlipayNotification({ ...notification, trade_status: 'TRADE_FINISHED' }, privateKeyPem)).paid,
    ).toBe(true);
    const waiting = { ...notification, trade_status: 'WAIT_BUYER_PAY', gmt_payment: '' };
    const notice = verify(signAlipayNotification(waiting, privateKeyPem));
    expect(notice.paid).toBe(false);
    expect(notice.paidAt).toBeNull();
  });

  it('rejects a tampered field', () => {
    const signed = signAlipayNotification(notification, privateKeyPem);
    expect(() => verify({ ...signed, total_amount: '1000.00' })).toThrow(ChannelSignatureError);
  });

  it('rejects a signature by another key', () => {
    const other = new AlipayAdapter({ appId: APP_ID, alipayPublicKeyPem: otherPublicKeyPem });
    const rawBody = formBody(signAlipayNotification(notification, privateKeyPem));
    expect(() => other.verifyCallback({ headers: {}, rawBody })).toThrow(/does not verify/);
  });

  it('rejects a missing sign and a sign_type other than RSA2', () => {
    const signed = signAlipayNotification(notification, privateKeyPem);
    expect(() => verify({ ...signed, sign: '' })).toThrow(/missing sign/);
    expect(() => verify({ ...signed, sign_type: 'RSA' })).toThrow(/sign_type/);
  });

  it('rejects a validly signed notification for another app id or seller', () => {
    expect(() =>
      verify(signAlipayNotification({ ...notification, app_id: '2021000000000002' }, privateKeyPem)),
    ).toThrow(/app_id/);
    expect(() =>
      verify(signAlipayNotification({ ...notification, seller_id: '2088000000000002' }, privateKeyPem)),
    ).toThrow(/seller_id/);
  });

  it('does not check seller_id when none is configured', () => {
    const lenient = new AlipayAdapter({ appId: APP_ID, alipayPublicKeyPem: publicKeyPem });
    const rawBody = formBody(
      signAlipayNotification({ ...notification, seller_id: '2088000000000002' }, privateKeyPem),
    );
    expect(lenient.verifyCallback({ headers: {}, rawBody }).paid).toBe(true);
  });

  it('rejects a malformed amount or time even when signed', () => {
    expect(() =>
      verify(signAlipayNotification({ ...notification, total_amount: '1.005' }, privateKeyPem)),
    ).toThrow(/total_amount/);
    expect(() =>
      verify(signAlipayNotification({ ...notification, total_amount: '-1' }, privateKeyPem)),
    ).toThrow(/total_amount/);
    // Other layouts, even ones a lenient parser would read, and impossible dates.
    for (const gmtPayment of ['2024/06/08', '2024-06-08T10:34:56', '2024-06-08', '2024-02-30 10:34:56']) {
      expect(() =>
        verify(signAlipayNotification({ ...notification, gmt_payment: gmtPayment }, privateKeyPem)),
      ).toThrow(/gmt_payment/);
    }
  });

  it('rejects a repeated field', () => {
    const rawBody = `${formBody(signAlipayNotification(notification, privateKeyPem))}&total_amount=0.01`;
    expect(() => adapter.verifyCallback({ headers: {}, rawBody })).toThrow(/duplicate/);
  });

  it('acknowledges with exactly success or failure', () => {
    expect(adapter.acknowledge(true)).toEqual({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'success',
    });
    expect(adapter.acknowledge(false).body).toBe('failure');
  });
});

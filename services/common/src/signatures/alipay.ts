import { sign, verify, type KeyObject } from 'node:crypto';
import { formatFen, parseYuan } from '../money/money';

/** Which of Alipay's two strings to sign: the one for our requests or the one for its notifications. */
export interface AlipaySignContentOptions {
  /** true: notification verification, `sign_type` is left out too. */
  forNotify: boolean;
}

/**
 * Alipay's string to sign: parameters sorted by name, `k=v` joined with `&`, raw
 * (not URL-encoded) values, without `sign` and without empty values. Requests sign
 * `sign_type` along; notifications are verified without it (the SDKs' `getSignContent`
 * vs `getSignCheckContentV1`), so the same parameters give two different strings.
 *
 * Names are sorted by UTF-16 code unit (the default sort) because that is what Alipay's
 * Java SDK does (`Collections.sort` of the keys); for its ASCII parameter names this is
 * also byte order, which the PHP SDK uses.
 */
export function alipaySignContent(params: Record<string, string>, options: AlipaySignContentOptions): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && !(options.forNotify && key === 'sign_type') && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/**
 * RSA2 (SHA256withRSA) signature, Base64, over {@link alipaySignContent}. Signs request
 * content unless told otherwise, because requests are what a merchant signs.
 */
export function alipaySign(
  params: Record<string, string>,
  privateKeyPem: string | KeyObject,
  options: AlipaySignContentOptions = { forNotify: false },
): string {
  return sign('sha256', Buffer.from(alipaySignContent(params, options), 'utf8'), privateKeyPem).toString(
    'base64',
  );
}

/**
 * Checks an RSA2 signature over {@link alipaySignContent}. Verifies notification content
 * unless told otherwise, because notifications are what a merchant verifies.
 */
export function alipayVerify(
  params: Record<string, string>,
  signature: string,
  publicKeyPem: string | KeyObject,
  options: AlipaySignContentOptions = { forNotify: true },
): boolean {
  if (signature === '') return false;
  return verify(
    'sha256',
    Buffer.from(alipaySignContent(params, options), 'utf8'),
    publicKeyPem,
    Buffer.from(signature, 'base64'),
  );
}

export interface AlipayWapPayInput {
  /** e.g. https://openapi.alipay.com/gateway.do (or the sandbox gateway). */
  gateway: string;
  appId: string;
  privateKeyPem: string | KeyObject;
  outTradeNo: string;
  /** Yuan with at most two decimals; sent normalised to two ("5" → "5.00"). */
  totalAmountYuan: string;
  subject: string;
  notifyUrl: string;
  returnUrl?: string;
  /** "yyyy-MM-dd HH:mm:ss" China time; passed in so the URL is reproducible. */
  timestamp: string;
}

/** The signed `alipay.trade.wap.pay` URL that a payment or recharge link redirects the payer to. */
export function buildAlipayWapPayUrl(input: AlipayWapPayInput): string {
  const totalAmount = formatFen(parseYuan(input.totalAmountYuan));
  const bizContent = JSON.stringify({
    out_trade_no: input.outTradeNo,
    total_amount: totalAmount,
    subject: input.subject,
    product_code: 'QUICK_WAP_WAY',
  });
  const params: Record<string, string> = {
    app_id: input.appId,
    method: 'alipay.trade.wap.pay',
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: input.timestamp,
    version: '1.0',
    notify_url: input.notifyUrl,
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
    biz_content: bizContent,
  };
  const signed = { ...params, sign: alipaySign(params, input.privateKeyPem, { forNotify: false }) };
  const query = Object.entries(signed)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${input.gateway}${input.gateway.includes('?') ? '&' : '?'}${query}`;
}

/**
 * What Alipay does to a notification, for sandbox channels and tests: adds
 * `sign_type=RSA2` and a signature over the notification content (no `sign`, no `sign_type`).
 */
export function signAlipayNotification(
  params: Record<string, string>,
  privateKeyPem: string | KeyObject,
): Record<string, string> {
  const withoutSign = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'sign'));
  const withType = { ...withoutSign, sign_type: 'RSA2' };
  return { ...withType, sign: alipaySign(withType, privateKeyPem, { forNotify: true }) };
}

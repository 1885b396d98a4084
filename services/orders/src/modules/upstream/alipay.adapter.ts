import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { formatFen, parseYuan } from '@pay/common';
import {
  ChannelSignatureError,
  channelTime,
  compareByteOrder,
  parseNoticeField,
  type ChannelAdapter,
  type ChannelCallbackResponse,
  type ChannelPaymentNotice,
} from './channel-adapter';

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
 */
export function alipaySignContent(params: Record<string, string>, options: AlipaySignContentOptions): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && !(options.forNotify && key === 'sign_type') && params[key] !== '')
    .sort(compareByteOrder)
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/**
 * RSA2 (SHA256withRSA) signature, Base64, over {@link alipaySignContent}. Signs request
 * content unless told otherwise, because requests are what we sign as a merchant.
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
 * unless told otherwise, because notifications are what we verify.
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

/** The signed `alipay.trade.wap.pay` URL that a recharge link redirects the payer to. */
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
 * What Alipay does to a notification, for our sandbox channel and tests: adds
 * `sign_type=RSA2` and a signature over the notification content (no `sign`, no `sign_type`).
 */
export function signAlipayNotification(
  params: Record<string, string>,
  privateKeyPem: string | KeyObject,
): Record<string, string> {
  const withType = { ...withoutKey(params, 'sign'), sign_type: 'RSA2' };
  return { ...withType, sign: alipaySign(withType, privateKeyPem, { forNotify: true }) };
}

export interface AlipayAdapterOptions {
  appId: string;
  /** Alipay's public key (not the app's), PEM. */
  alipayPublicKeyPem: string;
  /** The merchant's Alipay account (2088…); checked when set. */
  sellerId?: string;
}

const PAID_STATUSES: ReadonlySet<string> = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);

/** Alipay asynchronous notifications (form POST, RSA2). */
export class AlipayAdapter implements ChannelAdapter {
  readonly kind = 'alipay' as const;
  private readonly publicKey: KeyObject;

  constructor(private readonly options: AlipayAdapterOptions) {
    // Parsed once so that a broken key fails at start-up, not on the first payment.
    this.publicKey = createPublicKey(options.alipayPublicKeyPem);
  }

  verifyCallback(request: {
    headers: Record<string, string | undefined>;
    rawBody: string;
  }): ChannelPaymentNotice {
    const params = parseForm(request.rawBody);
    const signature = params.sign;
    if (!signature) throw new ChannelSignatureError('missing sign');
    // We only ever ask for RSA2; an RSA (SHA1) notification was not meant for us.
    if (params.sign_type !== 'RSA2')
      throw new ChannelSignatureError(`unexpected sign_type ${params.sign_type ?? '(none)'}`);
    if (!alipayVerify(params, signature, this.publicKey, { forNotify: true })) {
      throw new ChannelSignatureError('signature does not verify');
    }
    // A valid signature only proves Alipay sent it; these prove it was about our app.
    if (params.app_id !== this.options.appId) throw new ChannelSignatureError('app_id does not match');
    if (this.options.sellerId !== undefined && params.seller_id !== this.options.sellerId) {
      throw new ChannelSignatureError('seller_id does not match');
    }
    const platformOrderNo = requireParam(params, 'out_trade_no');
    const upstreamOrderNo = requireParam(params, 'trade_no');
    const amountFen = parseNoticeField('total_amount', () => parseYuan(requireParam(params, 'total_amount')));
    const gmtPayment = params.gmt_payment;
    const paidAt = gmtPayment
      ? parseNoticeField('gmt_payment', () => channelTime(gmtPayment, 'yyyy-MM-dd HH:mm:ss'))
      : null;
    return {
      platformOrderNo,
      upstreamOrderNo,
      amountFen,
      paid: PAID_STATUSES.has(params.trade_status ?? ''),
      paidAt,
      raw: params,
    };
  }

  acknowledge(accepted: boolean): ChannelCallbackResponse {
    // Alipay looks only at the body: exactly "success" stops its retries.
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: accepted ? 'success' : 'failure' };
  }
}

function parseForm(rawBody: string): Record<string, string> {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(rawBody)) {
    // Alipay never repeats a field; a repeat would let the signed and the used value differ.
    if (seen.has(key)) throw new ChannelSignatureError(`duplicate field ${key}`);
    seen.add(key);
    entries.push([key, value]);
  }
  // fromEntries defines own properties, so a field named __proto__ stays a plain field.
  return Object.fromEntries(entries);
}

function withoutKey(params: Record<string, string>, omitted: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== omitted));
}

function requireParam(params: Record<string, string>, key: string): string {
  const value = params[key];
  if (value === undefined || value === '') throw new ChannelSignatureError(`missing ${key}`);
  return value;
}

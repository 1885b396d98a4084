import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  alipayVerify,
  formatChinaDateTime,
  formatFen,
  parseYuan,
  signAlipayNotification,
  type Fen,
} from '@pay/common';
import type { SandboxKeys } from './sandbox-keys';

/**
 * The sandbox's stand-in for Alipay's `gateway.do`: it takes the `alipay.trade.wap.pay`
 * requests that another service signed (recharge links) and answers the way Alipay does,
 * with a signed asynchronous notification to the request's `notify_url`.
 */

/** A request the gateway refuses; the message is shown to the payer. */
export class WapPayRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WapPayRequestError';
  }
}

/** What the gateway keeps of a valid `alipay.trade.wap.pay` request. */
export interface WapPayRequest {
  /** Every parameter as received, `sign` included: the pay page hands them back unchanged. */
  params: Record<string, string>;
  appId: string;
  notifyUrl: string;
  returnUrl: string | null;
  charset: string;
  outTradeNo: string;
  totalAmount: Fen;
  subject: string;
}

/** The merchant's Alipay account number (2088…) the sandbox reports as seller. */
export const SANDBOX_ALIPAY_SELLER_ID = '2088000000000000';

/**
 * Query or form parameters, each name once. A repeated name is refused: the signature
 * would cover one value and the gateway might use the other.
 */
export function singleValuedParams(search: URLSearchParams): Record<string, string> {
  const names = [...search.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new WapPayRequestError(`parameter ${repeated} is given more than once`);
  // fromEntries defines own properties, so a parameter named __proto__ stays a plain field.
  return Object.fromEntries(search);
}

const bizContentSchema = z.object({
  out_trade_no: z.string().min(1).max(64),
  total_amount: z.string(),
  subject: z.string().min(1).max(256),
  product_code: z.literal('QUICK_WAP_WAY'),
});

/**
 * Checks a wap.pay request as Alipay would: the method, the signature over the request
 * content (`sign_type` included) when the app's public key is known, then the fields.
 */
export function parseWapPayRequest(
  params: Record<string, string>,
  appPublicKeyPem: string | null,
): WapPayRequest {
  if (params.method !== 'alipay.trade.wap.pay') {
    throw new WapPayRequestError('method must be alipay.trade.wap.pay');
  }
  if (appPublicKeyPem !== null) {
    if (params.sign_type !== 'RSA2') throw new WapPayRequestError('sign_type must be RSA2');
    if (!alipayVerify(params, params.sign ?? '', appPublicKeyPem, { forNotify: false })) {
      throw new WapPayRequestError('the request signature does not verify with the app public key');
    }
  }
  const appId = params.app_id;
  if (!appId) throw new WapPayRequestError('app_id is missing');
  const notifyUrl = httpUrl(params.notify_url, 'notify_url');
  if (notifyUrl === null) throw new WapPayRequestError('notify_url is missing');
  const biz = bizContentSchema.safeParse(parseJson(params.biz_content ?? ''));
  if (!biz.success) {
    const issue = biz.error.issues[0];
    throw new WapPayRequestError(
      `biz_content: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`,
    );
  }
  const totalAmount = yuanAmount(biz.data.total_amount);
  return {
    params,
    appId,
    notifyUrl,
    returnUrl: httpUrl(params.return_url, 'return_url'),
    charset: params.charset || 'utf-8',
    outTradeNo: biz.data.out_trade_no,
    totalAmount,
    subject: biz.data.subject,
  };
}

/**
 * The asynchronous notification Alipay sends when the payer has paid: the fields of a
 * real `trade_status_sync` notification, signed with the sandbox's Alipay key.
 */
export function wapPayNotification(
  request: WapPayRequest,
  keys: SandboxKeys,
  paidAt: Date,
): Record<string, string> {
  const amount = formatFen(request.totalAmount);
  const time = formatChinaDateTime(paidAt);
  return signAlipayNotification(
    {
      notify_time: time,
      notify_type: 'trade_status_sync',
      notify_id: randomBytes(16).toString('hex'),
      app_id: request.appId,
      charset: request.charset,
      version: '1.0',
      trade_no: alipayTradeNo(time),
      out_trade_no: request.outTradeNo,
      total_amount: amount,
      receipt_amount: amount,
      buyer_pay_amount: amount,
      subject: request.subject,
      trade_status: 'TRADE_SUCCESS',
      gmt_create: time,
      gmt_payment: time,
      buyer_id: `2088${randomDigits(12)}`,
      seller_id: SANDBOX_ALIPAY_SELLER_ID,
    },
    keys.alipayPrivateKeyPem,
  );
}

/** Alipay's 28-digit trade number: the day, `2200`, then a serial (random here). */
function alipayTradeNo(chinaDateTime: string): string {
  return `${chinaDateTime.slice(0, 10).replace(/-/g, '')}2200${randomDigits(16)}`;
}

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WapPayRequestError('biz_content is not JSON');
  }
}

function yuanAmount(text: string): Fen {
  let amount: Fen;
  try {
    amount = parseYuan(text);
  } catch {
    throw new WapPayRequestError(`biz_content: total_amount "${text}" is not an amount in yuan`);
  }
  if (amount <= 0) throw new WapPayRequestError('biz_content: total_amount must be positive');
  return amount;
}

/** An http(s) URL or null when absent; anything else is refused (the sandbox posts to it or links it). */
function httpUrl(text: string | undefined, name: string): string | null {
  if (!text) return null;
  const protocol = URL.canParse(text) ? new URL(text).protocol : null;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new WapPayRequestError(`${name} must be an http(s) URL`);
  }
  return text;
}

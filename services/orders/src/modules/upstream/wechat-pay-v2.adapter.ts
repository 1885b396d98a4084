import { createHash, createHmac } from 'node:crypto';
import { constantTimeEqual } from '@pay/common';
import {
  ChannelSignatureError,
  channelTime,
  compareByteOrder,
  fenStringToFen,
  parseNoticeField,
  type ChannelAdapter,
  type ChannelCallbackResponse,
  type ChannelPaymentNotice,
} from './channel-adapter';
import { fromWechatXml, toWechatXml } from './wechat-xml';

// WeChat Pay API v2: MD5 / HMAC-SHA256 over sorted parameters, XML bodies (wechat-xml.ts).

export type WechatV2SignType = 'MD5' | 'HMAC-SHA256';

/**
 * WeChat Pay v2 signature: non-empty parameters except `sign` (a `sign_type` parameter
 * takes part), sorted by name, `k=v&…`, then `&key=<API key>`; MD5, or HMAC-SHA256 keyed
 * with the API key; upper-case hex.
 */
export function wechatV2Sign(
  params: Record<string, string>,
  key: string,
  signType: WechatV2SignType = 'MD5',
): string {
  const content = Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort(compareByteOrder)
    .map((name) => `${name}=${params[name]}`)
    .concat(`key=${key}`)
    .join('&');
  const digest = signType === 'MD5' ? createHash('md5') : createHmac('sha256', key);
  return digest.update(content, 'utf8').digest('hex').toUpperCase();
}

/** What WeChat does to a v2 notification, for our sandbox channel and tests: adds `sign` (type from `sign_type`, default MD5). */
export function signWechatV2Notification(
  params: Record<string, string>,
  key: string,
): Record<string, string> {
  const unsigned = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'sign'));
  return { ...unsigned, sign: wechatV2Sign(unsigned, key, parseV2SignType(unsigned.sign_type)) };
}

export interface WechatPayV2AdapterOptions {
  appId: string;
  mchId: string;
  /** The 32-character v2 API key set in the merchant platform. */
  apiKey: string;
}

const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** WeChat Pay v2 payment result notifications (XML, MD5 or HMAC-SHA256). */
export class WechatPayV2Adapter implements ChannelAdapter {
  readonly kind = 'wechatpay-v2' as const;

  constructor(private readonly options: WechatPayV2AdapterOptions) {}

  verifyCallback(request: {
    headers: Record<string, string | undefined>;
    rawBody: string;
  }): ChannelPaymentNotice {
    const params = parseNoticeField('XML body', () => fromWechatXml(request.rawBody));
    // With return_code FAIL the message carries no sign and no order: nothing to act on.
    if (params.return_code !== 'SUCCESS')
      throw new ChannelSignatureError(`return_code ${params.return_code ?? '(none)'}`);
    const signature = params.sign;
    if (!signature) throw new ChannelSignatureError('missing sign');
    const signType = parseNoticeField('sign_type', () => parseV2SignType(params.sign_type));
    if (!constantTimeEqual(signature, wechatV2Sign(params, this.options.apiKey, signType))) {
      throw new ChannelSignatureError('signature does not verify');
    }
    // The API key may be shared by several app ids of one merchant; the ids pin the recipient.
    if (params.appid !== this.options.appId) throw new ChannelSignatureError('appid does not match');
    if (params.mch_id !== this.options.mchId) throw new ChannelSignatureError('mch_id does not match');
    if (params.fee_type !== undefined && params.fee_type !== 'CNY')
      throw new ChannelSignatureError(`unexpected fee_type ${params.fee_type}`);
    const paid = params.result_code === 'SUCCESS';
    const platformOrderNo = requireField(params, 'out_trade_no');
    const upstreamOrderNo = paid ? requireField(params, 'transaction_id') : (params.transaction_id ?? '');
    const amountFen = parseNoticeField('total_fee', () => fenStringToFen(requireField(params, 'total_fee')));
    const timeEnd = params.time_end;
    const paidAt = timeEnd
      ? parseNoticeField('time_end', () => channelTime(timeEnd, 'yyyyMMddHHmmss'))
      : null;
    return { platformOrderNo, upstreamOrderNo, amountFen, paid, paidAt, raw: params };
  }

  acknowledge(accepted: boolean): ChannelCallbackResponse {
    const body = accepted
      ? toWechatXml({ return_code: 'SUCCESS', return_msg: 'OK' })
      : toWechatXml({ return_code: 'FAIL', return_msg: 'REJECTED' });
    return { status: 200, contentType: XML_CONTENT_TYPE, body };
  }
}

function requireField(params: Record<string, string>, key: string): string {
  const value = params[key];
  if (value === undefined || value === '') throw new ChannelSignatureError(`missing ${key}`);
  return value;
}

function parseV2SignType(value: string | undefined): WechatV2SignType {
  // The official SDKs default to MD5 when the message names no type.
  if (value === undefined || value === '' || value === 'MD5') return 'MD5';
  if (value === 'HMAC-SHA256') return 'HMAC-SHA256';
  throw new RangeError(`unsupported sign_type ${value}`);
}

import { createPublicKey, type KeyObject } from 'node:crypto';
import { alipayVerify, parseYuan } from '@pay/common';
import {
  ChannelSignatureError,
  channelTime,
  parseNoticeField,
  type ChannelAdapter,
  type ChannelCallbackResponse,
  type ChannelPaymentNotice,
} from './channel-adapter';

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

function requireParam(params: Record<string, string>, key: string): string {
  const value = params[key];
  if (value === undefined || value === '') throw new ChannelSignatureError(`missing ${key}`);
  return value;
}

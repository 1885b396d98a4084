import { instantFromCalendar, parseChinaDateTime } from '@pay/common';

/** What an upstream channel's payment callback says about one order, after verification. */
export interface ChannelPaymentNotice {
  /** Our order number, as we sent it to the channel (`out_trade_no`). */
  platformOrderNo: string;
  /** The channel's own transaction number; empty when the channel gave none (unpaid notices). */
  upstreamOrderNo: string;
  /** The order amount the channel reports, in integer fen. */
  amountFen: number;
  paid: boolean;
  paidAt: Date | null;
  /** Every field of the callback as received (nested fields flattened with dots), kept for audit. */
  raw: Record<string, string>;
}

/** The HTTP answer a channel expects to its callback. */
export interface ChannelCallbackResponse {
  status: number;
  contentType: string;
  body: string;
}

/** What every upstream channel implements so that the callback route stays channel-agnostic. */
export interface ChannelAdapter {
  readonly kind: 'alipay' | 'wechatpay-v2' | 'wechatpay-v3';
  /** Parses and verifies an upstream callback; throws ChannelSignatureError when the signature or format is wrong. */
  verifyCallback(request: {
    headers: Record<string, string | undefined>;
    rawBody: string;
  }): ChannelPaymentNotice;
  /** The body the channel expects back after a callback was accepted (or rejected). */
  acknowledge(accepted: boolean): ChannelCallbackResponse;
}

/**
 * A callback that does not verify or cannot be read. Plain on purpose: this module has
 * no dependency on the error registry; the caller maps it to SIGNATURE_INVALID.
 */
export class ChannelSignatureError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ChannelSignatureError';
  }
}

const FEN = /^\d{1,15}$/;

/** A channel's fen amount sent as digits (WeChat `total_fee`: "10000"); rejects signs and decimals. */
export function fenStringToFen(fen: string): number {
  if (!FEN.test(fen)) throw new RangeError(`"${fen}" is not a non-negative integer amount of fen`);
  return Number(fen);
}

const CHANNEL_TIME_LAYOUTS = {
  'yyyy-MM-dd HH:mm:ss': /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
  yyyyMMddHHmmss: /^\d{14}$/,
} as const;

/**
 * A channel's local timestamp, which is China time (UTC+8) without an offset in the
 * text. The shared parser also takes dates alone, "T", spaces and Unix timestamps; a
 * channel must send exactly its layout. Throws RangeError otherwise and on impossible dates.
 */
export function channelTime(text: string, layout: keyof typeof CHANNEL_TIME_LAYOUTS): Date {
  if (!CHANNEL_TIME_LAYOUTS[layout].test(text)) throw new RangeError(`"${text}" is not a ${layout} time`);
  const date = parseChinaDateTime(text);
  if (!date) throw new RangeError(`"${text}" is not a possible date and time`);
  return date;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/i;

/** An RFC 3339 timestamp ("2018-06-08T10:34:56+08:00"); throws RangeError otherwise. */
export function parseRfc3339(text: string): Date {
  const match = RFC3339.exec(text);
  if (!match) throw new RangeError(`"${text}" is not an RFC 3339 time`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (match[8]?.toUpperCase() !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) throw new RangeError(`"${text}" has an impossible offset`);
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const date = instantFromCalendar({ year, month, day, hour, minute, second, millisecond }, offsetMinutes);
  if (!date) throw new RangeError(`"${text}" is not a possible date and time`);
  return date;
}

/**
 * Runs a field parser and turns its failure into a ChannelSignatureError, so that a
 * malformed callback is rejected like a forged one (the channel retries either way).
 */
export function parseNoticeField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ChannelSignatureError(
      `invalid ${field}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Key order for the channels' strings to sign. The channels' SDKs sort by UTF-16 code
 * unit (Java) or byte (PHP); for their ASCII parameter names both orders agree.
 */
export function compareByteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

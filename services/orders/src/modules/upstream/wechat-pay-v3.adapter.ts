import { createCipheriv, createDecipheriv, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  ChannelSignatureError,
  isObject,
  parseNoticeField,
  parseRfc3339,
  type ChannelAdapter,
  type ChannelCallbackResponse,
  type ChannelPaymentNotice,
} from './channel-adapter';

// WeChat Pay API v3: SHA256withRSA signatures, AES-256-GCM encrypted resources, JSON bodies.

export interface WechatV3RequestToSign {
  /** HTTP method; upper-cased before signing. */
  method: string;
  /** Absolute path with its query string, e.g. /v3/pay/transactions/jsapi. */
  path: string;
  /** Unix seconds. */
  timestamp: string | number;
  nonce: string;
  /** The exact body bytes sent; "" for GET. */
  body: string;
}

/** SHA256withRSA (Base64) over `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n` with the merchant's private key. */
export function wechatV3RequestSignature(
  request: WechatV3RequestToSign,
  privateKeyPem: string | KeyObject,
): string {
  const message = `${request.method.toUpperCase()}\n${request.path}\n${String(request.timestamp)}\n${request.nonce}\n${request.body}\n`;
  return sign('sha256', Buffer.from(message, 'utf8'), privateKeyPem).toString('base64');
}

export interface WechatV3SignedNotification {
  /** `Wechatpay-Timestamp` header. */
  timestamp: string;
  /** `Wechatpay-Nonce` header. */
  nonce: string;
  /** The raw body, exactly as received. */
  body: string;
  /** `Wechatpay-Signature` header (Base64). */
  signature: string;
}

/** Checks a notification's SHA256withRSA signature over `TIMESTAMP\nNONCE\nBODY\n` with the platform public key. */
export function wechatV3VerifyNotification(
  notification: WechatV3SignedNotification,
  platformPublicKeyPem: string | KeyObject,
): boolean {
  if (notification.signature === '') return false;
  const message = `${notification.timestamp}\n${notification.nonce}\n${notification.body}\n`;
  return verify(
    'sha256',
    Buffer.from(message, 'utf8'),
    platformPublicKeyPem,
    Buffer.from(notification.signature, 'base64'),
  );
}

/**
 * What WeChat does to a notification, for our sandbox channel and tests: the
 * `Wechatpay-Signature` value for a body, signed with the (test) platform private key.
 */
export function wechatV3NotificationSignature(
  notification: Omit<WechatV3SignedNotification, 'signature'>,
  platformPrivateKeyPem: string | KeyObject,
): string {
  const message = `${notification.timestamp}\n${notification.nonce}\n${notification.body}\n`;
  return sign('sha256', Buffer.from(message, 'utf8'), platformPrivateKeyPem).toString('base64');
}

export interface WechatV3EncryptedResource {
  /** Base64 of the ciphertext followed by the 16-byte GCM tag. */
  ciphertext: string;
  nonce: string;
  associatedData: string;
}

const GCM_TAG_BYTES = 16;

/** Decrypts a v3 `resource` (AEAD_AES_256_GCM with the APIv3 key); throws when the tag does not authenticate. */
export function wechatV3Decrypt(resource: WechatV3EncryptedResource, apiV3Key: string): string {
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length < GCM_TAG_BYTES) throw new RangeError('ciphertext is shorter than its GCM tag');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    apiV3KeyBytes(apiV3Key),
    Buffer.from(resource.nonce, 'utf8'),
    {
      authTagLength: GCM_TAG_BYTES,
    },
  );
  decipher.setAAD(Buffer.from(resource.associatedData, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES)),
    decipher.final(),
  ]);
  return plain.toString('utf8');
}

/** The inverse of {@link wechatV3Decrypt}, for fixtures and the sandbox channel. */
export function wechatV3Encrypt(
  input: { plaintext: string; nonce: string; associatedData: string },
  apiV3Key: string,
): string {
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(input.nonce, 'utf8'), {
    authTagLength: GCM_TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64');
}

function apiV3KeyBytes(apiV3Key: string): Buffer {
  // WeChat's APIv3 key is 32 ASCII characters used as the raw AES-256 key.
  const bytes = Buffer.from(apiV3Key, 'utf8');
  if (bytes.length !== 32) throw new RangeError('the APIv3 key must be 32 bytes');
  return bytes;
}

export interface WechatPayV3AdapterOptions {
  /** The platform public key (or the key of the platform certificate), PEM. */
  platformPublicKeyPem: string;
  apiV3Key: string;
  mchId: string;
  appId: string;
  /**
   * How far `Wechatpay-Timestamp` may be from now, in seconds; WeChat asks for a check
   * against replays and each retry is signed afresh. Default 300.
   */
  maxClockSkewSeconds?: number;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

/** WeChat Pay v3 payment notifications (JSON, signed headers, encrypted resource). */
export class WechatPayV3Adapter implements ChannelAdapter {
  readonly kind = 'wechatpay-v3' as const;
  private readonly platformPublicKey: KeyObject;

  constructor(private readonly options: WechatPayV3AdapterOptions) {
    // Checked once so that a misconfigured channel fails at start-up, not per payment.
    this.platformPublicKey = createPublicKey(options.platformPublicKeyPem);
    apiV3KeyBytes(options.apiV3Key);
  }

  verifyCallback(request: {
    headers: Record<string, string | undefined>;
    rawBody: string;
  }): ChannelPaymentNotice {
    const timestamp = requireHeader(request.headers, 'wechatpay-timestamp');
    const nonce = requireHeader(request.headers, 'wechatpay-nonce');
    const signature = requireHeader(request.headers, 'wechatpay-signature');
    if (!/^\d{1,12}$/.test(timestamp))
      throw new ChannelSignatureError('wechatpay-timestamp is not Unix seconds');
    const maxSkew = this.options.maxClockSkewSeconds ?? 300;
    const nowSeconds = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > maxSkew)
      throw new ChannelSignatureError('wechatpay-timestamp is too far from now');
    // Probe requests signed "WECHATPAY/SIGNTEST/…" fail here too, which is what WeChat expects.
    if (
      !wechatV3VerifyNotification(
        { timestamp, nonce, body: request.rawBody, signature },
        this.platformPublicKey,
      )
    ) {
      throw new ChannelSignatureError('signature does not verify');
    }

    const envelope = parseJsonObject('body', request.rawBody);
    const resource = envelope.resource;
    if (!isObject(resource)) throw new ChannelSignatureError('missing resource');
    if (resource.algorithm !== 'AEAD_AES_256_GCM')
      throw new ChannelSignatureError(`unsupported algorithm ${String(resource.algorithm)}`);
    // Refund notices share the envelope and the order fields; reading one as a payment would be wrong.
    if (resource.original_type !== undefined && resource.original_type !== 'transaction') {
      throw new ChannelSignatureError(`not a transaction notice: ${String(resource.original_type)}`);
    }
    const encrypted: WechatV3EncryptedResource = {
      ciphertext: requireString(resource, 'ciphertext', 'resource.ciphertext'),
      nonce: requireString(resource, 'nonce', 'resource.nonce'),
      associatedData: optionalString(resource, 'associated_data', 'resource.associated_data') ?? '',
    };
    const plaintext = parseNoticeField('resource', () => wechatV3Decrypt(encrypted, this.options.apiV3Key));
    const transaction = parseJsonObject('resource plaintext', plaintext);

    if (transaction.appid !== this.options.appId) throw new ChannelSignatureError('appid does not match');
    if (transaction.mchid !== this.options.mchId) throw new ChannelSignatureError('mchid does not match');
    const amount = transaction.amount;
    if (!isObject(amount)) throw new ChannelSignatureError('missing amount');
    const total = amount.total;
    if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0)
      throw new ChannelSignatureError('invalid amount.total');
    if (amount.currency !== undefined && amount.currency !== 'CNY')
      throw new ChannelSignatureError(`unexpected currency ${String(amount.currency)}`);
    const successTime = optionalString(transaction, 'success_time');
    const paid = transaction.trade_state === 'SUCCESS';
    return {
      platformOrderNo: requireString(transaction, 'out_trade_no'),
      upstreamOrderNo: paid
        ? requireString(transaction, 'transaction_id')
        : (optionalString(transaction, 'transaction_id') ?? ''),
      amountFen: total,
      paid,
      paidAt: successTime ? parseNoticeField('success_time', () => parseRfc3339(successTime)) : null,
      raw: flatten(transaction),
    };
  }

  acknowledge(accepted: boolean): ChannelCallbackResponse {
    // Any 2xx stops WeChat's retries; a failure must be non-2xx with this JSON body.
    if (accepted) return { status: 204, contentType: 'application/json; charset=utf-8', body: '' };
    return {
      status: 500,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ code: 'FAIL', message: 'notification rejected' }),
    };
  }
}

function requireHeader(headers: Record<string, string | undefined>, name: string): string {
  // Node lower-cases incoming header names; a caller building the map by hand may not.
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (value === undefined || value === '') throw new ChannelSignatureError(`missing ${name} header`);
  return value;
}

function parseJsonObject(what: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ChannelSignatureError(`${what} is not JSON`, { cause: error });
  }
  if (!isObject(value)) throw new ChannelSignatureError(`${what} is not a JSON object`);
  return value;
}

function requireString(object: Record<string, unknown>, key: string, label = key): string {
  const value = optionalString(object, key, label);
  if (value === undefined || value === '') throw new ChannelSignatureError(`missing ${label}`);
  return value;
}

function optionalString(object: Record<string, unknown>, key: string, label = key): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ChannelSignatureError(`${label} is not a string`);
  return value;
}

/** Nested JSON as dotted keys with string values, so v3 notices fit the same `raw` shape as v2's. */
function flatten(value: unknown): Record<string, string> {
  const entries: [string, string][] = [];
  const walk = (inner: unknown, prefix: string): void => {
    if (isObject(inner) || Array.isArray(inner)) {
      for (const [key, child] of Object.entries(inner)) walk(child, prefix ? `${prefix}.${key}` : key);
    } else if (inner !== undefined && prefix !== '') {
      entries.push([prefix, inner === null ? '' : String(inner)]);
    }
  };
  walk(value, '');
  // fromEntries defines own properties, so a key named __proto__ stays data.
  return Object.fromEntries(entries);
}

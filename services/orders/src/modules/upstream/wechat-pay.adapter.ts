import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { constantTimeEqual } from '@pay/common';
import { XMLParser } from 'fast-xml-parser';
import {
  ChannelSignatureError,
  channelTime,
  compareByteOrder,
  fenStringToFen,
  parseNoticeField,
  parseRfc3339,
  type ChannelAdapter,
  type ChannelCallbackResponse,
  type ChannelPaymentNotice,
} from './channel-adapter';

// ---------------------------------------------------------------------------------------
// API v2: MD5 / HMAC-SHA256 over sorted parameters, XML bodies
// ---------------------------------------------------------------------------------------

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

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A flat `<xml><k><![CDATA[v]]></k>…</xml>` document, every value in CDATA as WeChat writes them. */
export function toWechatXml(params: Record<string, string>): string {
  const fields = Object.entries(params).map(([name, value]) => {
    if (!XML_NAME.test(name)) throw new RangeError(`"${name}" cannot be an XML element name`);
    // "]]>" would end the section early; splitting it across two sections keeps the value intact.
    return `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
  });
  return `<xml>${fields.join('')}</xml>`;
}

const xmlParser = new XMLParser({
  // Entities stay unexpanded: no DOCTYPE tricks (billion laughs, external entities).
  processEntities: false,
  htmlEntities: false,
  // Values are compared byte for byte against the signature: no number parsing, no trimming.
  parseTagValue: false,
  trimValues: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

/**
 * Reads a flat WeChat XML document into its fields. Throws RangeError on anything that
 * is not one `<xml>` root with text-only children appearing once each, and on any
 * DOCTYPE. Text outside CDATA gets the five predefined entities and character references
 * decoded; nothing else is expanded.
 */
export function fromWechatXml(xml: string): Record<string, string> {
  if (/<!DOCTYPE/i.test(xml)) throw new RangeError('DOCTYPE is not allowed');
  let document: unknown;
  try {
    document = xmlParser.parse(xml, true);
  } catch (error) {
    throw new RangeError(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(document) || Object.keys(document).length !== 1 || !('xml' in document)) {
    throw new RangeError('the root element must be <xml>');
  }
  const root = document.xml;
  if (root === '') return {};
  if (!isObject(root)) throw new RangeError('<xml> must contain elements');
  const fields: [string, string][] = [];
  for (const [name, node] of Object.entries(root)) {
    if (name === '#text') {
      if (typeof node !== 'string' || node.trim() !== '')
        throw new RangeError('<xml> must not contain loose text');
      continue;
    }
    fields.push([name, readTextNode(name, node)]);
  }
  return Object.fromEntries(fields);
}

function readTextNode(name: string, node: unknown): string {
  if (typeof node === 'string') return decodeXmlText(node);
  if (isObject(node) && Object.keys(node).length === 1 && '#cdata' in node) {
    const cdata = node['#cdata'];
    if (typeof cdata === 'string') return cdata;
    // Several sections in a row, as toWechatXml writes a value containing "]]>".
    if (Array.isArray(cdata) && cdata.every((part): part is string => typeof part === 'string'))
      return cdata.join('');
  }
  if (Array.isArray(node)) throw new RangeError(`<${name}> appears more than once`);
  // Mixed text and CDATA loses its order in the parser; WeChat never sends it.
  throw new RangeError(`<${name}> must hold text or CDATA only`);
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new RangeError('a bare & in XML text');
    if (entity.startsWith('#')) {
      const codePoint =
        entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
        throw new RangeError(`invalid character reference ${whole}`);
      return String.fromCodePoint(codePoint);
    }
    const decoded = PREDEFINED_ENTITIES[entity];
    if (decoded === undefined) throw new RangeError(`unknown entity ${whole}`);
    return decoded;
  });
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

// ---------------------------------------------------------------------------------------
// API v3: SHA256withRSA signatures, AES-256-GCM encrypted resources, JSON bodies
// ---------------------------------------------------------------------------------------

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

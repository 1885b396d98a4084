import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A request parameter as the legacy merchant API receives it: scalars from forms and
 * query strings, arrays and objects from JSON bodies.
 */
export type SignableValue =
  string | number | boolean | null | undefined | SignableValue[] | { [k: string]: SignableValue };

/**
 * The legacy merchant API's string to sign (LEGACY-PROTOCOLS.md, "Signed merchant API"):
 * every parameter except `sign`, sorted by key in byte order, without those whose value
 * is `""`, null or undefined, each as raw `key=value`, joined with `&`, then
 * `&key=<secret>`.
 *
 * Rendering, chosen so that PHP-era merchants compute the same string:
 * - `0`, `"0"` and `false` take part (the spec names them); booleans render as
 *   `true`/`false` because PHP's `false` → `""` would make `false` vanish.
 * - numbers render with `String()`.
 * - arrays and objects render as PHP's `json_encode($v, JSON_UNESCAPED_UNICODE)`:
 *   Unicode stays raw but `/` is escaped as `\/` and U+2028/U+2029 as `\u2028`/`\u2029`,
 *   since that flag alone does not turn those escapes off.
 * - with no parameter left the result is `key=<secret>` (PHP signers append `key=…` to
 *   a string that already ends in `&`, so there is no leading `&`).
 */
export function merchantSignString(params: Record<string, SignableValue>, secret: string): string {
  const parts: string[] = [];
  for (const key of Object.keys(params).sort(compareByteOrder)) {
    if (key === 'sign') continue;
    const value = params[key];
    if (value === '' || value === null || value === undefined) continue;
    parts.push(`${key}=${renderValue(value)}`);
  }
  parts.push(`key=${secret}`);
  return parts.join('&');
}

/** MD5 (upper-case hex) of the UTF-8 bytes of {@link merchantSignString}. */
export function merchantSign(params: Record<string, SignableValue>, secret: string): string {
  return createHash('md5').update(merchantSignString(params, secret), 'utf8').digest('hex').toUpperCase();
}

/**
 * True when `params.sign` equals {@link merchantSign} exactly. A lower-case sign is
 * rejected: the spec says upper-case, and accepting both would let two strings pass.
 */
export function verifyMerchantSign(params: Record<string, SignableValue>, secret: string): boolean {
  const provided = params.sign;
  if (typeof provided !== 'string' || provided === '') return false;
  return constantTimeEqual(provided, merchantSign(params, secret));
}

/** The fields of a merchant notification (`fx*` family) that `fxsign` covers. */
export interface FxNotifySignInput {
  fxstatus: string | number;
  fxid: string;
  fxddh: string;
  fxfee: string;
}

/**
 * `fxsign` of a merchant notification: lower-case hex MD5 of the plain concatenation
 * `fxstatus + fxid + fxddh + fxfee + key`, with no separators and no sorting — what the
 * merchants of this API family already verify, so it cannot be strengthened here.
 */
export function fxNotifySign(input: FxNotifySignInput, merchantKey: string): string {
  const plain = `${String(input.fxstatus)}${input.fxid}${input.fxddh}${input.fxfee}${merchantKey}`;
  return createHash('md5').update(plain, 'utf8').digest('hex');
}

/**
 * Compares two strings without a timing side channel on their content. The length is
 * not secret (every signature of a scheme has the same length), and timingSafeEqual
 * needs equal lengths, so unequal lengths return false first.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

function renderValue(value: Exclude<SignableValue, null | undefined>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return renderNumber(value);
  return phpJsonEncode(value);
}

function renderNumber(value: number): string {
  // PHP cannot represent NaN/Infinity in a request either; signing "NaN" would only hide a bug.
  if (!Number.isFinite(value)) throw new RangeError(`cannot sign the non-finite number ${value}`);
  return String(value);
}

function phpJsonEncode(value: SignableValue[] | { [k: string]: SignableValue }): string {
  const json = JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'number') renderNumber(inner);
    return inner;
  });
  return json
    .replace(/\//g, '\\/')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** PHP's ksort compares keys as byte strings; UTF-16 order differs for astral characters. */
function compareByteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

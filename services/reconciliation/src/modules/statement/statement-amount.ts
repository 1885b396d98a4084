import { MAX_FEN } from '@pay/common';

/**
 * Amounts in statement files are decimal yuan strings: "100.00", "-0.01", and WeChat's
 * fees with five decimals ("0.04000"). They are read as exact integers of 10^-scale yuan
 * (BigInt, no floats); a fee is then rounded to the fen ONCE, half away from zero
 * (0.00500 → 0.01, -0.00500 → -0.01), which is half-up on the amount charged.
 */
const DECIMAL = /^([+-])?(\d{1,13})(?:\.(\d+))?$/;

/** Raw-column sums and summary figures are kept at this scale (five decimals). */
export const SUM_SCALE = 5;

export class StatementAmountError extends Error {}

/** Parses a signed decimal with at most `scale` decimals into an integer of 10^-scale units. */
export function parseDecimalUnits(text: string, scale: number): bigint {
  const match = DECIMAL.exec(text);
  if (!match) throw new StatementAmountError(`"${text}" is not an amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > scale) throw new StatementAmountError(`"${text}" has more than ${scale} decimals`);
  const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
  if (units > BigInt(MAX_FEN) * 10n ** BigInt(Math.max(scale - 2, 0)))
    throw new StatementAmountError(`"${text}" is too large`);
  return sign === '-' ? -units : units;
}

/** Units of 10^-scale yuan → fen, rounded half away from zero. */
export function unitsToFen(units: bigint, scale: number): number {
  if (scale <= 2) return Number(units * 10n ** BigInt(2 - scale));
  const divisor = 10n ** BigInt(scale - 2);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const fen = (abs + divisor / 2n) / divisor;
  return Number(negative ? -fen : fen);
}

/** An amount with at most two decimals, in fen (exact). */
export function parseAmountFen(text: string): number {
  return unitsToFen(parseDecimalUnits(text, 2), 2);
}

/** A fee with up to five decimals, in fen, rounded half away from zero once. */
export function parseFeeFen(text: string): number {
  return unitsToFen(parseDecimalUnits(text, SUM_SCALE), SUM_SCALE);
}

/** Renders units of 10^-scale yuan for messages: 4000n at scale 5 → "0.04000". */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** A decimal read by `readUnits5`: units of 10^-5 yuan and how many decimals the text had. */
export interface FastUnits {
  units: number;
  decimals: number;
}

const SCALE5 = [100000, 10000, 1000, 100, 10, 1];

/**
 * The fast path of `parseDecimalUnits(text, SUM_SCALE)` without BigInt: for a plain decimal
 * with at most 10 integer digits and 5 decimals (below 10^15 units, so exact as a Number and
 * never above MAX_FEN) it fills `out` and returns true; for anything else (malformed, more
 * decimals, larger) it returns false and the caller uses `parseDecimalUnits`, which says why.
 */
export function readUnits5(text: string, out: FastUnits): boolean {
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  const negative = c === 45; // -
  if (negative || c === 43) i = 1; // +
  const wholeStart = i;
  let whole = 0;
  while (i < n) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    i += 1;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 10) return false;
  let fraction = 0;
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return false; // .
    i += 1;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      fraction = fraction * 10 + (c - 48);
      decimals += 1;
      i += 1;
    }
    if (decimals === 0 || decimals > SUM_SCALE) return false;
  }
  const units = whole * 100000 + fraction * (SCALE5[decimals] as number);
  out.units = negative && units !== 0 ? -units : units;
  out.decimals = decimals;
  return true;
}

/** `units` of 10^-5 yuan (a safe integer) → fen, rounded half away from zero, as `unitsToFen`. */
export function units5ToFen(units: number): number {
  const fen = Math.floor((Math.abs(units) + 500) / 1000);
  return units < 0 && fen !== 0 ? -fen : fen;
}

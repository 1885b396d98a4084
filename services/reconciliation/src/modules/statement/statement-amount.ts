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

/**
 * Money is an integer number of fen (1/100 CNY) everywhere in code and `bigint` in
 * PostgreSQL. Yuan strings exist only at the edges (GraphQL `Money`, legacy APIs).
 * Every division rounds once, half-up to the fen; splits assign the remainder
 * explicitly so their parts always add up to the whole.
 */
export type Fen = number;

/** Largest amount accepted anywhere: 10^13 fen (100 billion yuan) keeps products with rates exact in BigInt and sums safe in doubles. */
export const MAX_FEN = 10_000_000_000_000;

const YUAN_PATTERN = /^(0|[1-9]\d{0,10})(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`"${input}" is not a valid amount: ${reason}`);
  }
}

/** Parses a non-negative yuan amount with at most two decimals ("88.5", "100.00") into fen, without floats. */
export function parseYuan(input: string): Fen {
  const text = input.trim();
  const match = YUAN_PATTERN.exec(text);
  if (!match) {
    if (/^-/.test(text)) throw new MoneyFormatError(input, 'must not be negative');
    if (/^\d+\.\d{3,}$/.test(text)) throw new MoneyFormatError(input, 'at most two decimals');
    throw new MoneyFormatError(input, 'expected a decimal number like 100.00');
  }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) throw new MoneyFormatError(input, 'too large');
  return fen;
}

/** Parses a signed yuan amount ("-12.50") into fen. */
export function parseSignedYuan(input: string): Fen {
  const text = input.trim();
  if (text.startsWith('-')) return -parseYuan(text.slice(1));
  return parseYuan(text.startsWith('+') ? text.slice(1) : text);
}

/** Renders fen as a yuan string with exactly two decimals: 8850 → "88.50", -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

export function assertFen(value: number): asserts value is Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not an integer amount of fen`);
}

/**
 * Rates are integers in parts per million of the amount (11.5 % = 115000 ppm), so
 * rates with three decimals of a percent stay exact.
 */
export type RatePpm = number;
export const PPM = 1_000_000;

/** Parses a percent string ("11.5", "0.385") into ppm exactly. */
export function parsePercent(input: string): RatePpm {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(input.trim());
  if (!match) throw new MoneyFormatError(input, 'expected a percentage like 11.5');
  const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  if (ppm > PPM) throw new MoneyFormatError(input, 'a rate cannot exceed 100%');
  return ppm;
}

/** ppm → percent number for display (115000 → 11.5). Display only: never compute money from it. */
export function ppmToPercent(ppm: RatePpm): number {
  return ppm / 10_000;
}

/** amount × rate, rounded once half-up to the fen. BigInt keeps the product exact. */
export function applyRate(amount: Fen, rate: RatePpm): Fen {
  assertFen(amount);
  if (!Number.isInteger(rate) || rate < 0 || rate > PPM)
    throw new RangeError(`rate ${rate} ppm out of range`);
  const negative = amount < 0;
  const product = BigInt(Math.abs(amount)) * BigInt(rate);
  const rounded = Number((product + BigInt(PPM / 2)) / BigInt(PPM));
  return negative ? -rounded : rounded;
}

/**
 * Splits `total` in proportion to `weights` (largest-remainder method): each part is
 * floored, then the leftover fen go to the largest remainders (earliest first on ties),
 * so the parts always sum to `total`.
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  // Summed in BigInt: a sum of safe integers can exceed 2^53, and a rounded sum would
  // leave more leftover fen than there are parts.
  const big = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (big === 0n) throw new RangeError('weights must not all be zero');
  const sign = total < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(total));
  const parts = weights.map((w) => (abs * BigInt(w)) / big);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % big }));
  let left = Number(abs - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1n;
    left -= 1;
  }
  return parts.map((p) => sign * Number(p));
}

export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += v;
  assertFen(total);
  return total;
}

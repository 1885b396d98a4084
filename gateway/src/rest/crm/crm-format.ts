/** A Money string as the graph renders it: yuan with two decimals, e.g. "88.50", "-0.11". */
const MONEY = /^-?\d{1,15}\.\d{2}$/;

/**
 * A Money string as the JSON number the CRM examples show (`"balance": 0.11`). The amount
 * is exact in fen upstream; Number() of a two-decimal string is the nearest double to it,
 * which is what JSON.stringify prints back as those digits (trailing zeros dropped:
 * "0.10" → 0.1, "0.00" → 0). Nothing is computed with it.
 */
export function yuanNumber(money: string): number {
  if (!MONEY.test(money)) throw new Error(`not a Money string: ${JSON.stringify(money)}`);
  return Number(money);
}

/** Text fields the legacy CRM always filled: absent renders as "" rather than null. */
export const text = (value: string | null | undefined): string => value ?? '';

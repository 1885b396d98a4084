/**
 * Money as the graph sends it (`Money`: a decimal string such as "1234.50"), shown with
 * thousands separators by string operations only: the console never turns an amount
 * into a float, so what it shows is exactly what the ledger holds.
 */
export function formatMoney(value: string | null | undefined, currency = '¥'): string {
  if (value == null || value === '') return '—';
  const negative = value.startsWith('-');
  const [whole = '0', fraction = '00'] = value.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currency}${grouped}.${fraction.padEnd(2, '0')}`;
}

/** Whether a user-typed amount is a positive yuan amount with at most two decimals. */
export const isYuan = (text: string): boolean =>
  /^\d{1,12}(\.\d{1,2})?$/.test(text.trim()) && Number(text) > 0;

/**
 * Money as integer fen ("1234.50" → 123450), by string operations: for charts, whose
 * scales need numbers. The graph sends only Money; fen exist in the console only here.
 */
export function moneyToFen(value: string): number {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -fen : fen;
}

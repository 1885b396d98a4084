/**
 * Masks a bank account number the way the merchant API shows it: the first six and the
 * last four digits around six stars (`621700******1234`); numbers too short to keep six
 * digits in front show only the last four. The full number never leaves the ledger.
 */
export function maskAccountNumber(accountNumber: string): string {
  const digits = accountNumber.trim();
  if (digits.length >= 14) return `${digits.slice(0, 6)}******${digits.slice(-4)}`;
  return `******${digits.slice(-4)}`;
}

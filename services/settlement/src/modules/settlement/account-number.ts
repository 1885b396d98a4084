/**
 * Masks a settlement account number for merchant-facing output, as the ledger shows bank
 * cards: only the last four characters stay (`******1234`); a number of four characters
 * or fewer is masked whole, or the mask would hide nothing.
 */
export function maskAccountNo(accountNo: string): string {
  const value = accountNo.trim();
  if (value.length <= 4) return '****';
  return `******${value.slice(-4)}`;
}

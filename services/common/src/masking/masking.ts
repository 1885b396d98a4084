/**
 * How the platform shows what it must not show whole: one rule per kind of secret, the
 * same in every service and legacy API. The full values never leave their owner.
 */

/**
 * A bank or wallet account number as the merchant API shows it (merchant-api.md,
 * `account_number`): a card number of 14 digits or more keeps its first six and last four
 * digits around six stars (`621700******1234`); any other account (shorter numbers,
 * wallet ids, e-mail addresses) only its last four (`******1234`); four characters or
 * fewer are hidden whole, or the mask would hide nothing.
 */
export function maskAccountNumber(accountNumber: string): string {
  const value = accountNumber.trim();
  if (value.length <= 4) return '****';
  if (/^\d{14,}$/.test(value)) return `${value.slice(0, 6)}******${value.slice(-4)}`;
  return `******${value.slice(-4)}`;
}

/** 13804542921 → 138****2921, as the children overview shows phones; short ones hidden whole. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * A signing key as a merchant may see it on screen: its first and last four characters
 * around `****`, enough to tell keys apart, never enough to sign with. Keys of eight
 * characters or fewer are fully hidden (showing 4 + 4 would reveal them).
 */
export function maskApiKey(key: string): string {
  return key.length <= 8 ? '********' : `${key.slice(0, 4)}****${key.slice(-4)}`;
}

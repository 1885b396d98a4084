/**
 * A signing key as a merchant may see it on screen: its first and last four characters
 * around `****`, enough to tell keys apart, never enough to sign with. Keys of eight
 * characters or fewer are fully hidden (showing 4 + 4 would reveal them).
 */
export function maskApiKey(key: string): string {
  return key.length <= 8 ? '********' : `${key.slice(0, 4)}****${key.slice(-4)}`;
}

import { formatChinaDateTime } from '@pay/common';

/** `YYYY-MM-DD HH:mm:ss` China time, as the merchant API shows times; null stays null. */
export function legacyDateTime(iso: string | Date | null | undefined): string | null {
  if (iso === null || iso === undefined) return null;
  return formatChinaDateTime(typeof iso === 'string' ? new Date(iso) : iso);
}

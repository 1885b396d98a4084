/** The content types a voucher may have: images a browser shows, and PDF. */
export type VoucherContentType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf';

/** Leading bytes `sniffVoucherType` needs. */
export const VOUCHER_HEAD_BYTES = 16;

const startsWith = (head: Buffer, bytes: number[] | string, at = 0): boolean => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

/**
 * The voucher's type by its magic bytes, or null for anything else. The declared content
 * type and the file name are not trusted: a text file renamed `.png` stays a text file.
 */
export function sniffVoucherType(head: Buffer): VoucherContentType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'image/gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'image/webp';
  if (startsWith(head, '%PDF-')) return 'application/pdf';
  return null;
}

import type { Readable } from 'node:stream';
import { AppError, ContentStore } from '@pay/common';
import { sniffVoucherType, VOUCHER_HEAD_BYTES, type VoucherContentType } from './voucher-type';

/** A voucher file as kept. */
export interface StoredVoucher {
  sha256: string;
  size: number;
  /** Found in the content, not taken from the uploader. */
  contentType: VoucherContentType;
}

/**
 * Settlement vouchers, content-addressed under the voucher directory by the store the
 * reconciliation service's statements use. Only images (PNG, JPEG, GIF, WebP) and PDF by
 * their magic bytes, not empty, at most `maxBytes`; anything else is VOUCHER_INVALID and
 * leaves no file behind.
 */
export class VoucherStore extends ContentStore {
  async saveVoucher(input: Readable, options: { maxBytes: number }): Promise<StoredVoucher> {
    // Set by the check below, which runs before the file is kept.
    const found: { type: VoucherContentType | null } = { type: null };
    const stored = await this.save(input, {
      maxBytes: options.maxBytes,
      tooLargeCode: 'VOUCHER_INVALID',
      headBytes: VOUCHER_HEAD_BYTES,
      accept: ({ head, size }) => {
        if (size === 0) throw new AppError('VOUCHER_INVALID', 'the voucher file is empty');
        found.type = sniffVoucherType(head);
        if (!found.type) {
          throw new AppError(
            'VOUCHER_INVALID',
            'a voucher must be an image (PNG, JPEG, GIF, WebP) or a PDF; the file’s content is neither',
          );
        }
      },
    });
    return { sha256: stored.hash, size: stored.size, contentType: found.type! };
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@pay/common';
import { VoucherFile } from './voucher-file.entity';
import type { StoredVoucher } from './voucher-store';

/** Records an accepted upload; the same content uploaded again keeps one row (the latest name). */
export async function recordVoucherFile(
  em: EntityManager,
  voucher: StoredVoucher,
  fileName: string,
  uploadedBy: string,
): Promise<void> {
  await em.getConnection().execute(
    `insert into voucher_file (sha256, content_type, size, file_name, uploaded_by) values (?, ?, ?, ?, ?)
     on conflict (sha256) do update set file_name = excluded.file_name`,
    [
      voucher.sha256,
      voucher.contentType,
      voucher.size,
      fileName.slice(0, 200) || 'voucher',
      uploadedBy.slice(0, 200),
    ],
  );
}

/**
 * The voucher file `actor` may read, or null: platform roles read any voucher; a merchant
 * only one attached to one of its own settlements.
 */
export async function readableVoucher(
  em: EntityManager,
  actor: Actor,
  sha256: string,
): Promise<VoucherFile | null> {
  const file = await em.findOne(VoucherFile, { sha256 });
  if (!file || actor.role !== 'MERCHANT') return file;
  const [row] = (await em.getConnection().execute(
    `select exists (
       select 1 from settlement where voucher_sha256 = ? and merchant_id = ? and not is_delete
     ) as mine`,
    [sha256, actor.merchantId ?? 0],
  )) as { mine: boolean }[];
  return row?.mine ? file : null;
}

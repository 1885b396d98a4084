import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SettlementConfig } from '../../config';

/** Where voucher files live: VOUCHER_DIR, else `.data/vouchers` (a temporary directory in tests). */
export function voucherDirOf(config: Pick<SettlementConfig, 'vouchers' | 'env'>): string {
  if (config.vouchers.dir) return config.vouchers.dir;
  if (config.env === 'test') return join(tmpdir(), 'payoffice-test-vouchers');
  return join(__dirname, '..', '..', '..', '..', '..', '.data', 'vouchers');
}

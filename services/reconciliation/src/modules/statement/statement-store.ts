import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentStore, SHA256_HEX, type StoredContent } from '@pay/common';
import type { ReconciliationConfig } from '../../config';

/** A statement file kept under its content's SHA-256. */
export type StoredStatementFile = StoredContent;

export { SHA256_HEX };

/** Largest file the internal upload endpoint keeps (the gateway's own limit is usually lower). */
export const STATEMENT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;

/** Where statement files live: STATEMENT_DIR, else `.data/statements` (a temporary directory in tests). */
export function statementDirOf(config: Pick<ReconciliationConfig, 'statementDir' | 'env'>): string {
  if (config.statementDir) return config.statementDir;
  if (config.env === 'test') return join(tmpdir(), 'payoffice-test-statements');
  return join(__dirname, '..', '..', '..', '..', '..', '.data', 'statements');
}

/**
 * Statement files, content-addressed (`<dir>/<sha256[0..2]>/<sha256>`) by the store the
 * settlement service's vouchers share: hashed while streamed, renamed into place, too
 * large a file refused with BAD_USER_INPUT and nothing left behind.
 */
export class StatementStore extends ContentStore {}

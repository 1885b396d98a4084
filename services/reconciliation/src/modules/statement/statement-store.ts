import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@pay/common';
import type { ReconciliationConfig } from '../../config';

/** A statement file kept under its content's SHA-256. */
export interface StoredStatementFile {
  hash: string;
  size: number;
  path: string;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Largest file the internal upload endpoint keeps (the gateway's own limit is usually lower). */
export const STATEMENT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;

/** Where statement files live: STATEMENT_DIR, else `.data/statements` (a temporary directory in tests). */
export function statementDirOf(config: Pick<ReconciliationConfig, 'statementDir' | 'env'>): string {
  if (config.statementDir) return config.statementDir;
  if (config.env === 'test') return join(tmpdir(), 'payoffice-test-statements');
  return join(__dirname, '..', '..', '..', '..', '..', '.data', 'statements');
}

/**
 * Content-addressed storage of statement files: `<dir>/<sha256[0..2]>/<sha256>`. A file is
 * written to a temporary name while it is hashed, then renamed into place, so a reader
 * never sees half a file and the same content is stored once.
 */
export class StatementStore {
  constructor(readonly dir: string) {}

  pathOf(hash: string): string {
    if (!SHA256_HEX.test(hash)) throw new AppError('BAD_USER_INPUT', 'not a statement file id', { hash });
    return join(this.dir, hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    return access(this.pathOf(hash)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Streams `input` to disk while hashing it; memory stays flat. More than `maxBytes`
   * fails with BAD_USER_INPUT and leaves nothing behind. `onBytes` reports progress.
   */
  async save(
    input: Readable,
    options: { maxBytes?: number; onBytes?: (bytes: number) => void } = {},
  ): Promise<StoredStatementFile> {
    const partial = join(this.dir, 'tmp');
    await mkdir(partial, { recursive: true });
    const temporary = join(partial, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          done(new AppError('BAD_USER_INPUT', `the file is larger than ${options.maxBytes} bytes`));
          return;
        }
        hash.update(chunk);
        options.onBytes?.(size);
        done(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(temporary));
      const digest = hash.digest('hex');
      const path = this.pathOf(digest);
      await mkdir(join(this.dir, digest.slice(0, 2)), { recursive: true });
      await rename(temporary, path);
      return { hash: digest, size, path };
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

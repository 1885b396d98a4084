import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';

/** A file kept under its content's SHA-256. */
export interface StoredContent {
  /** SHA-256 of the content, 64 lowercase hex digits: the file's id. */
  hash: string;
  size: number;
  path: string;
}

/** What `save` shows an `accept` check before the file is kept. */
export interface ContentPreview {
  /** The first `headBytes` bytes (fewer when the file is shorter). */
  head: Buffer;
  size: number;
}

export interface SaveContentOptions {
  /** More bytes than this fail the save (nothing is kept). */
  maxBytes?: number;
  /** Progress: bytes received so far. */
  onBytes?: (bytes: number) => void;
  /** How many leading bytes `accept` sees (default 64). */
  headBytes?: number;
  /**
   * Decides from the content (e.g. its magic bytes) whether the file is kept; throwing
   * refuses it and nothing is kept. Runs before the file is renamed into place.
   */
  accept?: (preview: ContentPreview) => void | Promise<void>;
  /** The code of the error for a file over `maxBytes` (default BAD_USER_INPUT). */
  tooLargeCode?: ErrorCode;
}

/** A SHA-256 in hex: what content ids look like. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed storage of uploaded files (statements, vouchers):
 * `<dir>/<sha256[0..2]>/<sha256>`. A file is streamed to a temporary name while it is
 * hashed and measured, then renamed into place, so a reader never sees half a file, a
 * refused file leaves nothing behind, and the same content is stored once. Memory stays
 * flat whatever the size.
 */
export class ContentStore {
  constructor(readonly dir: string) {}

  /** Where the file with this id lives; BAD_USER_INPUT when the id is no SHA-256. */
  pathOf(hash: string): string {
    if (!SHA256_HEX.test(hash)) throw new AppError('BAD_USER_INPUT', 'not a stored file id', { hash });
    return join(this.dir, hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    if (!SHA256_HEX.test(hash)) return false;
    return access(this.pathOf(hash)).then(
      () => true,
      () => false,
    );
  }

  /** Reads a stored file; the stream errors with ENOENT when there is none. */
  open(hash: string): ReadStream {
    return createReadStream(this.pathOf(hash));
  }

  /** Streams `input` to disk while hashing it; see SaveContentOptions for the checks. */
  async save(input: Readable, options: SaveContentOptions = {}): Promise<StoredContent> {
    const partial = join(this.dir, 'tmp');
    await mkdir(partial, { recursive: true });
    const temporary = join(partial, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    const headLimit = options.headBytes ?? 64;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          done(
            new AppError(
              options.tooLargeCode ?? 'BAD_USER_INPUT',
              `the file is larger than ${options.maxBytes} bytes`,
              { maxBytes: options.maxBytes },
            ),
          );
          return;
        }
        if (headLength < headLimit) {
          const part = chunk.subarray(0, headLimit - headLength);
          headChunks.push(Buffer.from(part));
          headLength += part.length;
        }
        hash.update(chunk);
        options.onBytes?.(size);
        done(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(temporary));
      await options.accept?.({ head: Buffer.concat(headChunks), size });
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

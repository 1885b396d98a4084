import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';
import { ContentStore } from './content-store';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under `dir`, relative, sorted (the empty tmp/ folder does not count). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** A stream of `chunks` (several writes, as a network body arrives). */
const streamOf = (...chunks: Buffer[]) => Readable.from(chunks);

describe('ContentStore', () => {
  let dir: string;
  let store: ContentStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-store-'));
    store = new ContentStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps a file under its SHA-256, once for the same content', async () => {
    const body = Buffer.from('hello, content store');
    const first = await store.save(streamOf(body.subarray(0, 5), body.subarray(5)));
    expect(first).toEqual({
      hash: sha256(body),
      size: body.length,
      path: join(dir, sha256(body).slice(0, 2), sha256(body)),
    });
    expect(await readFile(first.path)).toEqual(body);
    const again = await store.save(streamOf(body));
    expect(again.hash).toBe(first.hash);
    expect(await filesUnder(dir)).toEqual([join(first.hash.slice(0, 2), first.hash)]);
    expect(await store.has(first.hash)).toBe(true);
    expect(await store.has('0'.repeat(64))).toBe(false);
    expect(await store.has('../etc/passwd')).toBe(false);
  });

  it('refuses more than maxBytes with the code asked for and keeps nothing', async () => {
    const error = await store
      .save(streamOf(Buffer.alloc(600), Buffer.alloc(600)), {
        maxBytes: 1000,
        tooLargeCode: 'VOUCHER_INVALID',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VOUCHER_INVALID');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('shows accept the head of the file and keeps nothing when it refuses', async () => {
    const seen: { head: string; size: number }[] = [];
    const error = await store
      .save(streamOf(Buffer.from('ab'), Buffer.from('cdefgh')), {
        headBytes: 4,
        accept: ({ head, size }) => {
          seen.push({ head: head.toString(), size });
          throw new AppError('BAD_USER_INPUT', 'no');
        },
      })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect(seen).toEqual([{ head: 'abcd', size: 8 }]);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses ids that are no SHA-256 (no path traversal)', () => {
    expect(() => store.pathOf('../../secret')).toThrow(AppError);
    expect(() => store.pathOf('A'.repeat(64))).toThrow(AppError);
  });
});

import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger } from '@pay/common';
import type { StatementStore } from './statement-store';

/**
 * After an import was refused: forgets the file, so a refused file leaves nothing behind
 * — its upload record (a graph upload is for that one import) and, unless a statement
 * already holds the same content (the same bytes imported for another source or day),
 * the content-addressed file under STATEMENT_DIR and its then empty directory. Cleanup
 * failures are logged, never thrown: the refusal is what the caller must see.
 */
export async function discardRefusedFile(
  em: EntityManager,
  store: StatementStore,
  hash: string,
): Promise<void> {
  try {
    const connection = em.getConnection();
    await connection.execute('delete from statement_upload where id = ?', [hash], 'run');
    const kept = (await connection.execute(
      'select 1 from statement where content_hash = ? limit 1',
      [hash],
      'all',
    )) as unknown[];
    if (kept.length > 0) return;
    const path = store.pathOf(hash);
    await rm(path, { force: true });
    // Other files may share the directory (same first two hex digits): then it stays.
    await rmdir(dirname(path)).catch(() => undefined);
  } catch (error) {
    logger().warn({ err: error, hash }, 'could not discard a refused statement file');
  }
}

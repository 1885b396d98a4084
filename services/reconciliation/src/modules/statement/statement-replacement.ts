import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { AppError } from '@pay/common';
import { Statement } from './statement.entity';

/**
 * One current statement per source and bill date (Migration20261206100000): a different
 * file for a day that has one is refused with STATEMENT_EXISTS unless the operator says
 * `replace`; then the earlier statement is superseded — kept, with its lines, as history,
 * its lines no longer `current`, so runs count the day once.
 */

interface CurrentRow {
  id: string | number;
  file_name: string;
  content_hash: string;
}

/** A statement as STATEMENT_EXISTS names it. */
export interface ExistingStatement {
  id: number;
  fileName: string;
  contentHash: string;
}

const toExisting = (row: CurrentRow): ExistingStatement => ({
  id: Number(row.id),
  fileName: row.file_name,
  contentHash: row.content_hash,
});

/**
 * The current statement of a source and bill date, or null. Inside the import's
 * transaction (`trx`) the row is locked, so a concurrent import of the same day waits.
 */
export async function currentStatementOf(
  em: EntityManager,
  source: string,
  billDate: string,
  trx?: Knex.Transaction,
): Promise<ExistingStatement | null> {
  const rows = (await em.getConnection().execute(
    `select id, file_name, content_hash from statement
     where source = ? and bill_date = ?::date and superseded_at is null${trx ? ' for update' : ''}`,
    [source, billDate],
    'all',
    trx,
  )) as CurrentRow[];
  return rows[0] ? toExisting(rows[0]) : null;
}

/** STATEMENT_EXISTS: the day already has another file; `replace` to replace it. */
export function statementExists(existing: ExistingStatement, source: string, billDate: string): AppError {
  return new AppError(
    'STATEMENT_EXISTS',
    `${source} already has statement ${existing.id} (${existing.fileName}) for ${billDate}; import with replace to replace it`,
    {
      statementId: existing.id,
      fileName: existing.fileName,
      contentHash: existing.contentHash,
      source,
      billDate,
    },
  );
}

/**
 * Marks the current statement superseded (first, so the new current one may be
 * inserted under the partial unique index). `finishReplacement` completes it.
 */
export async function markSuperseded(
  em: EntityManager,
  trx: Knex.Transaction | undefined,
  id: number,
): Promise<void> {
  await em
    .getConnection()
    .execute('update statement set superseded_at = clock_timestamp() where id = ?', [id], 'run', trx);
}

/**
 * Points the superseded statement at its replacement and takes its lines out of
 * matching — ONE update by statement id (the lines' index), whatever their number.
 */
export async function finishReplacement(
  em: EntityManager,
  trx: Knex.Transaction | undefined,
  oldId: number,
  newId: number,
): Promise<void> {
  const connection = em.getConnection();
  await connection.execute(
    'update statement set replaced_by_id = ? where id = ?',
    [newId, oldId],
    'run',
    trx,
  );
  await connection.execute(
    'update statement_line set current = false where statement_id = ? and current',
    [oldId],
    'run',
    trx,
  );
}

/**
 * The same file as a statement that was replaced, imported again with `replace`: it
 * becomes current again (its lines back in matching), and the one that replaced it
 * becomes history. Returns the statement it replaced, or null when it was current.
 */
export async function reinstateStatement(em: EntityManager, statement: Statement): Promise<Statement | null> {
  return em.transactional(async (tem) => {
    const trx = tem.getTransactionContext<Knex.Transaction>();
    const connection = tem.getConnection();
    const current = await currentStatementOf(tem, statement.source, statement.billDate, trx);
    if (current?.id === statement.id) return null;
    if (current) await markSuperseded(tem, trx, current.id);
    await connection.execute(
      'update statement set superseded_at = null, replaced_by_id = null where id = ?',
      [statement.id],
      'run',
      trx,
    );
    await connection.execute(
      'update statement_line set current = true where statement_id = ? and not current',
      [statement.id],
      'run',
      trx,
    );
    if (current) await finishReplacement(tem, trx, current.id, statement.id);
    return current ? tem.findOneOrFail(Statement, { id: current.id }, { refresh: true }) : null;
  });
}

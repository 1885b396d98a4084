import type { Readable } from 'node:stream';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { AppError, logger, type PageWindow } from '@pay/common';
import { openStatementRecords } from './statement-source';
import { StatementInvalid, StatementReader, type StatementTotals } from './statement-reader';
import { StatementLineCopy } from './statement-copy';
import { discardRefusedFile } from './statement-discard';
import { DuplicateLineFilter, refuseDuplicateLines } from './statement-duplicates';
import { checkSummaryFile } from './statement-summary-file';
import { StatementStore, SHA256_HEX, type StoredStatementFile } from './statement-store';
import { templateForSource } from './statement-template.service';
import { Statement } from './statement.entity';
import { StatementLine, type StatementLineKind } from './statement-line.entity';
import {
  currentStatementOf,
  finishReplacement,
  markSuperseded,
  reinstateStatement,
  statementExists,
} from './statement-replacement';

/** Progress of an import: `store` while the file is written and hashed, `import` while it is read into the database. */
export interface ImportProgress {
  phase: 'store' | 'import';
  bytes: number;
  /** Bytes expected (null when unknown, e.g. a stream of unknown length). */
  total: number | null;
}

export interface ImportStatementInput {
  source: string;
  /** China day the file is for, YYYY-MM-DD. */
  billDate: string;
  fileName: string;
  /** Who imports it (user name, cli:<user>). */
  person: string;
  /** The raw file… */
  stream?: Readable;
  /** …or one already stored by an upload (its SHA-256). */
  uploadId?: string;
  /** Size of `stream` when known, for progress. */
  size?: number;
  /**
   * Replace the source's current statement for this bill date by this file (it is kept
   * as history). Without it a different file for a day that has one is STATEMENT_EXISTS.
   */
  replace?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportStatementResult {
  statement: Statement;
  /** False when this source already had this exact file for this bill date: nothing was changed. */
  created: boolean;
  /** The statement this import replaced (`replace`), now history; null when none. */
  replaced: Statement | null;
}

const BILL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a YYYY-MM-DD bill date names a real day. */
export function checkBillDate(text: string, argument = 'billDate'): string {
  const match = BILL_DATE.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
    throw new AppError('BAD_USER_INPUT', `${argument} must be a date like 2025-11-16`, { argument });
  return text;
}

/**
 * Imports a channel statement file, streamed end to end so memory does not grow with
 * the file: it is stored content-addressed while hashed (SHA-256); if this source
 * already has this exact file for this bill date the existing statement comes back with
 * `created: false`; if it has another one, the import is refused with STATEMENT_EXISTS
 * unless `replace` is given, and then the earlier statement is superseded in the same
 * transaction (kept as history, its lines out of matching — see
 * `statement-replacement.ts`). Otherwise, in ONE transaction, the `statement` row is inserted, the
 * file is decoded and read by its source's template and every line is COPYed into
 * `statement_line`, and the totals are written. Any problem — wrong encoding, missing
 * column, malformed amount, damaged zip, totals that disagree with the summary — rolls
 * everything back and is reported as STATEMENT_INVALID with `{ line, reason }`.
 */
export async function importStatement(
  em: EntityManager,
  store: StatementStore,
  input: ImportStatementInput,
): Promise<ImportStatementResult> {
  checkBillDate(input.billDate);
  const fileName = input.fileName.trim();
  if (!fileName || fileName.length > 300)
    throw new AppError('BAD_USER_INPUT', 'a file name of 1-300 characters is required', {
      argument: 'fileName',
    });
  if (!input.person || input.person.length > 200)
    throw new AppError('BAD_USER_INPUT', 'person must be 1-200 characters', { argument: 'person' });
  const { template } = await templateForSource(em, input.source);
  const stored = await storeFile(store, input);

  const existing = await em.fork().findOne(Statement, {
    source: input.source,
    billDate: input.billDate,
    contentHash: stored.hash,
  });
  if (existing) return importedAgain(em, existing, input);
  // A different file for a day that has one: refused before the file is read.
  const current = await currentStatementOf(em, input.source, input.billDate);
  if (current && current.contentHash !== stored.hash && !input.replace)
    throw statementExists(current, input.source, input.billDate);

  const reader = new StatementReader(template);
  let statementId: number | null = null;
  let replacedId: number | null = null;
  try {
    statementId = await em.transactional(async (tem) => {
      const connection = tem.getConnection();
      const trx = tem.getTransactionContext<Knex.Transaction>();
      // The day's current statement, locked: concurrent imports of one day take turns.
      const locked = await currentStatementOf(tem, input.source, input.billDate, trx);
      if (locked?.contentHash === stored.hash) return null;
      if (locked && !input.replace) throw statementExists(locked, input.source, input.billDate);
      if (locked) await markSuperseded(tem, trx, locked.id);
      replacedId = locked?.id ?? null;
      // No target: neither the same file twice nor two current statements of one day.
      const inserted = (await connection.execute(
        `insert into statement (source, template, bill_date, content_hash, file_name, stored_path, person)
         values (?, ?, ?, ?, ?, ?, ?)
         on conflict do nothing
         returning id`,
        [input.source, template.name, input.billDate, stored.hash, fileName, stored.path, input.person],
        'all',
        trx,
      )) as { id: string | number }[];
      // Someone imported this file, or another for the day, meanwhile (we waited for their commit).
      if (!inserted[0]) return null;
      const id = Number(inserted[0].id);
      const client = (await trx!.client.acquireConnection()) as ConstructorParameters<
        typeof StatementLineCopy
      >[0];
      const copy = new StatementLineCopy(client, id, input.source);
      let totals: StatementTotals;
      try {
        const records = await openStatementRecords(stored.path, template, (bytes, total) =>
          input.onProgress?.({ phase: 'import', bytes, total }),
        );
        const duplicates = new DuplicateLineFilter();
        let lastLine = 0;
        // A decoded chunk's records at a time: no promise per line, only per full COPY chunk.
        for await (const batch of records.batches) {
          for (const { record, line } of batch) {
            lastLine = line;
            const row = reader.read(record, line);
            if (!row) continue;
            duplicates.add(row);
            if (copy.push(row)) await copy.flush();
          }
        }
        await copy.end();
        // The file as a whole, the most specific cause first: a line listed twice, then
        // the totals the file states (summary row, footers), then its summary file.
        await refuseDuplicateLines(tem, trx, id, duplicates);
        totals = reader.finish(lastLine);
        await checkSummaryFile(stored.path, template, reader);
      } catch (error) {
        await copy.abort(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      await connection.execute(
        `update statement set template = ?, line_count = ?, payment_count = ?, payment_amount = ?,
           refund_count = ?, refund_amount = ?, fee_amount = ?
         where id = ?`,
        [
          reader.templateName,
          totals.lineCount,
          totals.paymentCount,
          totals.paymentAmount,
          totals.refundCount,
          totals.refundAmount,
          totals.feeAmount,
          id,
        ],
        'run',
        trx,
      );
      if (replacedId !== null) await finishReplacement(tem, trx, replacedId, id);
      return id;
    });
  } catch (error) {
    if (error instanceof StatementInvalid) {
      await discardRefusedFile(em, store, stored.hash);
      logger().info(
        { source: input.source, billDate: input.billDate, fileName, line: error.line, reason: error.reason },
        'statement rejected',
      );
      throw new AppError('STATEMENT_INVALID', `${fileName}: ${error.message}`, {
        line: error.line,
        reason: error.reason,
        fileName,
        source: input.source,
      });
    }
    throw error;
  }
  if (statementId !== null) await analyzeLines(em);
  const fresh = em.fork();
  if (statementId === null) {
    const theirs = await fresh.findOne(Statement, {
      source: input.source,
      billDate: input.billDate,
      contentHash: stored.hash,
    });
    if (theirs) return { statement: theirs, created: false, replaced: null };
    const now = await currentStatementOf(fresh, input.source, input.billDate);
    if (now) throw statementExists(now, input.source, input.billDate);
    throw new AppError('CONFLICT', 'a concurrent import of this day won; retry');
  }
  return {
    statement: await fresh.findOneOrFail(Statement, { id: statementId }),
    created: true,
    replaced: replacedId === null ? null : await fresh.findOneOrFail(Statement, { id: replacedId }),
  };
}

/**
 * Fresh statistics of statement_line right after an import, so a run that follows plans
 * its joins with the real number of lines (autoanalyze comes later, if at all, before a
 * run). ANALYZE samples a fixed number of rows per partition: its cost grows with the
 * months kept, not with their rows (autovacuum never analyzes a partitioned parent). Outside the import's transaction: its lock would make concurrent imports wait.
 */
async function analyzeLines(em: EntityManager): Promise<void> {
  try {
    await em.getConnection().execute('analyze statement_line');
  } catch (error) {
    logger().warn({ err: error }, 'analyze statement_line after an import failed');
  }
}

/**
 * A file this source already has for this bill date: nothing changes while it is the
 * current statement; if it was replaced since, it is a different file than the current
 * one — STATEMENT_EXISTS, or with `replace` it becomes current again.
 */
async function importedAgain(
  em: EntityManager,
  existing: Statement,
  input: ImportStatementInput,
): Promise<ImportStatementResult> {
  if (existing.current) return { statement: existing, created: false, replaced: null };
  if (!input.replace) {
    const current = await currentStatementOf(em, input.source, input.billDate);
    if (current) throw statementExists(current, input.source, input.billDate);
  }
  const replaced = await reinstateStatement(em.fork(), existing);
  const statement = await em.fork().findOneOrFail(Statement, { id: existing.id });
  return { statement, created: false, replaced };
}

async function storeFile(store: StatementStore, input: ImportStatementInput): Promise<StoredStatementFile> {
  if (input.stream) {
    return store.save(input.stream, {
      onBytes: (bytes) => input.onProgress?.({ phase: 'store', bytes, total: input.size ?? null }),
    });
  }
  const id = input.uploadId ?? '';
  if (!SHA256_HEX.test(id) || !(await store.has(id)))
    throw new AppError('NOT_FOUND', 'no uploaded statement file with this id', { argument: 'file' });
  return { hash: id, size: 0, path: store.pathOf(id) };
}

/** Records a file uploaded through the graph (its name, for the import that follows). */
export async function recordUpload(
  em: EntityManager,
  file: StoredStatementFile,
  fileName: string,
): Promise<void> {
  await em.getConnection().execute(
    `insert into statement_upload (id, file_name, size) values (?, ?, ?)
     on conflict (id) do update set file_name = excluded.file_name, uploaded_at = now()`,
    [file.hash, fileName.slice(0, 300) || 'statement', file.size],
    'run',
    em.getTransactionContext(),
  );
}

/** The name a file was uploaded with, or null when no such upload was recorded. */
export async function uploadedFileName(em: EntityManager, uploadId: string): Promise<string | null> {
  const rows = (await em
    .getConnection()
    .execute(
      'select file_name from statement_upload where id = ?',
      [uploadId],
      'all',
      em.getTransactionContext(),
    )) as {
    file_name: string;
  }[];
  return rows[0]?.file_name ?? null;
}

export interface StatementFilter {
  source?: string | null;
  billDateFrom?: string | null;
  billDateTo?: string | null;
}

/** Statements, newest bill date first. */
export async function listStatements(
  em: EntityManager,
  filter: StatementFilter,
  window: PageWindow,
): Promise<{ items: Statement[]; total: number }> {
  const where: Record<string, unknown> = {};
  if (filter.source) where.source = filter.source;
  if (filter.billDateFrom || filter.billDateTo) {
    where.billDate = {
      ...(filter.billDateFrom ? { $gte: filter.billDateFrom } : {}),
      ...(filter.billDateTo ? { $lte: filter.billDateTo } : {}),
    };
  }
  const [items, total] = await em.findAndCount(Statement, where, {
    orderBy: { billDate: 'desc', id: 'desc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

/** A statement's lines in file order. */
export async function listStatementLines(
  em: EntityManager,
  statementId: number,
  kind: StatementLineKind | null,
  window: PageWindow,
): Promise<{ items: StatementLine[]; total: number }> {
  const [items, total] = await em.findAndCount(
    StatementLine,
    { statementId, ...(kind ? { kind } : {}) },
    { orderBy: { lineNo: 'asc', id: 'asc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
}

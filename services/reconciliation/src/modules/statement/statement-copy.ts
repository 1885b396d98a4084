import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { StatementLineRow } from './statement-reader';

/** The statement_line columns COPY fills, in order. */
const COPY_COLUMNS = [
  'statement_id',
  'line_no',
  'source',
  'kind',
  'trade_time',
  'platform_order_no',
  'transaction_id',
  'refund_no',
  'amount',
  'refund_amount',
  'fee',
  'payer',
  'device',
  'product',
] as const;

/** COPY data is sent in chunks of about this many characters (few, large CopyData messages). */
const FLUSH_AT = 512 * 1024;

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: backslash, tab, newline and carriage return escaped; null is \N. */
function field(value: string | null): string {
  if (value === null) return '\\N';
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A raw `pg` client: the connection of the import's transaction. */
interface PgClient {
  query: (stream: Writable) => Writable;
}

/**
 * Writes statement lines into statement_line with COPY FROM STDIN on the transaction's
 * own connection, in chunks of about 512 KiB with back-pressure, so memory stays flat
 * whatever the file's size. `push` adds a line without a promise and says when a chunk is
 * full (then `await flush()`); `write` does both. `abort` cancels the COPY (CopyFail) and waits until the connection is
 * usable again, so the transaction can roll back.
 */
export class StatementLineCopy {
  private readonly stream: Writable;
  private readonly done: Promise<void>;
  private buffer = '';
  private readonly source: string;
  count = 0;

  constructor(client: PgClient, statementId: number, source: string) {
    this.source = field(source);
    this.prefix = `${statementId}\t`;
    this.stream = client.query(copyFrom(`copy statement_line (${COPY_COLUMNS.join(', ')}) from stdin`));
    this.done = finished(this.stream);
    // Failures surface through `done`; keep an early one from being unhandled.
    this.done.catch(() => undefined);
  }

  private readonly prefix: string;

  async write(line: StatementLineRow): Promise<void> {
    if (this.push(line)) await this.flush();
  }

  /** Adds a line to the chunk; true when the chunk is full and should be flushed. */
  push(line: StatementLineRow): boolean {
    this.buffer +=
      `${this.prefix}${line.lineNo}\t${this.source}\t${line.kind}\t${this.time(line.tradeTime)}\t` +
      `${field(line.platformOrderNo)}\t${field(line.transactionId)}\t${field(line.refundNo)}\t` +
      `${line.amount}\t${line.refundAmount}\t${line.fee}\t` +
      `${field(line.payer)}\t${field(line.device)}\t${field(line.product)}\n`;
    this.count += 1;
    return this.buffer.length >= FLUSH_AT;
  }

  private lastTime: Date | null = null;
  private lastTimeText = '';

  /** The time as COPY text; consecutive lines often share one Date (the reader reuses it). */
  private time(date: Date): string {
    if (date !== this.lastTime) {
      this.lastTime = date;
      this.lastTimeText = date.toISOString();
    }
    return this.lastTimeText;
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }

  async abort(reason: Error): Promise<void> {
    if (!this.stream.destroyed) this.stream.destroy(reason);
    await this.done.catch(() => undefined);
  }
}

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

const FLUSH_AT = 64 * 1024;

/** COPY text format: backslash, tab, newline and carriage return escaped; null is \N. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
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
 * own connection, in 64 KiB chunks with back-pressure, so memory stays flat whatever
 * the file's size. `abort` cancels the COPY (CopyFail) and waits until the connection is
 * usable again, so the transaction can roll back.
 */
export class StatementLineCopy {
  private readonly stream: Writable;
  private readonly done: Promise<void>;
  private buffer = '';
  count = 0;

  constructor(
    client: PgClient,
    private readonly statementId: number,
    private readonly source: string,
  ) {
    this.stream = client.query(copyFrom(`copy statement_line (${COPY_COLUMNS.join(', ')}) from stdin`));
    this.done = finished(this.stream);
    // Failures surface through `done`; keep an early one from being unhandled.
    this.done.catch(() => undefined);
  }

  async write(line: StatementLineRow): Promise<void> {
    this.buffer += `${[
      this.statementId,
      line.lineNo,
      field(this.source),
      line.kind,
      line.tradeTime.toISOString(),
      field(line.platformOrderNo),
      field(line.transactionId),
      field(line.refundNo),
      line.amount,
      line.refundAmount,
      line.fee,
      field(line.payer),
      field(line.device),
      field(line.product),
    ].join('\t')}\n`;
    this.count += 1;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
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

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { StatementInvalid } from './statement-reader';
import type { StatementTemplate } from './statement-template';

/** A record of the statement's CSV with the (1-based) line it ends on. */
export interface StatementRecord {
  record: string[];
  line: number;
}

/** Another entry of a zip statement than the template's own (Alipay's summary file). */
export interface StatementEntry {
  /** Pattern of the entry's name. */
  pattern: string;
  /** What it is, for the message when the zip lacks it (`the summary file`). */
  role: string;
}

/**
 * The records of a statement file, and the name of the zip entry they come from (null: a
 * plain file). `batches` yields the same records several at a time (one per decoded
 * chunk): iterate either, not both.
 */
export type StatementRecords = AsyncIterable<StatementRecord> & {
  entryName: string | null;
  batches: AsyncIterable<StatementRecord[]>;
};

/** A line this long is no statement line: stop before it costs memory. */
const MAX_RECORD_CHARS = 1024 * 1024;
/** Read size of a plain file: 64 KiB (larger chunks keep more records alive at once: more GC work). */
const READ_CHUNK = 64 * 1024;

/**
 * Opens a stored statement file as CSV records, streamed: the file (or the zip entry
 * the template names, or `entry`) → byte counter → encoding guard → iconv-lite decoder →
 * records. `onBytes` reports raw bytes read so far and the total (for a zip, of the entry).
 *
 * Records are split without a general CSV parser while the file has no quoting (WeChat's
 * bills: every field starts with a backtick): a line is split at the delimiter, which is
 * what csv-parse makes of it. From the first line with a field that opens with a quote
 * (or with a bare carriage return) on, the rest of the file goes through csv-parse, with
 * the same line numbers.
 */
export async function openStatementRecords(
  path: string,
  template: StatementTemplate,
  onBytes?: (bytes: number, total: number | null) => void,
  entry?: StatementEntry,
): Promise<StatementRecords> {
  const { stream, total, name } =
    template.container.type === 'zip'
      ? await openZipEntry(path, template, entry?.pattern ?? template.container.entry, entry?.role)
      : {
          stream: createReadStream(path, { highWaterMark: READ_CHUNK }),
          total: (await stat(path)).size,
          name: null,
        };
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes, total);
      done(null, chunk);
    },
  });
  // Errors reach the consumer through the last stage (pipeline destroys every stage with them).
  if (template.encoding === 'utf8') {
    // UTF-8 is split as bytes (latin1 text, one character a byte: no decoding of the whole
    // file); the fields that have other than ASCII are decoded one by one.
    pipeline([stream, counter], () => undefined);
    const batches = recordBatches(counter as unknown as AsyncIterable<Buffer>, template, true);
    return withRecords(batches, name);
  }
  const decoder = iconv.decodeStream(template.encoding);
  pipeline([stream, counter, new Utf8Guard(template.encoding), decoder], () => undefined);
  return withRecords(recordBatches(decoder as unknown as AsyncIterable<string>, template, false), name);
}

function withRecords(batches: AsyncIterable<StatementRecord[]>, entryName: string | null): StatementRecords {
  const records = (async function* records() {
    for await (const batch of batches) yield* batch;
  })();
  return Object.assign(records, { entryName, batches });
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const BOM_AS_LATIN1 = '\xef\xbb\xbf';

/** A field split from latin1 text (bytes) as the UTF-8 it is. */
function utf8Field(cell: string): string {
  return NON_ASCII.test(cell) ? Buffer.from(cell, 'latin1').toString('utf8') : cell;
}

/**
 * The records of the text, a chunk's worth at a time (see `openStatementRecords`).
 * `bytes`: the chunks are raw UTF-8 (Buffers), split as latin1 text.
 */
async function* recordBatches(
  chunks: AsyncIterable<string | Buffer>,
  template: StatementTemplate,
  bytes: boolean,
): AsyncGenerator<StatementRecord[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  const delimiter = template.delimiter;
  const quoteOpensField = `${delimiter}"`;
  const split = (text: string): string[] => {
    const cells = text.split(delimiter);
    if (bytes && NON_ASCII.test(text))
      for (let i = 0; i < cells.length; i += 1) cells[i] = utf8Field(cells[i] as string);
    return cells;
  };
  const plain = (text: string) =>
    text.charCodeAt(0) !== 34 && !text.includes(quoteOpensField) && !text.includes('\r');
  let pending = '';
  let first = true;
  let line = 0;
  let rest: string | null = null;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      let text = typeof next.value === 'string' ? next.value : next.value.toString('latin1');
      if (first && bytes && text.startsWith(BOM_AS_LATIN1)) text = text.slice(BOM_AS_LATIN1.length);
      first = false;
      const chunk = pending + text;
      const batch: StatementRecord[] = [];
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf('\n', start);
        if (newline < 0) break;
        const end = newline > start && chunk.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        if (end > start) {
          const record = chunk.slice(start, end);
          if (!plain(record)) {
            rest = chunk.slice(start);
            break;
          }
          if (record.length > MAX_RECORD_CHARS) throw tooLong(line + 1);
          batch.push({ record: split(record), line: line + 1 });
        }
        line += 1;
        start = newline + 1;
      }
      if (batch.length > 0) yield batch;
      if (rest !== null) break;
      pending = chunk.slice(start);
      if (pending.length > MAX_RECORD_CHARS) throw tooLong(line + 1);
    }
    if (rest === null) {
      // The last line, without a line break.
      const record = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
      if (record.length > 0 && !plain(record)) rest = pending;
      else if (record.length > 0) yield [{ record: split(record), line: line + 1 }];
      if (rest === null) return;
    }
  } catch (error) {
    throw asInvalid(error as Error, 0);
  }
  yield* parsedBatches(rest, iterator, template, bytes, line);
}

/**
 * csv-parse from a line on: `first` (text from the start of that line), then the rest of
 * the chunks (raw UTF-8 bytes when `bytes`: decoded here).
 */
async function* parsedBatches(
  first: string,
  chunks: AsyncIterator<string | Buffer>,
  template: StatementTemplate,
  bytes: boolean,
  linesBefore: number,
): AsyncGenerator<StatementRecord[]> {
  const parser = parse({
    delimiter: template.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const feed = Readable.from(
    (async function* feed() {
      yield bytes ? Buffer.from(first, 'latin1') : first;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
    { objectMode: false },
  );
  pipeline(bytes ? [feed, iconv.decodeStream('utf8'), parser] : [feed, parser], () => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield [{ record, line: linesBefore + info.lines }];
    }
  } catch (error) {
    throw asInvalid(error as Error, linesBefore);
  }
}

function tooLong(line: number): StatementInvalid {
  return new StatementInvalid(
    line,
    `a record longer than ${MAX_RECORD_CHARS} characters (not a statement line)`,
  );
}

/** Errors of the file itself (damaged zip, CSV syntax) become STATEMENT_INVALID; the line when csv-parse knows it. */
function asInvalid(error: Error, linesBefore: number): Error {
  if (error instanceof StatementInvalid) return error;
  const line = (error as { lines?: unknown }).lines;
  if ((error as { code?: string }).code?.startsWith('CSV_'))
    return new StatementInvalid(typeof line === 'number' ? linesBefore + line : 0, error.message);
  return new StatementInvalid(0, `the file cannot be read: ${error.message}`);
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, autoClose: true }, (error, zip) => {
      if (error || !zip)
        reject(new StatementInvalid(0, `not a readable zip (truncated or damaged?): ${error?.message}`));
      else resolve(zip);
    });
  });
}

/** The first entry whose name (GBK unless the entry says UTF-8) matches `pattern`. */
async function openZipEntry(
  path: string,
  template: StatementTemplate,
  pattern: string,
  role?: string,
): Promise<{ stream: Readable; total: number; name: string }> {
  const zip = await openZip(path);
  const regex = new RegExp(pattern, 'u');
  const names: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      zip.close();
      reject(new StatementInvalid(0, reason));
    };
    zip.on('error', (error: Error) => fail(`not a readable zip (truncated or damaged?): ${error.message}`));
    zip.on('end', () => {
      const entries = names.join(', ') || 'none';
      fail(
        role
          ? `the zip has no ${role} (an entry matching /${pattern}/; entries: ${entries}): the bill is incomplete`
          : `the zip has no entry matching /${pattern}/ (entries: ${entries})`,
      );
    });
    zip.on('entry', (entry: Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      // General purpose bit 11: the name is UTF-8; otherwise it is in the archive's code page.
      const name =
        entry.generalPurposeBitFlag & 0x800 ? raw.toString('utf8') : iconv.decode(raw, template.encoding);
      names.push(name);
      if (!regex.test(name)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) fail(`the zip entry ${name} cannot be read: ${error?.message}`);
        else {
          zip.removeAllListeners('end');
          resolve({ stream, total: entry.uncompressedSize, name });
        }
      });
    });
    zip.readEntry();
  });
}

/**
 * For templates in a legacy code page (GBK): rejects a file that is really UTF-8. GBK
 * text is almost never valid UTF-8 (its pairs are mostly not UTF-8 sequences), so once
 * 16 non-ASCII bytes decode as UTF-8 without a fault, the file is UTF-8; the line of its
 * first non-ASCII byte is named.
 */
class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private deciding = true;
  private nonAscii = 0;
  private newlines = 0;
  private firstNonAsciiLine = 0;

  constructor(private readonly expected: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.deciding) {
      for (const byte of chunk) {
        if (byte === 0x0a) this.newlines += 1;
        else if (byte >= 0x80) {
          if (this.nonAscii === 0) this.firstNonAsciiLine = this.newlines + 1;
          this.nonAscii += 1;
        }
      }
      try {
        this.decoder.decode(chunk, { stream: true });
        if (this.nonAscii >= 16) {
          done(
            new StatementInvalid(
              this.firstNonAsciiLine,
              `the file is UTF-8 text; this template expects ${this.expected.toUpperCase()}`,
            ),
          );
          return;
        }
      } catch {
        this.deciding = false;
      }
    }
    done(null, chunk);
  }
}

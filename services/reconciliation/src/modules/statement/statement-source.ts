import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
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

/** The records of a statement file, and the name of the zip entry they come from (null: a plain file). */
export type StatementRecords = AsyncIterable<StatementRecord> & { entryName: string | null };

/**
 * Opens a stored statement file as CSV records, streamed: the file (or the zip entry
 * the template names, or `entry`) → byte counter → encoding guard → iconv-lite decoder →
 * csv-parse. `onBytes` reports raw bytes read so far and the total (for a zip, of the entry).
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
      : { stream: createReadStream(path), total: (await stat(path)).size, name: null };
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes, total);
      done(null, chunk);
    },
  });
  const parser = parse({
    delimiter: template.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // A line this long is no statement line: stop before it costs memory.
    max_record_size: 1024 * 1024,
  });
  const stages: NodeJS.ReadWriteStream[] = [counter];
  if (template.encoding !== 'utf8') stages.push(new Utf8Guard(template.encoding));
  stages.push(iconv.decodeStream(template.encoding));
  // Errors reach the consumer through the parser (pipeline destroys every stage with them).
  pipeline([stream, ...stages, parser], () => undefined);
  const records = (async function* records() {
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        yield { record, line: info.lines };
      }
    } catch (error) {
      throw asInvalid(error as Error);
    }
  })();
  return Object.assign(records, { entryName: name });
}

/** Errors of the file itself (damaged zip, CSV syntax) become STATEMENT_INVALID; the line when csv-parse knows it. */
function asInvalid(error: Error): Error {
  if (error instanceof StatementInvalid) return error;
  const line = (error as { lines?: unknown }).lines;
  if ((error as { code?: string }).code?.startsWith('CSV_'))
    return new StatementInvalid(typeof line === 'number' ? line : 0, error.message);
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

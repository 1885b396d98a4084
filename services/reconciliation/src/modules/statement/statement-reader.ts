import {
  parseAmountFen,
  parseDecimalUnits,
  parseFeeFen,
  formatUnits,
  readUnits5,
  units5ToFen,
  SUM_SCALE,
  type FastUnits,
} from './statement-amount';
import type { LineKind, Measure, StatementTemplate, TargetField } from './statement-template';
import { compileTimeFormat } from './statement-time';

/** A statement file is bad at `line` (0: the file as a whole) for `reason`. */
export class StatementInvalid extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'StatementInvalid';
  }
}

/** One data row, mapped to the statement_line columns (amounts in fen). */
export interface StatementLineRow {
  lineNo: number;
  kind: LineKind;
  tradeTime: Date;
  platformOrderNo: string | null;
  transactionId: string | null;
  refundNo: string | null;
  /** Payment amount; 0 for REFUND lines. */
  amount: number;
  /** Refunded amount, positive. */
  refundAmount: number;
  /** The channel's fee: positive when charged, negative when given back. */
  fee: number;
  payer: string | null;
  device: string | null;
  product: string | null;
}

/** What the `statement` row records about its lines. */
export interface StatementTotals {
  lineCount: number;
  paymentCount: number;
  paymentAmount: number;
  refundCount: number;
  refundAmount: number;
  feeAmount: number;
}

/** statement_line column widths: longer ids are rejected, a longer product name is cut. */
const MAX_LENGTH: Partial<Record<TargetField, number>> = {
  platformOrderNo: 64,
  transactionId: 64,
  refundNo: 64,
  payer: 128,
  device: 64,
};
const PRODUCT_LENGTH = 200;

const REPLACEMENT_CHARACTER = '\uFFFD';
// Control characters other than TAB, LF and CR do not occur in statement text.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// Either of the above: one test per cell on the common path.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFD]/;
/** A measure's running sum is moved into its BigInt before the Number could lose a unit. */
const SMALL_SUM_LIMIT = 4e15;

type State = 'header' | 'rows' | 'summary-values' | 'done';

interface Column {
  index: number;
  name: string;
}

interface CompiledMeasure {
  measure: Measure;
  column: Column | null;
  value: bigint;
  /** The part of the sum still kept as a Number (exact: below SMALL_SUM_LIMIT). */
  small: number;
}

/**
 * Reads a statement's CSV records (after decoding) one at a time with their line
 * numbers: finds the header, tells the variant, maps each data row by column NAME to a
 * statement line, and checks the summary row and footers against what the rows add up
 * to. Holds only running totals, so memory does not grow with the file. Throws
 * `StatementInvalid` naming the line and the reason at the first problem.
 */
export class StatementReader {
  private state: State = 'header';
  private header: string[] = [];
  private columns = new Map<TargetField, Column>();
  private kindColumn: Column | null = null;
  private measures = new Map<string, CompiledMeasure>();
  private summaryHeader: string[] = [];
  private summarySeen = false;
  private footersSeen = new Set<number>();
  private footerStarted = false;
  private headerLine = 0;
  /**
   * Summary and footer comparisons, run by `finish`: the file's totals are checked once
   * every row is read, so a caller can look for a more specific cause first (a line
   * listed twice) when the totals disagree.
   */
  private readonly pendingChecks: (() => void)[] = [];
  private readonly parseTime: (text: string) => Date | null;
  /** Decimals read in this row, by column index: each amount cell is parsed once. */
  private readonly rowUnits: (number | bigint)[] = [];
  private readonly rowUnitsOf: number[] = [];
  private rowStamp = 0;
  private lastTimeText: string | null = null;
  private lastTime: Date | null = null;
  private readonly fast: FastUnits = { units: 0, decimals: 0 };
  /** The layout found in the header (null when the template declares none). */
  variant: string | null = null;
  readonly totals: StatementTotals = {
    lineCount: 0,
    paymentCount: 0,
    paymentAmount: 0,
    refundCount: 0,
    refundAmount: 0,
    feeAmount: 0,
  };

  constructor(private readonly template: StatementTemplate) {
    this.parseTime = compileTimeFormat(template.timeFormat, template.utcOffsetMinutes);
  }

  /** The template name with the variant, as stored on the statement (`wechat-trade-bill:ALL`). */
  get templateName(): string {
    return this.variant ? `${this.template.name}:${this.variant}` : this.template.name;
  }

  /** Feeds one record; returns the line to keep, or null for a header, comment, summary or blank row. */
  read(record: string[], line: number): StatementLineRow | null {
    if (record.some((cell) => SUSPECT.test(cell))) this.checkText(record, line);
    const prefix = this.template.skipLinePrefix;
    if (prefix && (record[0] ?? '').trimStart().startsWith(prefix)) {
      if (this.state !== 'header') this.readFooter(record.join(this.template.delimiter).trim(), line);
      return null;
    }
    const cells = record.map((cell) => this.clean(cell));
    if (cells.every((cell) => cell === '')) return null;
    switch (this.state) {
      case 'header':
        this.readHeader(cells, line);
        return null;
      case 'rows':
        if (this.template.summary && cells[0] === this.template.summary.marker) {
          this.summaryHeader = trimTrailingEmpty(cells);
          this.state = 'summary-values';
          return null;
        }
        if (this.footerStarted) throw new StatementInvalid(line, 'a data row after the footer lines');
        return this.readRow(cells, line);
      case 'summary-values':
        this.checkSummary(cells, line);
        this.state = 'done';
        return null;
      case 'done':
        throw new StatementInvalid(line, 'unexpected row after the summary');
    }
  }

  private checkText(record: string[], line: number): void {
    if (record.some((cell) => BINARY.test(cell)))
      throw new StatementInvalid(line, 'binary data, not text (is it a zip of another source?)');
    if (record.some((cell) => cell.includes(REPLACEMENT_CHARACTER))) {
      throw new StatementInvalid(
        line,
        this.template.encoding === 'utf8'
          ? 'not valid UTF-8 text (is the file GBK-encoded?)'
          : 'not valid GBK text',
      );
    }
  }

  /**
   * Reads a decimal cell at five decimals without BigInt when it fits (see `readUnits5`;
   * `this.fast` then holds it) and remembers it for the row's measures, so each amount
   * cell is parsed once. False: the caller uses the exact BigInt path.
   */
  private readFast(cells: string[], index: number): boolean {
    if (!readUnits5(cells[index] ?? '', this.fast)) return false;
    this.rowUnits[index] = this.fast.units;
    this.rowUnitsOf[index] = this.rowStamp;
    return true;
  }

  /** Call after the last record: rejects a file without header, summary or required footers. */
  finish(lastLine: number): StatementTotals {
    const line = Math.max(lastLine, 1);
    if (this.state === 'header') throw new StatementInvalid(line, 'no header row (empty file?)');
    for (const check of this.pendingChecks.splice(0)) check();
    const summary = this.template.summary;
    if (summary && this.state === 'summary-values')
      throw new StatementInvalid(line, 'the summary values row is missing (truncated file?)');
    if (summary?.required && !this.summarySeen)
      throw new StatementInvalid(line, `the summary rows (${summary.marker}…) are missing (truncated file?)`);
    this.template.footers.forEach((footer, i) => {
      if (footer.required && !this.footersSeen.has(i))
        throw new StatementInvalid(
          line,
          `the footer line ${footer.form ?? `matching /${footer.pattern}/`} is missing (truncated file?)`,
        );
    });
    return this.totals;
  }

  private clean(cell: string): string {
    const prefix = this.template.fieldPrefix;
    const trimmed = cell.trim();
    return prefix && trimmed.startsWith(prefix) ? trimmed.slice(prefix.length).trim() : trimmed;
  }

  private readHeader(cells: string[], line: number): void {
    this.header = trimTrailingEmpty(cells);
    this.headerLine = line;
    const present = new Set(this.header);
    const { variants } = this.template;
    if (variants.length > 0) {
      const variant = variants.find((v) => v.whenColumns.every((name) => present.has(name)));
      if (!variant) {
        throw new StatementInvalid(
          line,
          `the header matches no layout of ${this.template.name} (${variants
            .map((v) => `${v.name}: ${v.whenColumns.join('+')}`)
            .join('; ')}); is it the right file and encoding?`,
        );
      }
      this.variant = variant.name;
    }
    const missing: string[] = [];
    for (const [field, names] of Object.entries(this.template.columns) as [TargetField, string[]][]) {
      const column = this.find(names);
      if (column) this.columns.set(field, column);
      else if (this.template.requiredColumns.includes(field)) missing.push(names.join(' / '));
    }
    const kind = this.template.kind;
    if (kind.column) {
      this.kindColumn = this.find(kind.column);
      if (!this.kindColumn && !kind.default) missing.push(kind.column.join(' / '));
    }
    // A total the footers state is a statement about its column: without the column it
    // cannot be checked (it would only show as a sum that disagrees).
    for (const names of this.template.footers.flatMap((f) => f.groups.map((g) => g.column))) {
      const label = names?.join(' / ');
      if (names && label && !this.find(names) && !missing.includes(label)) missing.push(label);
    }
    if (missing.length > 0) throw new StatementInvalid(line, `missing column: ${missing.join(', ')}`);
    const measures = [
      ...(this.template.summary?.checks.map((c) => c.equals) ?? []),
      ...this.template.footers.flatMap((f) => f.groups),
      ...(this.template.summaryFile?.checks.map((c) => c.equals) ?? []),
    ];
    for (const measure of measures) {
      const key = measureKey(measure);
      if (!this.measures.has(key))
        this.measures.set(key, {
          measure,
          column: measure.column ? this.find(measure.column) : null,
          value: 0n,
          small: 0,
        });
    }
    this.state = 'rows';
  }

  private find(names: string[]): Column | null {
    for (const name of names) {
      const index = this.header.indexOf(name);
      if (index >= 0) return { index, name };
    }
    return null;
  }

  private readRow(cells: string[], line: number): StatementLineRow {
    const width = this.header.length;
    if (cells.length < width || cells.slice(width).some((cell) => cell !== '')) {
      throw new StatementInvalid(line, `expected ${width} fields, found ${trimTrailingEmpty(cells).length}`);
    }
    const text = (field: TargetField): string | null => {
      const column = this.columns.get(field);
      const value = column ? (cells[column.index] ?? '') : '';
      if (value === '') return null;
      const max = MAX_LENGTH[field];
      if (max !== undefined && value.length > max)
        throw new StatementInvalid(line, `${column?.name} is longer than ${max} characters`);
      return value;
    };
    this.rowStamp += 1;
    const money = (field: TargetField, parse: (t: string) => number): number | null => {
      const value = text(field);
      if (value === null) return null;
      const column = this.columns.get(field) as Column;
      if (this.readFast(cells, column.index)) {
        const { units, decimals } = this.fast;
        // The fee is rounded to the fen once; an amount has at most two decimals (exact).
        if (parse === parseFeeFen) return units5ToFen(units);
        if (decimals <= 2) return units / 1000;
      }
      try {
        return parse(value);
      } catch {
        throw new StatementInvalid(line, `${this.columns.get(field)?.name} "${value}" is not an amount`);
      }
    };

    const kind = this.kindOf(cells, line);
    const timeText = (kind === 'REFUND' ? text('refundTime') : null) ?? text('tradeTime');
    // Bills are in time order: many lines in a row share their second (one Date for them).
    if (timeText !== null && timeText !== this.lastTimeText) {
      this.lastTimeText = timeText;
      this.lastTime = this.parseTime(timeText);
    }
    const tradeTime = timeText === null ? null : this.lastTime;
    if (!tradeTime) {
      const name = this.columns.get('tradeTime')?.name ?? 'trade time';
      throw new StatementInvalid(
        line,
        timeText === null
          ? `${name} is empty`
          : `${name} "${timeText}" is not a time like ${this.template.timeFormat}`,
      );
    }
    const platformOrderNo = text('platformOrderNo');
    const transactionId = text('transactionId');
    if (!platformOrderNo && !transactionId)
      throw new StatementInvalid(line, 'neither an order number nor a transaction id');

    const amount = money('amount', parseAmountFen);
    const refundColumn = money('refundAmount', parseAmountFen);
    const chargedFee = money('fee', parseFeeFen) ?? 0;
    const fee = this.template.feeChargedAs === 'negative' ? -chargedFee : chargedFee;
    let lineAmount: number;
    let refundAmount: number;
    if (kind === 'REFUND') {
      const refunded = this.columns.has('refundAmount') ? refundColumn : amount;
      if (refunded === null) throw new StatementInvalid(line, 'a refund row without a refund amount');
      lineAmount = 0;
      refundAmount = Math.abs(refunded);
    } else {
      if (amount === null) throw new StatementInvalid(line, `${this.columns.get('amount')?.name} is empty`);
      if (amount < 0) throw new StatementInvalid(line, `a ${kind.toLowerCase()} row with a negative amount`);
      lineAmount = amount;
      refundAmount = Math.abs(refundColumn ?? 0);
    }

    this.measure(cells, kind, line);
    const t = this.totals;
    t.lineCount += 1;
    t.feeAmount += fee;
    if (kind === 'PAYMENT') {
      t.paymentCount += 1;
      t.paymentAmount += lineAmount;
    } else if (kind === 'REFUND') {
      t.refundCount += 1;
      t.refundAmount += refundAmount;
    }
    return {
      lineNo: line,
      kind,
      tradeTime,
      platformOrderNo,
      transactionId,
      refundNo: kind === 'REFUND' ? text('refundNo') : null,
      amount: lineAmount,
      refundAmount,
      fee,
      payer: text('payer'),
      device: text('device'),
      product: text('product')?.slice(0, PRODUCT_LENGTH) ?? null,
    };
  }

  private kindOf(cells: string[], line: number): LineKind {
    const { kind } = this.template;
    if (!this.kindColumn) return kind.default as LineKind;
    const value = cells[this.kindColumn.index] ?? '';
    const mapped = kind.values[value] ?? kind.default;
    if (!mapped) throw new StatementInvalid(line, `unknown ${this.kindColumn.name} "${value}"`);
    return mapped;
  }

  private measure(cells: string[], kind: LineKind, line: number): void {
    for (const m of this.measures.values()) {
      if (m.measure.kind && m.measure.kind !== kind) continue;
      if (m.measure.measure === 'count') {
        m.small += 1;
      } else if (m.column) {
        const index = m.column.index;
        const value = cells[index] ?? '';
        if (value === '') continue;
        if (this.rowUnitsOf[index] === this.rowStamp || this.readFast(cells, index)) {
          m.small += this.rowUnits[index] as number;
          if (m.small > SMALL_SUM_LIMIT || m.small < -SMALL_SUM_LIMIT) {
            m.value += BigInt(m.small);
            m.small = 0;
          }
          continue;
        }
        try {
          m.value += parseDecimalUnits(value, SUM_SCALE);
        } catch {
          throw new StatementInvalid(line, `${m.column.name} "${value}" is not an amount`);
        }
      }
    }
  }

  private figure(measure: Measure): bigint {
    const m = this.measures.get(measureKey(measure));
    return m ? m.value + BigInt(m.small) : 0n;
  }

  /**
   * Compares a total another part of the bill states (e.g. Alipay's summary file, at its
   * `line`) with the measure over the rows read. A sum over a column the header lacks is
   * refused as that missing column, at the header line.
   */
  compareTotal(measure: Measure, expectedText: string, label: string, line: number): void {
    if (this.state === 'header') throw new StatementInvalid(line, 'no header row (empty file?)');
    if (measure.column && !this.find(measure.column))
      throw new StatementInvalid(
        this.headerLine,
        `missing column: ${measure.column.join(' / ')} (${label} states its total)`,
      );
    this.compare(measure, expectedText, label, line);
  }

  private compare(measure: Measure, expectedText: string, label: string, line: number): void {
    const actual = this.figure(measure);
    let expected: bigint;
    try {
      expected =
        measure.measure === 'count'
          ? BigInt(/^\d{1,12}$/.test(expectedText) ? expectedText : 'x')
          : parseDecimalUnits(expectedText, SUM_SCALE);
    } catch {
      throw new StatementInvalid(line, `${label} "${expectedText}" is not a number`);
    }
    if (actual !== expected) {
      const count = measure.measure === 'count';
      throw new StatementInvalid(
        line,
        `${label} is ${expectedText} but the rows ${count ? 'number' : 'add up to'} ${count ? actual.toString() : formatMoney(actual)}`,
      );
    }
  }

  private checkSummary(cells: string[], line: number): void {
    const summary = this.template.summary;
    if (!summary) return;
    for (const check of summary.checks) {
      const name = check.column.find((n) => this.summaryHeader.includes(n));
      if (!name) continue;
      const value = cells[this.summaryHeader.indexOf(name)] ?? '';
      this.pendingChecks.push(() => this.compare(check.equals, value, `summary ${name}`, line));
    }
    this.summarySeen = true;
  }

  private readFooter(text: string, line: number): void {
    this.footerStarted = true;
    this.template.footers.forEach((footer, i) => {
      const match = new RegExp(footer.pattern, 'u').exec(text);
      if (!match) {
        if (footer.startsWith && text.startsWith(footer.startsWith))
          throw new StatementInvalid(
            line,
            `the footer "${text}" does not read like ${footer.form ?? `/${footer.pattern}/`}`,
          );
        return;
      }
      footer.groups.forEach((measure, g) => {
        const figure = match[g + 1] ?? '';
        this.pendingChecks.push(() =>
          this.compare(measure, figure, `footer "${text}" (figure ${g + 1})`, line),
        );
      });
      this.footersSeen.add(i);
    });
  }
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}

function measureKey(m: Measure): string {
  return JSON.stringify([m.measure, m.column ?? null, m.kind ?? null]);
}

/** A sum at five decimals for a message: two decimals when exact ("300.00"), else all five. */
function formatMoney(units: bigint): string {
  const full = formatUnits(units, SUM_SCALE);
  return full.endsWith('000') ? full.slice(0, -3) : full;
}

import { openStatementRecords } from './statement-source';
import { StatementInvalid, type StatementReader } from './statement-reader';
import type { StatementTemplate } from './statement-template';

/**
 * Checks the summary file a zip bill carries next to its detail file (Alipay's
 * `…业务明细(汇总).csv`, the template's `summaryFile`) against the detail rows `reader`
 * has read: the entry must be there, and its totals row (first cell starting with the
 * marker, e.g. `合计`) must agree, column by column (found by NAME), with the rows. A
 * problem is `StatementInvalid` at the summary file's line, its reason naming the file.
 * Does nothing for a template without a summary file.
 */
export async function checkSummaryFile(
  path: string,
  template: StatementTemplate,
  reader: StatementReader,
): Promise<void> {
  const spec = template.summaryFile;
  if (!spec) return;
  const records = await openStatementRecords(path, template, undefined, {
    pattern: spec.entry,
    role: 'summary file',
  });
  const file = records.entryName ?? 'the summary file';
  const invalid = (line: number, reason: string) => new StatementInvalid(line, `${file}: ${reason}`);
  const prefix = template.fieldPrefix;
  const clean = (cell: string) => {
    const trimmed = cell.trim();
    return prefix && trimmed.startsWith(prefix) ? trimmed.slice(prefix.length).trim() : trimmed;
  };

  let header: string[] | null = null;
  let headerLine = 0;
  let totalsLine = 0;
  let lastLine = 0;
  for await (const { record, line } of records) {
    lastLine = line;
    if (template.skipLinePrefix && (record[0] ?? '').trimStart().startsWith(template.skipLinePrefix))
      continue;
    const cells = record.map(clean);
    if (cells.every((cell) => cell === '')) continue;
    if (!header) {
      header = cells;
      headerLine = line;
      continue;
    }
    if (!(cells[0] ?? '').startsWith(spec.marker)) continue; // a store's row
    if (totalsLine > 0)
      throw invalid(line, `a second ${spec.marker} row (the first is at line ${totalsLine})`);
    totalsLine = line;
    for (const check of spec.checks) {
      const name = check.column.find((n) => header?.includes(n));
      if (!name) {
        if (check.required)
          throw invalid(
            headerLine,
            `missing column: ${check.column.join(' / ')} (header at line ${headerLine})`,
          );
        continue;
      }
      const value = cells[header.indexOf(name)] ?? '';
      reader.compareTotal(check.equals, value, `${file} ${spec.marker} ${name}`, line);
    }
  }
  if (!header) throw invalid(Math.max(lastLine, 1), 'no header row (empty file?)');
  if (totalsLine === 0)
    throw invalid(Math.max(lastLine, 1), `the ${spec.marker} row is missing (truncated file?)`);
}

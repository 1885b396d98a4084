import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, formatFen } from '@pay/common';
import {
  csvLine,
  discrepancyCsvFields,
  DISCREPANCY_CSV_HEADER,
  eachDiscrepancy,
} from '../modules/matching/result/discrepancy-export';
import { ISSUE_TEXT, ReconciliationIssue } from '../modules/matching/reconciliation-issue';
import { ReconciliationRun } from '../modules/run/reconciliation-run.entity';

export interface DiscrepanciesCommand {
  source?: string;
  /** An issue name: SHORTAGE, SURPLUS, … (any case). */
  issue?: string;
  runCode?: string;
  /** Only those not resolved yet. */
  open: boolean;
  /** CSV to this file, or `-` for stdout; absent: a listing. */
  csv?: string;
}

const ISSUE_NAMES = Object.keys(ReconciliationIssue).filter((k) => Number.isNaN(Number(k)));

/** An issue name as the graph spells it (SHORTAGE), else BAD_USER_INPUT naming the valid ones. */
export function parseIssue(name: string): ReconciliationIssue {
  const key = name.trim().toUpperCase();
  if (!ISSUE_NAMES.includes(key))
    throw new AppError('BAD_USER_INPUT', `unknown issue "${name}": one of ${ISSUE_NAMES.join(', ')}`, {
      argument: 'issue',
    });
  return ReconciliationIssue[key as keyof typeof ReconciliationIssue];
}

/**
 * `recon discrepancies`: the graph's `discrepancies` with the same filters, every page —
 * as a listing, or as CSV with a header row (amounts as yuan strings, exact). A file gets
 * a UTF-8 BOM so spreadsheet programs read the Chinese notes. Returns how many.
 */
export async function reconDiscrepancies(
  em: EntityManager,
  command: DiscrepanciesCommand,
  stdout: NodeJS.WritableStream,
  out: (text: string) => void,
): Promise<number> {
  const issue = command.issue ? parseIssue(command.issue) : null;
  if (command.runCode && !(await em.fork().findOne(ReconciliationRun, { code: command.runCode })))
    throw new AppError('NOT_FOUND', `no reconciliation run with code ${command.runCode}`, {
      argument: 'run',
    });
  const rows = eachDiscrepancy(em, {
    source: command.source ?? null,
    issue,
    runCode: command.runCode ?? null,
    resolved: command.open ? false : null,
  });
  let count = 0;
  if (command.csv === undefined) {
    for await (const row of rows) {
      const r = row.result;
      out(
        [
          r.code,
          row.runCode,
          r.source,
          `${ReconciliationIssue[r.issue]}(${ISSUE_TEXT[r.issue]})`,
          r.outTradeNo ?? r.transactionId ?? '-',
          formatFen(r.payMoney),
          r.resolved ? 'resolved' : 'open',
          r.note,
        ].join('  '),
      );
      count += 1;
    }
    out(`${count} discrepanc${count === 1 ? 'y' : 'ies'}`);
    return count;
  }
  const toFile = command.csv !== '-';
  const file = toFile ? await openForWriting(command.csv!) : null;
  const target: NodeJS.WritableStream = file?.createWriteStream() ?? stdout;
  // A write failure surfaces through `once` or `finished`, never as an unhandled event.
  if (file) target.on('error', () => undefined);
  const write = async (text: string) => {
    if (!target.write(text)) await once(target, 'drain');
  };
  await write(`${toFile ? '\uFEFF' : ''}${csvLine(DISCREPANCY_CSV_HEADER)}`);
  for await (const row of rows) {
    await write(csvLine(discrepancyCsvFields(row)));
    count += 1;
  }
  if (file) {
    target.end();
    await finished(target);
    out(`wrote ${count} discrepanc${count === 1 ? 'y' : 'ies'} to ${command.csv}`);
  }
  return count;
}

async function openForWriting(path: string) {
  try {
    return await open(path, 'w');
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `cannot write ${path}: ${(error as Error).message}`, {
      argument: 'csv',
    });
  }
}

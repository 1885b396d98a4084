import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import {
  configureLogger,
  formatFen,
  isAppError,
  loadConfigOrExit,
  openDatabase,
  toolDatabaseUrl,
} from '@pay/common';
import { loadReconciliationConfig } from './config';
import { reconDiscrepancies, type DiscrepanciesCommand } from './cli/recon-discrepancies';
import { reconRun, type RunCommand } from './cli/recon-run';
import { runDependencies, type RunDependencies } from './modules/run/run.service';
import { reconciliationEntities } from './db/entities';
import { reconciliationMigrations } from './db/migrations';
import { importStatement, type ImportProgress } from './modules/statement/statement.service';
import { StatementStore, statementDirOf } from './modules/statement/statement-store';
import { listSourceTemplates } from './modules/statement/statement-template.service';

const USAGE = `usage: npm run recon -- <command>

  import --source <source> --date <YYYY-MM-DD> [--person <name>] [--name <file name>] [--replace] FILE
      Import a channel statement file (wechat, alipay, sandbox-wechat, sandbox-alipay
      or a registered source) for a bill date. Importing the same file again is a no-op;
      a different file for a day that has one is refused unless --replace (the earlier
      statement is kept as history, no longer reconciled).
  sources
      List the statement sources, their templates and the payments they cover.
  run --source <source> --date <YYYY-MM-DD> [--to <YYYY-MM-DD>] [--remark <text>] [--person <name>]
      Reconcile a source over China days (--date to --to, inclusive; at most 31) and
      print the run's counts.
  discrepancies [--source <source>] [--issue SHORTAGE|SURPLUS|ABNORMAL|DOUBTFUL|REVERSED|REFUNDED]
                [--run <run code>] [--open] [--csv <FILE>|-]
      List discrepancies, newest first (--open: not resolved yet); --csv writes them as
      CSV with a header row (amounts in yuan) to FILE, or to stdout with -.

Refusals print "rejected (CODE): message" — the graph's error codes — and exit 1;
usage problems exit 2.

Uses DATABASE_URL, else the running demo's database (.data/demo-credentials.json),
else starts the embedded demo database.`;

export interface ReconCliOptions {
  databaseUrl: string;
  statementDir: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
  /** What `run` needs (matching settings, the channel to query); default: from the environment. */
  runDependencies?: RunDependencies;
}

/** Runs one CLI command against `databaseUrl`; returns the exit code. */
export async function runReconCli(argv: string[], options: ReconCliOptions): Promise<number> {
  const out = (text: string) => options.stdout.write(`${text}\n`);
  const err = (text: string) => options.stderr.write(`${text}\n`);
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.command === 'help') {
    out(USAGE);
    return 0;
  }
  const orm = await openDatabase({
    url: options.databaseUrl,
    schema: 'reconciliation',
    entities: reconciliationEntities,
    migrations: reconciliationMigrations,
    poolMax: 2,
  });
  try {
    if (parsed.command === 'sources') {
      for (const s of await listSourceTemplates(orm.em.fork())) {
        const covers = [...s.coverage.payTypes.map((t) => t.toUpperCase()), ...s.coverage.channelCodes];
        out(
          `${s.source.padEnd(20)} ${s.template.name}${s.builtIn ? ' (built in)' : ''}  covers ${covers.join(', ') || 'every payment'}`,
        );
      }
      return 0;
    }
    if (parsed.command === 'run' || parsed.command === 'discrepancies') {
      try {
        if (parsed.command === 'run') {
          const deps = options.runDependencies ?? runDependencies(loadReconciliationConfig());
          const run = await reconRun(orm.em.fork(), deps, parsed, out);
          return run.status === 'DONE' ? 0 : 1;
        }
        // With CSV on stdout, messages go to stderr.
        await reconDiscrepancies(orm.em.fork(), parsed, options.stdout, parsed.csv === '-' ? err : out);
        return 0;
      } catch (error) {
        return reportError(error, err);
      }
    }
    const { file, source, date, person, name, replace } = parsed;
    const size = (await stat(file)).size;
    const bar = options.progress
      ? new SingleBar({
          stream: options.stderr,
          format: ' {phase} [{bar}] {percentage}% | {value}/{total} bytes',
          hideCursor: true,
          clearOnComplete: true,
        })
      : null;
    let phase: ImportProgress['phase'] | null = null;
    const onProgress = (p: ImportProgress) => {
      if (!bar) return;
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total ?? size, 0, { phase: p.phase === 'store' ? 'storing  ' : 'importing' });
      }
      bar.update(p.bytes);
    };
    try {
      const { statement, created, replaced } = await importStatement(
        orm.em.fork(),
        new StatementStore(options.statementDir),
        {
          source,
          billDate: date,
          fileName: name ?? basename(file),
          person,
          stream: createReadStream(file),
          size,
          replace,
          onProgress,
        },
      );
      bar?.stop();
      out(
        created
          ? `imported statement ${statement.id}`
          : replaced
            ? `statement ${statement.id} (imported before) is current again`
            : `already imported as statement ${statement.id}: nothing changed`,
      );
      if (replaced) out(`  replaces   statement ${replaced.id} (${replaced.fileName}), kept as history`);
      out(`  source     ${statement.source} (${statement.template})`);
      out(`  bill date  ${statement.billDate}`);
      out(`  file       ${statement.fileName} (sha256 ${statement.contentHash})`);
      out(`  lines      ${statement.lineCount}`);
      out(`  payments   ${statement.paymentCount}, ${formatFen(statement.paymentAmount)}`);
      out(`  refunds    ${statement.refundCount}, ${formatFen(statement.refundAmount)}`);
      out(`  fees       ${formatFen(statement.feeAmount)}`);
      return 0;
    } catch (error) {
      bar?.stop();
      if (isAppError(error)) {
        err(`rejected (${error.code}): ${error.message}`);
        if (error.code === 'STATEMENT_EXISTS')
          err('  add --replace to replace it (the earlier statement is kept as history)');
        return 1;
      }
      throw error;
    }
  } finally {
    await orm.close(true);
  }
}

/** A refusal as the graph words it (its code and message); anything else as an internal failure. */
function reportError(error: unknown, err: (text: string) => void): number {
  if (isAppError(error)) err(`rejected (${error.code}): ${error.message}`);
  else err(`failed (INTERNAL_SERVER_ERROR): ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

type Command =
  | { command: 'help' }
  | { command: 'sources' }
  | ({ command: 'run' } & RunCommand)
  | ({ command: 'discrepancies' } & DiscrepanciesCommand)
  | {
      command: 'import';
      file: string;
      source: string;
      date: string;
      person: string;
      name?: string;
      replace: boolean;
    };

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      date: { type: 'string' },
      person: { type: 'string' },
      name: { type: 'string' },
      replace: { type: 'boolean' },
      to: { type: 'string' },
      remark: { type: 'string' },
      issue: { type: 'string' },
      run: { type: 'string' },
      open: { type: 'boolean' },
      csv: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') return { command: 'help' };
  if (command === 'sources') return { command: 'sources' };
  const person = values.person ?? `cli:${userInfo().username}`;
  if (command === 'run') {
    if (!values.source) throw new Error('--source is required');
    if (!values.date) throw new Error('--date is required');
    if (rest.length > 0) throw new Error(`unexpected argument: ${rest[0]}`);
    return {
      command,
      source: values.source,
      date: values.date,
      to: values.to,
      remark: values.remark,
      person,
    };
  }
  if (command === 'discrepancies') {
    if (rest.length > 0) throw new Error(`unexpected argument: ${rest[0]}`);
    return {
      command,
      source: values.source,
      issue: values.issue,
      runCode: values.run,
      open: values.open ?? false,
      csv: values.csv,
    };
  }
  if (command !== 'import') throw new Error(`unknown command "${command}"`);
  if (!values.source) throw new Error('--source is required');
  if (!values.date) throw new Error('--date is required');
  if (rest.length !== 1) throw new Error('give exactly one FILE');
  const file = rest[0] as string;
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  return {
    command: 'import',
    file,
    source: values.source,
    date: values.date,
    person,
    name: values.name,
    replace: values.replace ?? false,
  };
}

/**
 * `npm run recon -- import|sources|run|discrepancies …`: DATABASE_URL, else
 * the running demo's database, else the embedded demo database started for the command.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadReconciliationConfig());
  configureLogger({ service: 'recon-cli', level: 'warn' });
  const argv = process.argv.slice(2);
  const io = {
    statementDir: statementDirOf(config),
    runDependencies: runDependencies(config),
    stdout: process.stdout,
    stderr: process.stderr,
    progress: Boolean(process.stderr.isTTY),
  };
  // Usage problems and help need no database.
  let needsDatabase = false;
  try {
    needsDatabase = parseCommand(argv).command !== 'help';
  } catch {
    needsDatabase = false;
  }
  if (!needsDatabase) {
    process.exitCode = await runReconCli(argv, { ...io, databaseUrl: '' });
    return;
  }
  const database = await toolDatabaseUrl(config.db.url);
  try {
    process.exitCode = await runReconCli(argv, { ...io, databaseUrl: database.url });
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`recon failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}

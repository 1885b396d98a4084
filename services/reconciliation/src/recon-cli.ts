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
import { reconciliationEntities } from './db/entities';
import { reconciliationMigrations } from './db/migrations';
import { importStatement, type ImportProgress } from './modules/statement/statement.service';
import { StatementStore, statementDirOf } from './modules/statement/statement-store';
import { listSourceTemplates } from './modules/statement/statement-template.service';

const USAGE = `usage: npm run recon -- <command>

  import --source <source> --date <YYYY-MM-DD> [--person <name>] [--name <file name>] FILE
      Import a channel statement file (wechat, alipay, sandbox-wechat, sandbox-alipay
      or a registered source) for a bill date. Importing the same file again is a no-op.
  sources
      List the statement sources and their templates.

Uses DATABASE_URL, else the running demo's database (.data/demo-credentials.json),
else starts the embedded demo database.`;

export interface ReconCliOptions {
  databaseUrl: string;
  statementDir: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
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
        out(`${s.source.padEnd(20)} ${s.template.name}${s.builtIn ? ' (built in)' : ''}`);
      }
      return 0;
    }
    const { file, source, date, person, name } = parsed;
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
      const { statement, created } = await importStatement(
        orm.em.fork(),
        new StatementStore(options.statementDir),
        {
          source,
          billDate: date,
          fileName: name ?? basename(file),
          person,
          stream: createReadStream(file),
          size,
          onProgress,
        },
      );
      bar?.stop();
      out(
        created
          ? `imported statement ${statement.id}`
          : `already imported as statement ${statement.id}: nothing changed`,
      );
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
        return 1;
      }
      throw error;
    }
  } finally {
    await orm.close(true);
  }
}

type Command =
  | { command: 'help' }
  | { command: 'sources' }
  | { command: 'import'; file: string; source: string; date: string; person: string; name?: string };

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      date: { type: 'string' },
      person: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') return { command: 'help' };
  if (command === 'sources') return { command: 'sources' };
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
    person: values.person ?? `cli:${userInfo().username}`,
    name: values.name,
  };
}

/**
 * `npm run recon -- import --source wechat --date 2025-11-16 FILE`: DATABASE_URL, else
 * the running demo's database, else the embedded demo database started for the command.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadReconciliationConfig());
  configureLogger({ service: 'recon-cli', level: 'warn' });
  const argv = process.argv.slice(2);
  const io = {
    statementDir: statementDirOf(config),
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

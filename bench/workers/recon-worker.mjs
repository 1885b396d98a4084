// Child process of bench/reconciliation.mjs: the reconciliation service's own code in a
// process of its own, so its memory is measured alone. Imports one statement file
// through the real ingestion path (importStatement: content-addressed store, template,
// csv-parse, COPY), then runs one reconciliation over the statement's day
// (startReconciliationRun), and prints one JSON object per line on stdout:
//   {"phase":"import-start"} … {"phase":"import-done",…} … {"phase":"run-done",…}
// Arguments come as one JSON object in RECON_WORKER_INPUT:
//   { url, file, statementDir, source, billDate, periodStart, periodEnd, importOnly? }
// With `importOnly` it stops after the import (the bench's second, smaller file: the
// import's peak memory at another size, in a process of its own).
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const recon = require(join(root, 'services/reconciliation/dist/index-lib.js'));
const { importStatement } = require(
  join(root, 'services/reconciliation/dist/modules/statement/statement.service.js'),
);
const { StatementStore } = require(
  join(root, 'services/reconciliation/dist/modules/statement/statement-store.js'),
);
const { startReconciliationRun } = require(
  join(root, 'services/reconciliation/dist/modules/run/run.service.js'),
);

const input = JSON.parse(process.env.RECON_WORKER_INPUT ?? '{}');
const emit = (object) => process.stdout.write(`${JSON.stringify(object)}\n`);

/** Peak resident set size of this process so far (VmHWM), in kB. */
function peakRssKb() {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : null;
}

/** Resets VmHWM to the current RSS (Linux clear_refs 5), so the next phase's peak is its own. */
function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  common.configureLogger({ service: 'recon-bench-worker', level: 'warn' });
  const config = recon.loadReconciliationConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  const orm = await common.openDatabase({
    url: input.url,
    schema: 'reconciliation',
    entities: recon.reconciliationEntities,
    migrations: recon.reconciliationMigrations,
    poolMax: 4,
  });
  try {
    // Per-statement timings of the run (knex query events), to show where the run's time goes.
    const knex = orm.em.getConnection().getKnex();
    const started = new Map();
    const statements = [];
    let recording = false;
    knex.on('query', (q) => {
      if (recording) started.set(q.__knexQueryUid, performance.now());
    });
    knex.on('query-response', (_response, q) => {
      const t = started.get(q.__knexQueryUid);
      if (t === undefined) return;
      started.delete(q.__knexQueryUid);
      statements.push({ sql: q.sql.replace(/\s+/g, ' ').trim().slice(0, 90), ms: performance.now() - t });
    });

    const size = (await stat(input.file)).size;
    const baseline = peakRssKb();
    emit({ phase: 'import-start', rssKb: baseline });
    const importStarted = performance.now();
    let storeDoneAt = null;
    const { statement, created } = await importStatement(
      orm.em.fork(),
      new StatementStore(input.statementDir),
      {
        source: input.source,
        billDate: input.billDate,
        fileName: basename(input.file),
        person: 'bench',
        stream: createReadStream(input.file),
        size,
        onProgress: (p) => {
          if (p.phase === 'import' && storeDoneAt === null) storeDoneAt = performance.now();
        },
      },
    );
    const importSeconds = (performance.now() - importStarted) / 1000;
    const importPeakKb = peakRssKb();
    emit({
      phase: 'import-done',
      created,
      statementId: Number(statement.id),
      template: statement.template,
      lineCount: statement.lineCount,
      paymentCount: statement.paymentCount,
      refundCount: statement.refundCount,
      importSeconds,
      storeSeconds: storeDoneAt === null ? null : (storeDoneAt - importStarted) / 1000,
      peakRssKb: importPeakKb,
    });

    if (input.importOnly) return;
    const reset = resetPeakRss();
    recording = true;
    const runStarted = performance.now();
    const run = await startReconciliationRun(
      orm.em.fork(),
      { matching: config.matching, channel: null },
      {
        source: input.source,
        periodStart: new Date(input.periodStart),
        periodEnd: new Date(input.periodEnd),
        person: 'bench',
        remark: 'bench/reconciliation.mjs',
      },
    );
    const runSeconds = (performance.now() - runStarted) / 1000;
    recording = false;
    emit({
      phase: 'run-done',
      runId: Number(run.id),
      status: run.status,
      lineCount: run.lineCount,
      statementLineCount: run.statementLineCount,
      matchedCount: run.matchedCount,
      abnormalCount: run.abnormalCount,
      doubtfulCount: run.doubtfulCount,
      runSeconds,
      // With the reset, the run's own peak; without it, the process's peak so far.
      runPeakRssKb: peakRssKb(),
      runPeakIsOwn: reset,
      processPeakKb: Math.max(importPeakKb ?? 0, peakRssKb() ?? 0),
      maxRssKb: process.resourceUsage().maxRSS,
      statements,
    });
  } finally {
    await orm.close(true);
  }
}

main().catch((error) => {
  process.stderr.write(`recon worker failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});

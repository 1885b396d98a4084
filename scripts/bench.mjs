// `npm run bench`: runs every benchmark in bench/, prints each figure as
// `name: value unit`, and ends with a one-line summary. Figures, never assertions.
//
//   npm run bench                      every bench at its real size
//   npm run bench -- reconciliation    only the benches whose file name contains the word
//   npm run bench -- --quick           every bench at a small size (CI: proves they run)
//
// One bench failing does not stop the others: its error is printed, the rest run, and
// the process exits non-zero at the end, so a broken bench cannot hide the later ones.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Small sizes for `--quick`: the same code paths in well under two minutes altogether.
 * An explicit environment value still wins.
 */
const QUICK_SIZES = {
  BENCH_RECON_ORDERS: '20000',
  BENCH_SETTLEMENT_ORDERS: '5000',
  BENCH_SETTLEMENT_MERCHANTS: '100',
  BENCH_CLIENTS: '8',
  BENCH_POSTINGS: '400',
  BENCH_WITHDRAWALS: '200',
  BENCH_REQUESTS: '60',
  BENCH_CONCURRENCY: '4',
  BENCH_PAYMENTS: '100',
};

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => !a.startsWith('--'));
if (quick) {
  for (const [name, value] of Object.entries(QUICK_SIZES)) process.env[name] ??= value;
  process.stdout.write('bench_mode: quick (small sizes; figures show the benches run, not the targets)\n');
}

const summaries = [];
const failures = [];
for (const file of readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const name = file.replace(/\.mjs$/, '');
  process.stdout.write(`# ${file}\n`);
  const started = Date.now();
  try {
    const { run } = await import(pathToFileURL(join(benchDir, file)).href);
    summaries.push(await run({ print: (line) => process.stdout.write(`${line}\n`) }));
  } catch (error) {
    failures.push(name);
    process.stdout.write(`${name}_failed: yes\n`);
    process.stderr.write(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
    );
  }
  process.stdout.write(`${name}_duration: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`summary: ${summaries.join('; ')}\n`);
if (failures.length > 0) {
  process.stdout.write(`bench_failures: ${failures.length} (${failures.join(', ')})\n`);
  process.exit(1);
}

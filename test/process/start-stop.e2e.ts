// `npm start` as a user runs it: the real start script (scripts/start.mjs through the npm
// script's own shell command) starting every service as its own process, then stopped
// in each way a user or a crash can stop it. The build step is left out (the test run
// has built everything already, and a build here would take a minute), and so is the
// demo world (DEMO_DATA=off: no seeded demo days, no demo world, no live traffic).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, signJwt, TEST_ACTORS } from '@pay/common';
import { loadGatewayConfig } from '@pay/gateway';

const ROOT = join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** /proc/<pid>/stat: parent pid and state (Z: a zombie, as good as gone). */
function procStat(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state };
  } catch {
    return null;
  }
}

const running = (pid: number) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
};

/** The processes whose parent is `parent` and whose command line matches `command`. */
function childrenOf(parent: number, command: RegExp): number[] {
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

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Started {
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
async function startPlatform(databaseUrl: string, { detached = false } = {}): Promise<Started> {
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  expect(script).toMatch(/^turbo run build && /);
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
    env: { ...process.env, ...ports, DATABASE_URL: databaseUrl, DEMO_DATA: 'off', LOG_LEVEL: 'warn' },
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

/** The value of `graphql_operations_total{…}` for an operation name and outcome (0 when absent). */
async function operationCount(metricsUrl: string, operation: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('graphql_operations_total{') &&
        l.includes('type="query"') &&
        l.includes(`operation="${operation}"`) &&
        l.includes('outcome="success"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

/** How long the platform may take to come up (see startPlatform). */
const STARTUP_MS = 100_000;
jest.setTimeout(STARTUP_MS + 60_000);

describe('npm start stops everything, however it is stopped', () => {
  let db: { url: string; drop: () => Promise<void> };
  const leftovers: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const pid of leftovers) if (running(pid)) process.kill(pid, 'SIGKILL');
    await db.drop();
  });

  it('a SIGINT (Ctrl-C) to the npm script process stops every service; /metrics is internal', async () => {
    const started = await startPlatform(db.url);
    leftovers.push(...started.services, started.start);
    expect(started.services).toHaveLength(5);

    // The public port does not serve metrics; the internal listener does, and counts operations.
    const publicMetrics = await fetch(`${started.gatewayUrl}/metrics`);
    expect(await publicMetrics.text()).not.toContain('# TYPE');
    const before = await operationCount(started.metrics.gateway, 'ProcessChannels');
    const ordersBefore = await operationCount(started.metrics.orders, 'ProcessChannels__orders__0');
    const config = loadGatewayConfig({});
    const token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    const response = await fetch(`${started.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query ProcessChannels { channels { code } }' }),
    });
    expect(await response.json()).toEqual({ data: { channels: [] } });
    expect(await operationCount(started.metrics.gateway, 'ProcessChannels')).toBe(before + 1);
    // The gateway names its fetch from the orders subgraph after the operation.
    expect(await operationCount(started.metrics.orders, 'ProcessChannels__orders__0')).toBe(ordersBefore + 1);

    started.shell.kill('SIGINT');
    await waitFor(
      'the start script and every service to exit',
      () => started.shell.exitCode !== null && started.services.every((pid) => !running(pid)),
      20_000,
    );
    expect(started.shell.exitCode).toBe(0);
  });

  it('the death of whatever started the start script (SIGKILL) stops everything', async () => {
    const started = await startPlatform(db.url, { detached: true });
    leftovers.push(...started.services, started.start);
    expect(started.services).toHaveLength(5);
    started.shell.kill('SIGKILL');
    await waitFor(
      'the start script and every service to exit',
      () => [started.start, ...started.services].every((pid) => !running(pid)),
      20_000,
    );
  });

  it('SIGKILL of the start script stops every service within seconds', async () => {
    const started = await startPlatform(db.url);
    leftovers.push(...started.services);
    expect(started.services).toHaveLength(5);
    started.shell.kill('SIGKILL');
    await waitFor('every service to exit', () => started.services.every((pid) => !running(pid)), 12_000);
  });
});

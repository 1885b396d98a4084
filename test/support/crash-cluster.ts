// The platform as `npm start` runs it — every subgraph and the gateway as its own Node
// process from its built dist/ — for tests that kill processes (test/crash/). Each
// service keeps its port across restarts, so the others find it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export type ServiceName = 'ledger' | 'reconciliation' | 'orders' | 'settlement' | 'gateway';

export interface ServiceSpec {
  name: ServiceName;
  /** Entry point relative to the repository root, e.g. services/ledger/dist/index.js. */
  script: string;
  port: number;
  env: Record<string, string>;
}

/** Polls `url` until it answers 2xx, or fails after `timeoutMs`. */
export async function waitReady(url: string, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

interface Running {
  spec: ServiceSpec;
  child: ChildProcess;
}

/**
 * Real service processes that can be SIGKILLed and restarted. Output is kept (the last
 * lines per service) for a failing test's message rather than printed.
 */
export class CrashCluster {
  private readonly running = new Map<ServiceName, Running>();
  private readonly specs = new Map<ServiceName, ServiceSpec>();
  private readonly output: string[] = [];
  private readonly onParentExit = () => {
    for (const { child } of this.running.values()) child.kill('SIGKILL');
  };

  constructor() {
    // A crashed jest worker must not leave services behind holding the database.
    process.once('exit', this.onParentExit);
  }

  url(name: ServiceName): string {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`${name} was never started`);
    return `http://127.0.0.1:${spec.port}`;
  }

  /** Starts (or restarts) a service and waits until its /ready answers. */
  async start(spec: ServiceSpec, timeoutMs = 30_000): Promise<void> {
    this.specs.set(spec.name, spec);
    const child = spawn(process.execPath, [join(ROOT, spec.script)], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        this.note(`[${spec.name}] ${line.slice(0, 400)}`);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => this.note(`[${spec.name}] exited (code ${code}, signal ${signal})`));
    this.running.set(spec.name, { spec, child });
    this.note(`[${spec.name}] started (pid ${child.pid})`);
    await waitReady(`${this.url(spec.name)}/ready`, spec.name, timeoutMs);
    this.note(`[${spec.name}] ready`);
  }

  /** Waits until a running service answers /ready again (after a database cut, say). */
  async ready(name: ServiceName, timeoutMs = 30_000): Promise<void> {
    await waitReady(`${this.url(name)}/ready`, name, timeoutMs);
  }

  /** SIGKILL: no graceful stop, no flush, open transactions die with the connections. */
  async kill(name: ServiceName): Promise<void> {
    const entry = this.running.get(name);
    if (!entry) return;
    this.running.delete(name);
    await exited(entry.child, 'SIGKILL');
  }

  async restart(name: ServiceName): Promise<void> {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`${name} was never started`);
    await this.start(spec);
  }

  /** Stops everything (SIGTERM, then SIGKILL after a grace period), gateway first. */
  async stopAll(): Promise<void> {
    const order: ServiceName[] = ['gateway', 'settlement', 'orders', 'reconciliation', 'ledger'];
    for (const name of order) {
      const entry = this.running.get(name);
      if (!entry) continue;
      this.running.delete(name);
      await exited(entry.child, 'SIGTERM', 5000);
    }
    process.removeListener('exit', this.onParentExit);
  }

  /** Adds a line to the kept output (and prints it when CRASH_TEST_TRACE is set). */
  note(line: string): void {
    const stamped = `${new Date().toISOString().slice(11, 23)} ${line}`;
    this.output.push(stamped);
    if (this.output.length > 4000) this.output.shift();
    if (process.env.CRASH_TEST_TRACE) process.stderr.write(`${stamped}\n`);
  }

  /**
   * The services' recent output, for a failure message: the last lines overall, then
   * each service's own last lines and its starts and exits (one chatty service must not
   * hide why another one stopped answering).
   */
  recentOutput(lines = 60, perService = 15): string {
    const sections = [this.output.slice(-lines).join('\n')];
    for (const name of this.specs.keys()) {
      const own = this.output.filter((line) => line.includes(`[${name}] `));
      const lifecycle = own.filter((line) => / (started|exited) \(/.test(line));
      const tail = own.slice(-perService).filter((line) => !lifecycle.includes(line));
      sections.push(`── ${name} ──\n${[...lifecycle, ...tail].join('\n')}`);
    }
    return sections.join('\n\n');
  }
}

function exited(child: ChildProcess, signal: NodeJS.Signals, graceMs = 0): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    if (graceMs > 0) setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

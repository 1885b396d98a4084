// Child-process helpers shared by `npm start` and `npm run bench`: every service runs
// as its own Node process and is talked to over real HTTP.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts `script` (relative to `root`) with extra env; output is prefixed with `[name]`.
 * The child gets an IPC channel: services stop when it closes (see `stopOnSignals` in
 * @pay/common), so they never outlive this process, however it ends — SIGKILL included.
 * Its internal metrics listener (`<NAME>_METRICS_PORT`) takes any free port unless `env`
 * or this process's environment names one, so parallel runs never collide on it.
 */
export function startService(root, name, script, env, { quiet = false, onExit } = {}) {
  const metricsPort = `${name.toUpperCase()}_METRICS_PORT`;
  const child = spawn(process.execPath, [join(root, script)], {
    env: { [metricsPort]: '0', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Nothing is sent over the channel; it must not keep this process alive on its own.
  child.channel?.unref();
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout.on('data', (chunk) => quiet || process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  if (onExit) child.on('exit', onExit);
  return child;
}

/** Polls `url` until it answers 2xx. */
export async function waitReady(url, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become ready at ${url}`);
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the child has exited. */
export function stopChild(child, graceMs = 8000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

/** Gateway rate limits for benches: counted as in production, high enough never to refuse the load a bench sends. */
export const BENCH_RATE_LIMITS = {
  RATE_LIMIT_PER_MERCHANT: '100000000',
  RATE_LIMIT_PER_IP: '100000000',
  RATE_LIMIT_PER_ACTOR: '100000000',
};

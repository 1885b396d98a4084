import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real Chromium from npm: @sparticuz/chromium ships one compressed in the package and
 * unpacks it on first use; playwright-core drives it. The package is ESM-only, which jest
 * on Node 20 cannot load, so a short-lived Node process asks it for the path and flags.
 */
function chromiumFromNpm(): { path: string; args: string[] } {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => process.stdout.write(JSON.stringify({ path: await c.executablePath(), args: c.args })))";
  // Jest's two workers may both ask first: one would start the binary while the other
  // still writes it (spawn ETXTBSY). One at a time, so the second finds it unpacked.
  return whileHoldingLock(
    join(tmpdir(), 'payoffice-chromium-unpack.lock'),
    () =>
      JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8' })) as {
        path: string;
        args: string[];
      },
  );
}

/** A lock between processes: a directory only one can create; one left by a dead process expires. */
function whileHoldingLock<T>(lock: string, work: () => T): T {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const started = Date.now(); ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000 || Date.now() - started > 180_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(sleeper, 0, 0, 100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Headless Chromium as root on a machine without outside network (flags from the machine's notes). */
export async function launchBrowser(): Promise<Browser> {
  const { path, args } = chromiumFromNpm();
  return chromium.launch({
    executablePath: path,
    headless: true,
    args: [
      ...args.filter((a) => a !== '--single-process'),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in on the console's demo sign-in page as one of the demo identities. */
export async function signInAs(page: Page, consoleUrl: string, identity: string): Promise<void> {
  await page.goto(`${consoleUrl}/`);
  await page.locator(`[data-identity="${identity}"]`).click();
  await page.getByTestId('role').waitFor();
}

export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** A screenshot of the page for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

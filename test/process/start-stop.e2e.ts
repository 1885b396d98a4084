// `npm start` as a user runs it: the real start script (scripts/start.mjs through the npm
// script's own shell command) starting every service as its own process, then stopped
// in each way a user or a crash can stop it. The build step is left out (the test run
// has built everything already, and a build here would take a minute), and so is the
// demo world (DEMO_DATA=off: no seeded demo days, no demo world, no live traffic).
import { createTestDatabase, signJwt, TEST_ACTORS } from '@pay/common';
import { loadGatewayConfig } from '@pay/gateway';
import { running, startPlatform, STARTUP_MS, waitFor } from '../support/npm-start';

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
    const ordersBefore = await operationCount(started.metrics.orders, 'ProcessChannels');
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
    // A query orders answers whole reaches it as the client sent it, operation name and all.
    expect(await operationCount(started.metrics.orders, 'ProcessChannels')).toBe(ordersBefore + 1);

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

// Benchmark: the REST compatibility shim. `/orders` and `/balance` of the legacy merchant
// API (form POST, MD5-signed) through the gateway's shim, against the same named GraphQL
// operation (the shim's own `.graphql` document) sent to the gateway's `/graphql` with a
// MERCHANT token, in one run on the same processes. The shim adds the signature check
// (one call to the orders service) and the envelope. Figures, never assertions.
//
// `rest_shim_over_graphql_p50_ratio` is the worse of the two p50 ratios, printed beside
// each side's p50, and each side's CPU per request of the gateway, orders, the ledger and
// the whole machine (`<side>_cpu_per_request_<process>`): at 8 clients on two cores the
// p50 follows the machine's CPU per request, so these show where the shim's extra goes. The two sides are measured in alternating rounds (shim, GraphQL,
// GraphQL, shim, …) so that load from other processes falls on both alike.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';
import { cpuMsOf } from '../scripts/lib/process-cpu.mjs';
import { BENCH_RATE_LIMITS, startService, stopChild, waitReady } from '../scripts/lib/processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const orders = require(join(root, 'services/orders/dist/index-lib.js'));
const { createOrder } = require(join(root, 'services/orders/dist/modules/order/order.service.js'));

const MERCHANT = { id: 2024164, key: 'key-2024164-demo' };
const { loadRestOperations } = require(join(root, 'gateway/dist/rest/graphql-documents.js'));
/** The shim's own operation, with the shared fragments it spreads, as the shim sends it. */
const restOperations = loadRestOperations(join(root, 'gateway/dist/rest'));
const documentOf = (name) => {
  const operation = restOperations.get(name);
  if (!operation) throw new Error(`no REST operation ${name}`);
  return operation.source;
};

/** merchant-api.md §1, written out here as a client would. */
function sign(params, secret) {
  const text = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '' && params[k] !== null && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5').update(`${text}&key=${secret}`).digest('hex').toUpperCase();
}

async function measure(send, { requests, concurrency }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t = performance.now();
        await send();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: pct(50), p95: pct(95), rps: requests / seconds, latencies, seconds };
}

async function expectOk(response, check) {
  const body = await response.json();
  if (!check(body)) throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
}

/**
 * Both sides in alternating rounds, each side's rounds pooled into one figure, with the
 * CPU time each process in `pids` used per request on that side.
 */
async function measureInterleaved(a, b, { requests, concurrency, rounds = 6, pids = {} }) {
  const perRound = Math.max(concurrency, Math.ceil(requests / rounds));
  const pooled = [
    { latencies: [], seconds: 0, cpuMs: {} },
    { latencies: [], seconds: 0, cpuMs: {} },
  ];
  for (let round = 0; round < rounds; round += 1) {
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const cpuBefore = cpuMsOf(pids);
      const m = await measure([a, b][i], { requests: perRound, concurrency });
      for (const [name, ms] of Object.entries(cpuMsOf(pids)))
        pooled[i].cpuMs[name] = (pooled[i].cpuMs[name] ?? 0) + ms - cpuBefore[name];
      pooled[i].latencies.push(...m.latencies);
      pooled[i].seconds += m.seconds;
    }
  }
  return pooled.map(({ latencies, seconds, cpuMs }) => {
    latencies.sort((x, y) => x - y);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const cpuPerRequest = Object.fromEntries(
      Object.entries(cpuMs).map(([name, ms]) => [name, ms / latencies.length]),
    );
    return { p50: pct(50), p95: pct(95), rps: latencies.length / seconds, cpuPerRequest };
  });
}

export async function run({ print }) {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_rest_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = common.withDatabase(adminUrl, name);
  const children = [];
  try {
    const orm = await common.openDatabase({
      url,
      schema: 'orders',
      entities: orders.ordersEntities,
      migrations: orders.ordersMigrations,
    });
    await orders.buildStandardWorld(orm.em.fork());
    for (let i = 0; i < 60; i += 1) {
      await createOrder(orm.em.fork(), {
        merchantId: MERCHANT.id,
        amount: `${10 + (i % 50)}.00`,
        requestIp: '127.0.0.1',
        actor: { sub: 'bench', role: 'OPERATOR' },
      });
    }
    await orm.close(true);

    const [ordersPort, ledgerPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const quiet = { quiet: true };
    const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
    children.push(
      startService(
        root,
        'orders',
        'services/orders/dist/index.js',
        { ...env, ORDERS_PORT: String(ordersPort), OUTBOX_INTERVAL_MS: '60000' },
        quiet,
      ),
    );
    await waitReady(`http://127.0.0.1:${ordersPort}/ready`, 'orders');
    children.push(
      startService(
        root,
        'ledger',
        'services/ledger/dist/index.js',
        { ...env, LEDGER_PORT: String(ledgerPort) },
        quiet,
      ),
    );
    await waitReady(`http://127.0.0.1:${ledgerPort}/ready`, 'ledger');
    children.push(
      startService(
        root,
        'gateway',
        'gateway/dist/index.js',
        {
          LOG_LEVEL: 'warn',
          ORDERS_URL: `http://127.0.0.1:${ordersPort}/graphql`,
          LEDGER_URL: `http://127.0.0.1:${ledgerPort}/graphql`,
          GATEWAY_PORT: String(gatewayPort),
          // Limits still counted on every request, set above what the bench sends in a window.
          ...BENCH_RATE_LIMITS,
        },
        quiet,
      ),
    );
    // Only orders and ledger run here: /ready would wait for every subgraph.
    await waitReady(`http://127.0.0.1:${gatewayPort}/health`, 'gateway');

    const [ordersChild, ledgerChild, gatewayChild] = children;
    const pids = { gateway: gatewayChild.pid, orders: ordersChild.pid, ledger: ledgerChild.pid };
    const gatewayConfig = require(join(root, 'gateway/dist/index-lib.js')).loadGatewayConfig({});
    const token = common.signJwt(
      { sub: `merchant:${MERCHANT.id}`, role: 'MERCHANT', merchantId: MERCHANT.id },
      { secret: gatewayConfig.auth.jwtSecret, issuer: gatewayConfig.auth.jwtIssuer },
    );
    const base = `http://127.0.0.1:${gatewayPort}`;
    const cases = [
      {
        name: 'orders',
        rest: { path: '/orders', params: { page: 1, page_size: 20 } },
        graphql: {
          query: documentOf('MerchantApiOrders'),
          operationName: 'MerchantApiOrders',
          variables: { filter: {}, page: 1, pageSize: 20 },
        },
        ok: (body) => body.code === 0 || Array.isArray(body.data?.orders?.nodes),
      },
      {
        name: 'balance',
        rest: { path: '/balance', params: {} },
        graphql: {
          query: documentOf('MerchantApiBalance'),
          operationName: 'MerchantApiBalance',
          variables: { merchantId: MERCHANT.id, historyDays: 1 },
        },
        ok: (body) => body.code === 0 || body.data?.merchant?.balance,
      },
    ];
    const options = {
      requests: Number(process.env.BENCH_REQUESTS ?? 800),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
    };
    const ratios = [];
    let worst = 0;
    for (const c of cases) {
      const rest = () => {
        const params = {
          merchant_id: MERCHANT.id,
          timestamp: Math.floor(Date.now() / 1000),
          ...c.rest.params,
        };
        const form = new URLSearchParams({ ...params, sign: sign(params, MERCHANT.key) });
        return fetch(`${base}${c.rest.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        }).then((r) => expectOk(r, c.ok));
      };
      const graphql = () =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(c.graphql),
        }).then((r) => expectOk(r, c.ok));
      // Warm-up, not measured: both paths compiled and their connections open, so the
      // figures are the steady state's and not the first requests' of the slower path.
      for (const send of [rest, graphql])
        await measure(send, { requests: 100, concurrency: options.concurrency });
      const [viaShim, viaGraphql] = await measureInterleaved(rest, graphql, { ...options, pids });
      for (const [label, m] of [
        [`rest_${c.name}`, viaShim],
        [`graphql_${c.name}`, viaGraphql],
      ]) {
        print(`${label}_p50: ${m.p50.toFixed(2)} ms`);
        print(`${label}_p95: ${m.p95.toFixed(2)} ms`);
        print(`${label}_throughput: ${m.rps.toFixed(1)} req/s`);
        // Where the shim's extra time goes: each process's CPU per request on that side.
        for (const [process, ms] of Object.entries(m.cpuPerRequest))
          print(`${label}_cpu_per_request_${process}: ${ms.toFixed(2)} ms`);
      }
      const ratio = viaShim.p50 / viaGraphql.p50;
      worst = Math.max(worst, ratio);
      print(`rest_over_graphql_${c.name}_p50_ratio: ${ratio.toFixed(2)} x`);
      print(`rest_over_graphql_${c.name}_throughput_ratio: ${(viaGraphql.rps / viaShim.rps).toFixed(2)} x`);
      ratios.push(
        `${c.name} ${viaShim.rps.toFixed(0)} vs ${viaGraphql.rps.toFixed(0)} req/s (p50 ${ratio.toFixed(2)}x)`,
      );
    }
    print(`rest_shim_over_graphql_p50_ratio: ${worst.toFixed(2)} x`);
    return `rest shim: ${ratios.join(', ')}; worse p50 ratio ${worst.toFixed(2)}x`;
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    if (embedded) await embedded.stop();
  }
}

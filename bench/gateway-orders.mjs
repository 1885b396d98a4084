// Benchmark: one gateway request for a page of orders, each with its merchant and
// channel. Prints the SQL statements the orders subgraph executed for a 10-order and a
// 100-order page (they must be equal: loaders batch), and latency/throughput of that
// request through the gateway versus sent straight to the orders subgraph.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';
import { startService, stopChild, waitReady } from '../scripts/lib/processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const orders = require(join(root, 'services/orders/dist/index-lib.js'));
const { createOrder } = require(join(root, 'services/orders/dist/modules/order/order.service.js'));

const QUERY = `query Page($n: Int!) { orders(pageSize: $n) { totalCount nodes { platformOrderNo amount statusCode createdAt merchant { id name } channel { code name } } } }`;
// The same page with each merchant's balance from the ledger subgraph (federation entity join).
const FEDERATED_QUERY = QUERY.replace(
  'merchant { id name }',
  'merchant { id name balance { available frozen } }',
);

async function sqlCount(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('sql_statements_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

async function post(url, body, headers) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json;
}

async function measure(label, url, headers, { requests, concurrency }) {
  const body = JSON.stringify({ query: QUERY, variables: { n: 100 } });
  for (let i = 0; i < 20; i += 1) await post(url, body, headers); // warm-up
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t = performance.now();
        await post(url, body, headers);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { label, p50: pct(50), p95: pct(95), rps: requests / seconds };
}

export async function run({ print }) {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_${Date.now()}`;
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
    const actor = { sub: 'bench', role: 'OPERATOR' };
    for (let i = 0; i < 150; i += 1) {
      await createOrder(orm.em.fork(), {
        merchantId: i % 3 === 0 ? 2023100 : 2024164,
        amount: `${10 + (i % 50)}.00`,
        requestIp: '127.0.0.1',
        actor,
      });
    }
    await orm.close(true);

    const ordersPort = await freePort();
    const ledgerPort = await freePort();
    const gatewayPort = await freePort();
    // /metrics is served on each process's internal metrics listener.
    const ordersMetricsPort = await freePort();
    const ledgerMetricsPort = await freePort();
    const gatewayMetricsPort = await freePort();
    const quiet = { quiet: true };
    // The relay idles (long interval) so only request statements are counted.
    children.push(
      startService(
        root,
        'orders',
        'services/orders/dist/index.js',
        {
          DATABASE_URL: url,
          ORDERS_PORT: String(ordersPort),
          ORDERS_METRICS_PORT: String(ordersMetricsPort),
          OUTBOX_INTERVAL_MS: '60000',
          LOG_LEVEL: 'warn',
        },
        quiet,
      ),
    );
    await waitReady(`http://127.0.0.1:${ordersPort}/ready`, 'orders');
    children.push(
      startService(
        root,
        'ledger',
        'services/ledger/dist/index.js',
        {
          DATABASE_URL: url,
          LEDGER_PORT: String(ledgerPort),
          LEDGER_METRICS_PORT: String(ledgerMetricsPort),
          LOG_LEVEL: 'warn',
        },
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
          ORDERS_URL: `http://127.0.0.1:${ordersPort}/graphql`,
          LEDGER_URL: `http://127.0.0.1:${ledgerPort}/graphql`,
          GATEWAY_PORT: String(gatewayPort),
          GATEWAY_METRICS_PORT: String(gatewayMetricsPort),
          LOG_LEVEL: 'warn',
        },
        quiet,
      ),
    );
    // Only orders and ledger run here: /ready would wait for every subgraph.
    await waitReady(`http://127.0.0.1:${gatewayPort}/health`, 'gateway');

    const gatewayConfig = require(join(root, 'gateway/dist/index-lib.js')).loadGatewayConfig({});
    const token = common.signJwt(actor, {
      secret: gatewayConfig.auth.jwtSecret,
      issuer: gatewayConfig.auth.jwtIssuer,
    });
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const subgraphUrl = `http://127.0.0.1:${ordersPort}/graphql`;
    const metricsUrls = [
      `http://127.0.0.1:${ordersMetricsPort}/metrics`,
      `http://127.0.0.1:${ledgerMetricsPort}/metrics`,
    ];
    const statements = async () => (await Promise.all(metricsUrls.map(sqlCount))).reduce((a, b) => a + b, 0);
    const gatewayHeaders = { authorization: `Bearer ${token}` };
    const directHeaders = () => ({
      [common.ACTOR_HEADER]: common.signActorHeader(actor, gatewayConfig.auth.internalSecret),
    });

    const counts = {};
    for (const [label, query] of [
      ['gateway', QUERY],
      ['gateway_with_ledger', FEDERATED_QUERY],
    ]) {
      for (const n of [10, 100]) {
        const before = await statements();
        const result = await post(gatewayUrl, JSON.stringify({ query, variables: { n } }), gatewayHeaders);
        if (result.data.orders.nodes.length !== n)
          throw new Error(`expected ${n} orders, got ${result.data.orders.nodes.length}`);
        counts[`${label}_${n}`] = (await statements()) - before;
        print(`sql_statements_${label}_page_${n}: ${counts[`${label}_${n}`]} statements`);
      }
    }
    print(
      `sql_statements_equal: ${counts.gateway_10 === counts.gateway_100 && counts.gateway_with_ledger_10 === counts.gateway_with_ledger_100 ? 'yes' : 'no'}`,
    );

    const options = {
      requests: Number(process.env.BENCH_REQUESTS ?? 400),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
    };
    const viaGateway = await measure('gateway', gatewayUrl, gatewayHeaders, options);
    const direct = await measure('subgraph', subgraphUrl, directHeaders(), options);
    for (const m of [viaGateway, direct]) {
      print(`${m.label}_page_100_p50: ${m.p50.toFixed(2)} ms`);
      print(`${m.label}_page_100_p95: ${m.p95.toFixed(2)} ms`);
      print(`${m.label}_page_100_throughput: ${m.rps.toFixed(1)} req/s`);
    }
    const ratio = viaGateway.p50 / direct.p50;
    print(`gateway_over_subgraph_p50_ratio: ${ratio.toFixed(2)} x`);
    print(`gateway_over_subgraph_throughput_ratio: ${(direct.rps / viaGateway.rps).toFixed(2)} x`);
    return `gateway: ${counts.gateway_10}/${counts.gateway_100} SQL statements for 10/100 orders (${counts.gateway_with_ledger_10}/${counts.gateway_with_ledger_100} with ledger balances); p50 ${viaGateway.p50.toFixed(1)} ms via gateway vs ${direct.p50.toFixed(1)} ms direct (${ratio.toFixed(2)}x)`;
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    if (embedded) await embedded.stop();
  }
}

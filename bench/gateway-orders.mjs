// Benchmark: one gateway request for a page of orders, each with its merchant and
// channel. Prints the SQL statements the orders subgraph executed for a 10-order and a
// 100-order page (they must be equal: loaders batch), and three ratios, each beside its
// baseline from the same run (absolute times on a shared machine mean little):
//
//   gateway_over_subgraph_p50_ratio_c1 / _c8   the 100-order page through the gateway
//       over the same request sent straight to the orders subgraph (with the gateway's
//       signed actor header), at 1 and 8 concurrent clients.
//   orders_page_over_sql_ratio   the orders subgraph's p50 for that page (c=1) over a
//       baseline server: a plain `node:http` process that runs the same rows as one
//       plain SQL query through pg (orders joined with merchant and channel, plus the
//       count) and graphql-js `execute` of the same query against a minimal schema with
//       default resolvers, answering the same JSON. It is the floor of HTTP + SQL +
//       GraphQL execution that the subgraph's framework (Apollo Server, type-graphql,
//       MikroORM, DataLoader, the actor check) is measured against.
//   http_hop_over_subgraph_p50_ratio_c1 / _c8   the same request through a bare Node
//       HTTP hop (bench/workers/http-hop.mjs: forward the bytes, answer the bytes, nothing
//       else) over the subgraph directly: the floor any gateway process starts from on
//       this machine, printed beside the gateway's ratios.
//   cpu_per_<side>_request_<process>_<c>   CPU time (user + system, from /proc) the
//       gateway, the bare hop, the orders subgraph and the whole machine (`machine`: the
//       client and PostgreSQL too) used per request on each side (gateway, hop, subgraph):
//       what each hop itself costs, apart from scheduling. At c=8 on two cores the p50
//       ratio follows the machine's CPU per request.
//
// The two sides of each ratio are measured interleaved, in alternating rounds, so that
// load from other processes falls on both alike.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, parse } from 'graphql';
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

/** Sends `requests` requests from `concurrency` clients; answers their latencies (ms). */
async function latencies(send, { requests, concurrency }) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t = performance.now();
        await send();
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Measures every side in alternating rounds (A B, B A, …) after a warm-up, pooling each
 * side's latencies: p50, p95 and throughput per side.
 */
async function interleaved(sides, { requests, concurrency, rounds = 8, pids = {} }) {
  for (const side of sides) await latencies(side.send, { requests: 20, concurrency: 1 });
  const results = sides.map(() => ({ times: [], seconds: 0, cpuMs: {} }));
  const perRound = Math.max(concurrency, Math.ceil(requests / rounds));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
    for (const i of order) {
      const started = performance.now();
      const cpuBefore = cpuMsOf(pids);
      results[i].times.push(...(await latencies(sides[i].send, { requests: perRound, concurrency })));
      results[i].seconds += (performance.now() - started) / 1000;
      for (const [name, ms] of Object.entries(cpuMsOf(pids)))
        results[i].cpuMs[name] = (results[i].cpuMs[name] ?? 0) + ms - cpuBefore[name];
    }
  }
  return sides.map((side, i) => {
    const sorted = results[i].times.sort((a, b) => a - b);
    return {
      label: side.label,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      rps: sorted.length / results[i].seconds,
      cpuPerRequest: Object.fromEntries(
        Object.entries(results[i].cpuMs).map(([name, ms]) => [name, ms / sorted.length]),
      ),
    };
  });
}

/** The minimal schema of the baseline server: the page's fields, default resolvers. */
const BASELINE_SDL = `
  type Query { orders(pageSize: Int!): OrderConnection! }
  type OrderConnection { totalCount: Int! nodes: [Order!]! }
  type Order { platformOrderNo: String! amount: String! statusCode: Int! createdAt: String! merchant: Merchant! channel: Channel! }
  type Merchant { id: Int! name: String! }
  type Channel { code: String! name: String! }
`;

/**
 * The baseline server (run as `node bench/gateway-orders.mjs --baseline-server`): the
 * page as one SQL query plus the count, and graphql-js over plain objects.
 */
async function serveBaseline() {
  const { STATUS_PRESENTATION } = require(join(root, 'services/orders/dist/modules/order/order-status.js'));
  const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: 10 });
  const schema = buildSchema(BASELINE_SDL);
  const documents = new Map();
  const money = (fen) => common.MoneyScalar.serialize(Number(fen));
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') return res.end('ok');
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const [page, count] = await Promise.all([
        pool.query(
          `select o.platform_order_no, o.amount, o.status, o.created_at, m.id as merchant_id, m.name as merchant_name,
                  c.code as channel_code, c.name as channel_name
             from orders."order" o
             join orders.merchant m on m.id = o.merchant_id
             join orders.channel c on c.code = o.channel_code
            order by o.created_at desc, o.id desc
            limit $1`,
          [variables.n],
        ),
        pool.query(`select count(*)::int as n from orders."order"`),
      ]);
      const rootValue = {
        orders: {
          totalCount: count.rows[0].n,
          nodes: page.rows.map((row) => ({
            platformOrderNo: row.platform_order_no,
            amount: money(row.amount),
            statusCode: STATUS_PRESENTATION[row.status].merchantCode,
            createdAt: new Date(row.created_at).toISOString(),
            merchant: { id: row.merchant_id, name: row.merchant_name },
            channel: { code: row.channel_code, name: row.channel_name },
          })),
        },
      };
      const result = await execute({ schema, document, rootValue, variableValues: variables });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.BASELINE_PORT), '127.0.0.1');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--baseline-server') {
  await serveBaseline();
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
          // Limits still counted on every request, set above what the bench sends in a window.
          ...BENCH_RATE_LIMITS,
        },
        quiet,
      ),
    );
    // Only orders and ledger run here: /ready would wait for every subgraph.
    await waitReady(`http://127.0.0.1:${gatewayPort}/health`, 'gateway');
    const [ordersChild, , gatewayChild] = children;
    const pids = { gateway: gatewayChild.pid, orders: ordersChild.pid };
    const hopPort = await freePort();
    const hop = spawn(
      process.execPath,
      [join(root, 'bench/workers/http-hop.mjs'), String(hopPort), `http://127.0.0.1:${ordersPort}/graphql`],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    children.push(hop);
    pids.hop = hop.pid;
    await new Promise((resolve, reject) => {
      hop.once('message', resolve);
      hop.once('exit', (code) => reject(new Error(`the HTTP hop exited with ${code}`)));
    });
    hop.channel?.unref();
    const baselinePort = await freePort();
    const baseline = spawn(process.execPath, [fileURLToPath(import.meta.url), '--baseline-server'], {
      env: { ...process.env, BASELINE_DATABASE_URL: url, BASELINE_PORT: String(baselinePort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(baseline);
    await waitReady(`http://127.0.0.1:${baselinePort}/`, 'baseline server');

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

    const requests = Number(process.env.BENCH_REQUESTS ?? 400);
    const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
    const body = JSON.stringify({ query: QUERY, variables: { n: 100 } });
    const viaGateway = { label: 'gateway', send: () => post(gatewayUrl, body, gatewayHeaders) };
    const direct = { label: 'subgraph', send: () => post(subgraphUrl, body, directHeaders()) };
    const baselineUrl = `http://127.0.0.1:${baselinePort}/graphql`;
    const sqlBaseline = { label: 'sql_graphql_baseline', send: () => post(baselineUrl, body, {}) };
    const hopUrl = `http://127.0.0.1:${hopPort}/graphql`;
    const viaHop = { label: 'http_hop', send: () => post(hopUrl, body, directHeaders()) };

    // The baseline answers exactly what the subgraph answers, or the ratio would mean nothing.
    const [fromSubgraph, fromBaseline] = [await direct.send(), await sqlBaseline.send()];
    if (JSON.stringify(fromSubgraph.data) !== JSON.stringify(fromBaseline.data))
      throw new Error('the SQL + graphql-js baseline does not answer what the orders subgraph answers');

    const ratios = {};
    for (const c of [...new Set([1, concurrency])]) {
      const tag = c === 1 ? 'c1' : `c${c}`;
      const sides = c === 1 ? [viaGateway, direct, viaHop, sqlBaseline] : [viaGateway, direct, viaHop];
      const measured = await interleaved(sides, { requests, concurrency: c, pids });
      for (const m of measured) {
        print(`${m.label}_page_100_p50_${tag}: ${m.p50.toFixed(2)} ms`);
        print(`${m.label}_page_100_p95_${tag}: ${m.p95.toFixed(2)} ms`);
        print(`${m.label}_page_100_throughput_${tag}: ${m.rps.toFixed(1)} req/s`);
      }
      const [gw, sub, viaHopMeasured, sql] = measured;
      ratios[`hop_${tag}`] = viaHopMeasured.p50 / sub.p50;
      print(`http_hop_over_subgraph_p50_ratio_${tag}: ${ratios[`hop_${tag}`].toFixed(2)} x`);
      // Where a gateway request's time goes: CPU of each process per request on that side.
      for (const [side, measured, processes] of [
        ['gateway', gw, ['gateway', 'orders', 'machine']],
        ['hop', viaHopMeasured, ['hop', 'machine']],
        ['subgraph', sub, ['orders', 'machine']],
      ])
        for (const name of processes)
          if (measured.cpuPerRequest[name] !== undefined)
            print(`cpu_per_${side}_request_${name}_${tag}: ${measured.cpuPerRequest[name].toFixed(2)} ms`);
      ratios[tag] = gw.p50 / sub.p50;
      print(`gateway_over_subgraph_p50_ratio_${tag}: ${ratios[tag].toFixed(2)} x`);
      print(`gateway_over_subgraph_throughput_ratio_${tag}: ${(sub.rps / gw.rps).toFixed(2)} x`);
      if (sql) {
        ratios.sql = sub.p50 / sql.p50;
        print(`orders_page_over_sql_ratio: ${ratios.sql.toFixed(2)} x`);
      }
    }
    const cN = `c${concurrency}`;
    return `gateway: ${counts.gateway_10}/${counts.gateway_100} SQL statements for 10/100 orders (${counts.gateway_with_ledger_10}/${counts.gateway_with_ledger_100} with ledger balances); gateway over subgraph p50 ${ratios.c1.toFixed(2)}x at c=1, ${ratios[cN].toFixed(2)}x at ${cN} (a bare HTTP hop ${ratios.hop_c1.toFixed(2)}x, ${ratios[`hop_${cN}`].toFixed(2)}x); orders page over SQL + graphql-js ${ratios.sql.toFixed(2)}x`;
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    if (embedded) await embedded.stop();
  }
}

// Benchmark: a payment end to end — the sandbox channel's signed callback, the order
// PAID, the outbox relay, the ledger's posting, the merchant's notification — with the
// ledger and orders services as real processes and a real HTTP merchant receiver here.
// N orders are created with the orders service's own code; their callbacks (signed
// exactly as the sandbox channel signs them: Alipay RSA2 and WeChat v2 MD5) are posted
// to `/callbacks/:pzid` at a fixed concurrency. Per order it times callback → PAID (the
// callback is acknowledged after the PAID transaction commits), → ledger posting (the
// posting's created_at) and → notification received; the relay's lag is the time from
// the `order.paid` outbox event to its posting. The ledger consumer's undelivered
// outbox events are sampled during the run: the relay keeps up when that backlog does
// not grow with the callbacks. Figures, never assertions.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
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
const { ORDER_TOPICS } = require(join(root, 'services/orders/dist/modules/order/order-events.js'));
const { createSandboxKeys } = require(join(root, 'services/orders/dist/modules/sandbox/sandbox-keys.js'));
const { sandboxNotification } = require(join(root, 'services/orders/dist/modules/sandbox/sandbox.routes.js'));
const { sandboxTradeNo } = require(join(root, 'services/orders/dist/modules/sandbox/sandbox-book.js'));
const { runVerification } = require(join(root, 'services/ledger/dist/modules/verify/run-verification.js'));
const { findingCount } = require(join(root, 'services/ledger/dist/modules/verify/ledger-verify.js'));

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_PAYMENT_CONCURRENCY ?? 8);
/** How long the last orders may take to get through after the last callback. */
const DRAIN_TIMEOUT_MS = 120_000 + PAYMENTS * 150;
const SAMPLE_INTERVAL_MS = 200;
/** The standard world's two merchants: Alipay (agent share, five legs) and WeChat. */
const PAYERS = [
  { merchantId: 2024164, channelCode: 'zfbwthf' },
  { merchantId: 2023100, channelCode: 'wxhftest' },
];
const WECHAT_API_KEY = 'bench0sandbox0wechat0api0key0000';
/** The orders service's outbox consumers (see services/orders/src/server.ts). */
const LEDGER_CONSUMER = { name: 'ledger', topics: Object.values(ORDER_TOPICS) };
const NOTIFY_CONSUMER = {
  name: 'merchant-notifications',
  topics: [ORDER_TOPICS.PAID, ORDER_TOPICS.RELEASED],
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sortedOf = (values) => [...values].sort((a, b) => a - b);

/** Undelivered outbox events of one consumer, as the relay itself counts them. */
const PENDING_SQL = `select count(*)::int as n from orders.outbox_event e
  where e.topic = any($1::text[])
    and not exists (select 1 from orders.outbox_delivery d where d.consumer = $2 and d.event_seq = e.seq)`;

/** The merchants' notification endpoint: answers `success` and notes when each order's first arrived. */
async function startReceiver() {
  const received = new Map();
  let duplicates = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString();
      const orderNo = req.headers['content-type']?.includes('json')
        ? JSON.parse(body).fxorder
        : new URLSearchParams(body).get('fxorder');
      if (received.has(orderNo)) duplicates += 1;
      else received.set(orderNo, at);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('success');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/notify`,
    received,
    duplicates: () => duplicates,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `task(i)` for i < total on `clients` concurrent loops. */
async function concurrently(total, clients, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/** Least-squares slope of y over x. */
function slope(points) {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function run({ print }) {
  const setupStarted = Date.now();
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_payment_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = common.withDatabase(adminUrl, name);
  const receiver = await startReceiver();
  const children = [];
  const clients = [];
  const sampling = { on: true, done: Promise.resolve() };
  try {
    // The standard world; then both services start while the orders are created.
    const orm = await common.openDatabase({
      url,
      schema: 'orders',
      entities: orders.ordersEntities,
      migrations: orders.ordersMigrations,
      poolMax: CONCURRENCY + 2,
    });
    const created = [];
    // The sandbox channel's keys, shared with the orders process so it verifies what we sign.
    const alipayPrivateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const [ordersPort, ledgerPort] = [await freePort(), await freePort()];
    const ledgerUrl = `http://127.0.0.1:${ledgerPort}`;
    const ordersUrl = `http://127.0.0.1:${ordersPort}`;
    try {
      await orders.buildStandardWorld(orm.em.fork());
      const quiet = { quiet: true };
      const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
      children.push(
        startService(
          root,
          'ledger',
          'services/ledger/dist/index.js',
          { ...env, LEDGER_PORT: String(ledgerPort), LEDGER_METRICS_PORT: '0', ORDERS_URL: ordersUrl },
          quiet,
        ),
        startService(
          root,
          'orders',
          'services/orders/dist/index.js',
          {
            ...env,
            ORDERS_PORT: String(ordersPort),
            ORDERS_METRICS_PORT: '0',
            LEDGER_URL: ledgerUrl,
            SANDBOX_ALIPAY_PRIVATE_KEY: alipayPrivateKeyPem,
            SANDBOX_WECHAT_API_KEY: WECHAT_API_KEY,
          },
          quiet,
        ),
      );
      // The orders, created as `/createorder` creates them, notifying the receiver here.
      await concurrently(PAYMENTS, CONCURRENCY, async (i) => {
        const payer = PAYERS[i % PAYERS.length];
        const { order } = await createOrder(orm.em.fork(), {
          ...payer,
          amount: `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}`,
          notifyUrl: receiver.url,
          requestIp: '127.0.0.1',
          actor: { sub: 'bench', role: 'OPERATOR' },
        });
        created.push(order);
      });
    } finally {
      await orm.close(true);
    }
    const keys = createSandboxKeys({
      wechatApiKey: WECHAT_API_KEY,
      alipayAppId: '2021000000000000',
      alipayPrivateKeyPem,
      alipayAppPublicKeyPem: null,
    });
    // Signed before the run, so the run measures the platform, not this process signing.
    const paidAt = new Date();
    const callbacks = created.map((order) => ({
      platformOrderNo: order.platformOrderNo,
      pzid: order.upstreamConfig.pzid,
      ...sandboxNotification(order.upstreamConfig.adapter, keys, order, sandboxTradeNo(), paidAt),
    }));
    await waitReady(`${ledgerUrl}/ready`, 'ledger');
    await waitReady(`${ordersUrl}/ready`, 'orders');

    // Samples: the ledger consumer's outbox backlog (the relay), the notification
    // consumer's, and paid orders whose notification has not arrived yet.
    const [db, probe] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    clients.push(db, probe);
    await Promise.all([db.connect(), probe.connect()]);
    const samples = [];
    let accepted = 0;
    const sampleOnce = async () => {
      const at = Date.now();
      const [ledger, notify] = await Promise.all(
        [LEDGER_CONSUMER, NOTIFY_CONSUMER].map((c) =>
          db.query(PENDING_SQL, [c.topics, c.name]).then((r) => r.rows[0].n),
        ),
      );
      samples.push({ at, ledger, notify, unnotified: accepted - receiver.received.size });
    };
    sampling.done = (async () => {
      while (sampling.on) {
        const t = Date.now();
        await sampleOnce();
        await new Promise((r) => setTimeout(r, Math.max(0, SAMPLE_INTERVAL_MS - (Date.now() - t))));
      }
    })();

    const setupSeconds = (Date.now() - setupStarted) / 1000;
    const sentAt = new Map();
    const paidMs = [];
    const failures = [];
    const started = Date.now();
    const startedPerf = performance.now();
    await concurrently(callbacks.length, CONCURRENCY, async (i) => {
      const c = callbacks[i];
      const t = performance.now();
      sentAt.set(c.platformOrderNo, Date.now());
      try {
        const answer = await fetch(`${ordersUrl}/callbacks/${c.pzid}`, {
          method: 'POST',
          headers: { 'content-type': c.contentType },
          body: c.body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await answer.text();
        if (!answer.ok || !(text === 'success' || text.includes('SUCCESS')))
          throw new Error(`answered ${answer.status}: ${text.slice(0, 200)}`);
        paidMs.push(performance.now() - t);
        accepted += 1;
      } catch (error) {
        sentAt.delete(c.platformOrderNo);
        failures.push(error instanceof Error ? error.message : String(error));
      }
    });
    const callbackSeconds = (performance.now() - startedPerf) / 1000;
    const callbacksEnded = Date.now();
    if (failures.length > 0) process.stderr.write(`payment-e2e: first callback failure: ${failures[0]}\n`);
    if (accepted === 0) throw new Error(`no callback was accepted (${failures.length} refused)`);

    // Until every accepted payment has its posting and its notification.
    const expected = [...sentAt.keys()];
    const postingCount = async () => {
      const { rows } = await probe.query(
        `select count(distinct platform_order_no)::int as n from ledger.posting where platform_order_no = any($1)`,
        [expected],
      );
      return rows[0].n;
    };
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    let posted = 0;
    for (;;) {
      posted = await postingCount();
      const notified = expected.filter((no) => receiver.received.has(no)).length;
      if (posted >= expected.length && notified >= expected.length) break;
      if (Date.now() > deadline)
        throw new Error(
          `after ${DRAIN_TIMEOUT_MS} ms: ${posted}/${expected.length} posted, ${notified}/${expected.length} notified`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
    sampling.on = false;
    await sampling.done;

    // Per order: the posting's time, and the time its `order.paid` event was written.
    const { rows } = await probe.query(
      `select p.platform_order_no as no,
                (extract(epoch from min(p.created_at)) * 1000)::float8 as posted,
                (select (extract(epoch from min(e.created_at)) * 1000)::float8 from orders.outbox_event e
                  where e.topic = $2 and e.aggregate_id = p.platform_order_no) as paid
           from ledger.posting p where p.platform_order_no = any($1)
          group by p.platform_order_no`,
      [expected, ORDER_TOPICS.PAID],
    );
    const ledgerMs = [];
    const notifyMs = [];
    const relayLag = [];
    let lastDone = started;
    let lastPosted = 0;
    let firstPosted = Infinity;
    for (const row of rows) {
      const sent = sentAt.get(row.no);
      const notified = receiver.received.get(row.no);
      ledgerMs.push(row.posted - sent);
      notifyMs.push(notified - sent);
      relayLag.push(row.posted - row.paid);
      lastDone = Math.max(lastDone, row.posted, notified);
      lastPosted = Math.max(lastPosted, row.posted);
      firstPosted = Math.min(firstPosted, row.posted);
    }

    const e2eSeconds = (lastDone - started) / 1000;
    print(`payment_e2e_payments: ${PAYMENTS} orders (${CONCURRENCY} concurrent callbacks)`);
    print(`payment_e2e_setup: ${setupSeconds.toFixed(1)} s (database, orders, services)`);
    print(`payment_callbacks_per_second: ${(accepted / callbackSeconds).toFixed(1)} callbacks/s`);
    print(`payment_callback_failures: ${failures.length} callbacks`);
    for (const [label, values] of [
      ['payment_callback_to_paid', paidMs],
      ['payment_callback_to_ledger', ledgerMs],
      ['payment_callback_to_notification', notifyMs],
      ['relay_lag', relayLag],
    ]) {
      const sorted = sortedOf(values);
      print(`${label}_p50: ${pct(sorted, 50).toFixed(1)} ms`);
      print(`${label}_p95: ${pct(sorted, 95).toFixed(1)} ms`);
      print(`${label}_max: ${sorted[sorted.length - 1].toFixed(1)} ms`);
    }
    print(`relay_lag_max_ms: ${Math.max(...relayLag).toFixed(0)} ms`);
    print(
      `relay_postings_per_second: ${(rows.length / Math.max(0.001, (lastPosted - firstPosted) / 1000)).toFixed(1)} postings/s`,
    );

    // The backlog while callbacks arrived: flat (the relay keeps up) or rising with time.
    const during = samples.filter((s) => s.at >= started && s.at <= callbacksEnded);
    const backlog = during.length > 0 ? during : samples;
    const maxOf = (key) => Math.max(...samples.map((s) => s[key]));
    print(`relay_backlog_first: ${backlog[0].ledger} events`);
    print(`relay_backlog_last: ${backlog[backlog.length - 1].ledger} events`);
    print(`relay_backlog_max: ${maxOf('ledger')} events`);
    const trend = slope(backlog.map((s) => ({ x: (s.at - started) / 1000, y: s.ledger })));
    print(`relay_backlog_trend: ${trend.toFixed(1)} events/s (${backlog.length} samples)`);
    // Growing: the backlog rises by more than a tenth of the callback rate, for the whole run.
    const growing = trend > 0.1 * (accepted / callbackSeconds);
    print(`relay_backlog_growing: ${growing ? 'yes' : 'no'}`);
    print(`notify_outbox_backlog_max: ${maxOf('notify')} events`);
    print(`notify_backlog_max: ${maxOf('unnotified')} notifications (paid, not yet received)`);
    const notifyTrend = slope(backlog.map((s) => ({ x: (s.at - started) / 1000, y: s.unnotified })));
    print(`notify_backlog_trend: ${notifyTrend.toFixed(1)} notifications/s`);
    const notifyGrowing = notifyTrend > 0.1 * (accepted / callbackSeconds);
    print(`notify_backlog_growing: ${notifyGrowing ? 'yes' : 'no'}`);
    const notifiedAt = expected.map((no) => receiver.received.get(no));
    const notifyRate =
      rows.length / Math.max(0.001, (Math.max(...notifiedAt) - Math.min(...notifiedAt)) / 1000);
    print(`notify_per_second: ${notifyRate.toFixed(1)} notifications/s`);
    print(`payment_drain_after_last_callback: ${Math.max(0, lastDone - callbacksEnded)} ms`);
    print(`payment_notification_duplicates: ${receiver.duplicates()} notifications`);
    const e2eRate = rows.length / e2eSeconds;
    print(`payment_e2e_per_second: ${e2eRate.toFixed(1)} payments/s`);

    for (const child of children.splice(0).reverse()) await stopChild(child);
    const verification = await runVerification(url);
    print(`payment_e2e_ledger_postings: ${verification.report.postings} postings`);
    print(`payment_e2e_ledger_findings: ${findingCount(verification.report)} findings`);
    print(`payment_e2e_ledger_verify: ${verification.ok ? 'clean' : 'DRIFT'}`);
    if (!verification.ok) process.stderr.write(`${verification.text}\n`);
    return `payment e2e: ${e2eRate.toFixed(0)} payments/s through callback, ledger and notification at ${(accepted / callbackSeconds).toFixed(0)} callbacks/s; relay lag max ${Math.max(...relayLag).toFixed(0)} ms, backlog ${growing ? 'growing' : 'flat'} (max ${maxOf('ledger')}); notifications ${notifyRate.toFixed(0)}/s, backlog ${notifyGrowing ? 'growing' : 'flat'}; verify ${verification.ok ? 'clean' : 'DRIFT'}`;
  } finally {
    sampling.on = false;
    await sampling.done.catch(() => {});
    for (const client of clients) await client.end().catch(() => {});
    for (const child of children.reverse()) await stopChild(child);
    await receiver.close();
    if (embedded) await embedded.stop();
  }
}

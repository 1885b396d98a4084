// `npm start`: the whole platform on one machine. Embedded PostgreSQL (unless
// DATABASE_URL is set), migrations and demo data, every service as its own process
// over real HTTP, then the Sandbox URL, a demo token per role and a working example.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, stopOrphanedPostgres } from '../services/common/esm/embedded-postgres.mjs';
import { startService, stopChild, waitReady } from './lib/processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const common = require(join(root, 'services/common/dist/index.js'));
const { loadGatewayConfig } = require(join(root, 'gateway/dist/index-lib.js'));
const { DEMO_KEYS } = require(join(root, 'services/orders/dist/db/seeders/demo-data.js'));
const { loadOrdersConfig, DEMO_OPEN_API_APP, DEMO_DAYS_AGO } = require(
  join(root, 'services/orders/dist/index-lib.js'),
);
const demo = require(join(root, 'demo/dist/index.js'));
const { CLEARING_DEMO } = require(join(root, 'services/ledger/dist/index-lib.js'));
const { SETTLEMENT_DEMO } = require(join(root, 'services/settlement/dist/index-lib.js'));

const DATABASE = 'payoffice';
const children = [];
let embedded;
let receiver;
let stopTraffic;
let stopping = false;
// The demo world (seeded demo days, then reconciliation, settlement, billing… driven
// through the gateway: about a minute on a fresh database) unless `npm start -- --no-demo`
// or DEMO_DATA=off, which start the services on whatever the database holds (empty when
// fresh), write no demo credentials and send no traffic. The process tests use it.
const demoData = !process.argv.includes('--no-demo') && process.env.DEMO_DATA !== 'off';
// Live demo traffic (a few orders a minute) unless `npm start -- --no-traffic` or DEMO_TRAFFIC=off.
const liveTraffic = demoData && !process.argv.includes('--no-traffic') && process.env.DEMO_TRAFFIC !== 'off';

/**
 * Demo Alipay keys, made on the first start and kept in .data (git-ignored): the app key
 * signs the settlement service's recharge links; the "Alipay" key is the orders sandbox's,
 * which pays those links locally and signs the notifications the settlement service verifies.
 */
function demoAlipayKeys(dataDir) {
  const file = join(dataDir, 'demo-alipay-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  };
  const keys = {
    appId: '2021000000000001',
    app: pair(),
    alipay: pair(),
    note: 'DEMO keys for the embedded demo only',
  };
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

function log(line) {
  process.stdout.write(`[start] ${line}\n`);
}

async function ensureDatabase(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`create database "${DATABASE}"`);
  } finally {
    await client.end();
  }
  return common.withDatabase(adminUrl, DATABASE);
}

function launch(name, script, env) {
  // A stop that came in while starting: start nothing more.
  if (stopping) throw new Error('stopping');
  const child = startService(root, name, script, env, {
    onExit: (code) => {
      if (!stopping) {
        log(`${name} exited with code ${code}; stopping everything`);
        void shutdown(1);
      }
    },
  });
  children.push(child);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping services…');
  stopTraffic?.();
  // Gateway first, then the subgraphs, then the database they use.
  for (const child of [...children].reverse()) await stopChild(child);
  if (embedded) {
    log('stopping embedded PostgreSQL…');
    await embedded.stop();
  }
  await receiver?.close();
  log('stopped');
  process.exit(code);
}

// Every way of stopping `npm start` stops everything: Ctrl-C and kill (SIGINT, SIGTERM)
// here, a closed terminal (SIGHUP), and the death of whoever started this process (npm,
// or a shell that did not pass the signal on), noticed by its parent changing below. If
// this process itself is SIGKILLed, the services stop on their own (their IPC channel
// closes, see scripts/lib/processes.mjs) and the next start stops the orphaned embedded
// PostgreSQL.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) {
    log(`parent process ${parentPid} is gone`);
    void shutdown(0);
  }
}, 500).unref();

async function main() {
  const dataDir = join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  // The embedded server runs as the `postgres` user: it must be able to traverse .data.
  chmodSync(dataDir, 0o755);
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    log('starting embedded PostgreSQL in .data/pg …');
    await stopOrphanedPostgres(join(dataDir, 'pg'), log);
    // exitHooks: false — shutdown() below stops it, after the services that use it.
    embedded = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'pg'),
      persistent: true,
      exitHooks: false,
    });
    adminUrl = embedded.adminUrl;
  }
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(adminUrl));
  const ordersPort = process.env.ORDERS_PORT ?? '4001';
  const ledgerPort = process.env.LEDGER_PORT ?? '4002';
  const reconciliationPort = process.env.RECONCILIATION_PORT ?? '4003';
  const settlementPort = process.env.SETTLEMENT_PORT ?? '4004';
  const gatewayPort = process.env.GATEWAY_PORT ?? '4000';
  // /metrics of each process, on internal listeners (METRICS_HOST, default 127.0.0.1).
  const metricsPorts = {
    gateway: process.env.GATEWAY_METRICS_PORT ?? '9400',
    orders: process.env.ORDERS_METRICS_PORT ?? '9401',
    ledger: process.env.LEDGER_METRICS_PORT ?? '9402',
    reconciliation: process.env.RECONCILIATION_METRICS_PORT ?? '9403',
    settlement: process.env.SETTLEMENT_METRICS_PORT ?? '9404',
  };
  const metricsUrl = (name) => `http://127.0.0.1:${metricsPorts[name]}/metrics`;
  const settlementUrl = `http://127.0.0.1:${settlementPort}`;
  const alipayKeys = demoAlipayKeys(dataDir);
  const ordersUrl = `http://127.0.0.1:${ordersPort}`;
  const ledgerUrl = `http://127.0.0.1:${ledgerPort}`;
  const reconciliationUrl = `http://127.0.0.1:${reconciliationPort}`;

  // The demo merchants' notification endpoint: a real HTTP receiver the orders service calls.
  receiver = await demo.startDemoMerchantReceiver(Number(process.env.DEMO_MERCHANT_PORT ?? 4009));
  log(`demo merchant receiver on ${receiver.url}`);

  log('starting the ledger subgraph …');
  launch('ledger', 'services/ledger/dist/index.js', {
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: String(demoData),
    LEDGER_PORT: ledgerPort,
    LEDGER_METRICS_PORT: metricsPorts.ledger,
    ORDERS_URL: ordersUrl,
  });
  await waitReady(`${ledgerUrl}/ready`, 'ledger');

  log('starting the reconciliation subgraph …');
  launch('reconciliation', 'services/reconciliation/dist/index.js', {
    DATABASE_URL: databaseUrl,
    RECONCILIATION_PORT: reconciliationPort,
    RECONCILIATION_METRICS_PORT: metricsPorts.reconciliation,
    ORDERS_URL: ordersUrl,
    STATEMENT_DIR: join(dataDir, 'statements'),
  });
  await waitReady(`${reconciliationUrl}/ready`, 'reconciliation');

  log(
    demoData
      ? 'starting the orders subgraph (on first start it replays the demo days: about a minute) …'
      : 'starting the orders subgraph …',
  );
  launch('orders', 'services/orders/dist/index.js', {
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: String(demoData),
    DEMO_MERCHANT_NOTIFY_URL: receiver.url,
    ORDERS_PORT: ordersPort,
    ORDERS_METRICS_PORT: metricsPorts.orders,
    LEDGER_URL: ledgerUrl,
    RECONCILIATION_URL: reconciliationUrl,
    SANDBOX_ALIPAY_PRIVATE_KEY: alipayKeys.alipay.privateKey,
    SANDBOX_ALIPAY_APP_PUBLIC_KEY: alipayKeys.app.publicKey,
  });
  await waitReady(`${ordersUrl}/ready`, 'orders', 300_000);

  log('starting the settlement subgraph …');
  launch('settlement', 'services/settlement/dist/index.js', {
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: String(demoData),
    SETTLEMENT_PORT: settlementPort,
    SETTLEMENT_METRICS_PORT: metricsPorts.settlement,
    LEDGER_URL: ledgerUrl,
    VOUCHER_DIR: join(dataDir, 'vouchers'),
    ALIPAY_APP_ID: alipayKeys.appId,
    ALIPAY_APP_PRIVATE_KEY: alipayKeys.app.privateKey,
    ALIPAY_PUBLIC_KEY: alipayKeys.alipay.publicKey,
    ALIPAY_GATEWAY_URL: `${ordersUrl}/sandbox/alipay/gateway.do`,
    ALIPAY_NOTIFY_URL: `${settlementUrl}/notify/alipay/wallet-recharge`,
  });
  await waitReady(`${settlementUrl}/ready`, 'settlement');

  log('starting the gateway …');
  launch('gateway', 'gateway/dist/index.js', {
    // Rate limit counts (schema `gateway`), shared by every gateway process.
    DATABASE_URL: databaseUrl,
    ORDERS_URL: `${ordersUrl}/graphql`,
    LEDGER_URL: `${ledgerUrl}/graphql`,
    RECONCILIATION_URL: `${reconciliationUrl}/graphql`,
    SETTLEMENT_URL: `${settlementUrl}/graphql`,
    GATEWAY_PORT: gatewayPort,
    GATEWAY_METRICS_PORT: metricsPorts.gateway,
  });
  await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, 'gateway');

  const gatewayConfig = loadGatewayConfig(process.env);
  const jwt = { secret: gatewayConfig.auth.jwtSecret, issuer: gatewayConfig.auth.jwtIssuer };
  const tokens = {
    MERCHANT: common.signJwt(
      { sub: 'merchant:2024164', role: 'MERCHANT', merchantId: 2024164 },
      jwt,
      30 * 24 * 3600,
    ),
    OPERATOR: common.signJwt(demo.DEMO_ACTORS.operator, jwt, 30 * 24 * 3600),
    // A second operator: resolutions above the approval amount need someone other than their maker.
    OPERATOR_CHECKER: common.signJwt(demo.DEMO_ACTORS.checker, jwt, 30 * 24 * 3600),
    ANALYST: common.signJwt(demo.DEMO_ACTORS.analyst, jwt, 30 * 24 * 3600),
  };
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const platform = {
    gatewayUrl: gateway,
    ordersUrl,
    ordersMetricsUrl: metricsUrl('orders'),
    token: (actor) => common.signJwt(actor, jwt, 3600),
  };
  if (!demoData) {
    printBanner({ gateway, tokens, metricsUrl, demo: false });
    return;
  }
  const credentialsFile = join(dataDir, 'demo-credentials.json');
  const previous = existsSync(credentialsFile) ? JSON.parse(readFileSync(credentialsFile, 'utf8')) : {};
  // The rest of the loop, once: reconciliation, resolutions, settlement, billing, withdrawals.
  const world = await demo.seedDemoWorld({
    platform,
    daysAgo: DEMO_DAYS_AGO,
    merchantId: 2024164,
    otherMerchantId: 2023100,
    progress: (line) => log(`demo: ${line}`),
  });
  const otherTotpSecret = world.twoFactorSecret ?? previous.merchantApi?.otherTotpSecret ?? null;
  const credentials = {
    gateway,
    // Demo only: lets tools such as `npm run ledger:verify` reach the running demo's database.
    databaseUrl,
    tokens,
    merchantApi: {
      merchantId: 2024164,
      key: DEMO_KEYS.merchant,
      // The orders service's master key (MERCHANT_API_MASTER_KEY, a demo default unless set).
      masterKey: loadOrdersConfig(process.env).auth.masterKey,
      otherMerchantId: 2023100,
      otherKey: DEMO_KEYS.otherMerchant,
      // Merchant 2023100 has two-factor on: compute its withdrawal codes from this (base32 TOTP).
      otherTotpSecret,
    },
    accountApi: {
      unionId: CLEARING_DEMO.unionId,
      key: CLEARING_DEMO.key,
      childPhone: CLEARING_DEMO.childPhones[0],
    },
    openApi: { appId: DEMO_OPEN_API_APP.appId, appSecret: DEMO_OPEN_API_APP.secret },
    crmApi: { merchantId: SETTLEMENT_DEMO.merchantId },
  };
  writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`);
  if (liveTraffic)
    stopTraffic = demo.startLiveTraffic({
      platform,
      merchantIds: [2024164, 2023100],
      notifyUrl: receiver.url,
      progress: (line) => log(line),
    });

  printBanner({ gateway, tokens, metricsUrl, demo: true });
}

/** What is running and how to use it; `demo: false` (--no-demo) says what was skipped. */
function printBanner({ gateway, tokens, metricsUrl, demo }) {
  const example = `curl -s ${gateway}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${tokens.MERCHANT}' \\\n  -d '{"query":"{ merchantStats { today { orderCount grossAmount } total { orderCount grossAmount merchantIncome } } orders(pageSize: 3) { totalCount nodes { platformOrderNo amount statusText channel { name } } } }"}'`;
  const metrics = ['gateway', 'orders', 'ledger', 'reconciliation', 'settlement']
    .map((name) => `   ${`${name}:`.padEnd(16)} ${metricsUrl(name)}`)
    .join('\n');
  process.stdout.write(`
──────────────────────────────────────────────────────────────────────────────
 Payment back office is running (Ctrl-C stops everything).

 Console:         ${gateway}/console   (sign in as a demo operator, checker, analyst or merchant)
 Apollo Sandbox:  ${gateway}/graphql   (paste a token below into the Authorization header)
 Demo tokens (demo secret, 30 days)${demo ? ' — also in .data/demo-credentials.json' : ''}:
   MERCHANT (2024164): ${tokens.MERCHANT}
   OPERATOR:           ${tokens.OPERATOR}
   OPERATOR_CHECKER:   ${tokens.OPERATOR_CHECKER}
   ANALYST:            ${tokens.ANALYST}

 Metrics (internal listeners, Prometheus format):
${metrics}

${
  demo
    ? ` Demo traffic: ${liveTraffic ? 'a few new orders a minute (off: npm start -- --no-traffic, or DEMO_TRAFFIC=off)' : 'off'}`
    : ' Demo data: NOT seeded (--no-demo / DEMO_DATA=off): no demo days, demo world, credentials file or traffic'
}

 Check the ledger's invariants at any time:  npm run ledger:verify

 Example request:
 ${example}
──────────────────────────────────────────────────────────────────────────────
`);
}

main().catch(async (error) => {
  process.stderr.write(`[start] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
});

// Benchmark: periodic settlement at volume. BENCH_SETTLEMENT_ORDERS reconciled paid orders
// (default 100,000) across BENCH_SETTLEMENT_MERCHANTS merchants (default 1,000), each with
// a daily settlement account, plus 5 % more orders that are not reconciled yet (they must
// wait). The orders are seeded straight into the reconciliation service's `payment` and
// `payment_reconciliation` tables (what its published view `settlement_payment_v1` reads)
// with set-based inserts; then the settlement service's own `runSettlement` — the code the
// schedule and the `runSettlements` mutation call — settles them, and again (nothing left).
// Figures, never assertions.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const orders = require(join(root, 'services/orders/dist/index-lib.js'));
const recon = require(join(root, 'services/reconciliation/dist/index-lib.js'));
const settlement = require(join(root, 'services/settlement/dist/index-lib.js'));

const ORDERS = Number(process.env.BENCH_SETTLEMENT_ORDERS ?? 100_000);
const MERCHANTS = Number(process.env.BENCH_SETTLEMENT_MERCHANTS ?? 1_000);
const UNRECONCILED = Math.floor(ORDERS / 20);
const FIRST_MERCHANT = 3_000_000;
/** Paid yesterday (China time); the scheduled run settles up to today's 00:00. */
const today = common.startOfChinaDay(new Date());
const yesterday = common.addDays(today, -1);

async function seed(client) {
  await client.query(
    `insert into orders.merchant (id, name, signing_key)
     select ${FIRST_MERCHANT} + m, 'bench merchant ' || m, md5(m::text) from generate_series(0, $1 - 1) m`,
    [MERCHANTS],
  );
  // Order i: merchant i % MERCHANTS, 1.00 … 1000.00 yuan, fee 6 %, paid during yesterday.
  await client.query(
    `insert into reconciliation.payment (platform_order_no, merchant_id, merchant_name, merchant_order_no,
       channel_code, pay_type, amount, fee, status, status_code, admin_status_code, created_at, paid_at, seq)
     select 'B' || lpad(i::text, 19, '0'), ${FIRST_MERCHANT} + i % $1, 'bench merchant ' || (i % $1),
            'M' || i, 'zfbwthf', 'alipay', a, (a * 6 + 50) / 100, 'PAID', 1, 2,
            $2::timestamptz + (i % 86000) * interval '1 second', $2::timestamptz + (i % 86000) * interval '1 second', i
     from (select i, 100 + (i * 7919) % 99901 as a from generate_series(0, $3 - 1) i) s`,
    [MERCHANTS, yesterday.toISOString(), ORDERS + UNRECONCILED],
  );
  await client.query(
    `insert into reconciliation.payment_reconciliation (platform_order_no, status)
     select 'B' || lpad(i::text, 19, '0'), 1 from generate_series(0, $1 - 1) i`,
    [ORDERS],
  );
  await client.query(
    `insert into settlement.settlement_account (merchant_id, method, account_name, account_no, period, created_by)
     select ${FIRST_MERCHANT} + m, 3, 'bench ' || m, 'bench' || m || '@example.com', 1, 'bench'
     from generate_series(0, $1 - 1) m`,
    [MERCHANTS],
  );
  await client.query('analyze');
}

async function timedRun(orm) {
  const before = common.sqlStatementCount();
  const started = performance.now();
  const result = await settlement.runSettlement(
    orm.em.fork(),
    { views: { paymentsSchema: 'reconciliation', merchantsSchema: 'orders' } },
    { until: new Date(), person: 'auto', scheduled: true },
  );
  return {
    result,
    seconds: (performance.now() - started) / 1000,
    statements: common.sqlStatementCount() - before,
  };
}

export async function run({ print }) {
  common.configureLogger({ service: 'bench', level: 'warn' });
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_settlement_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = common.withDatabase(adminUrl, name);
  const opened = [];
  try {
    for (const [schema, lib, entities, migrations] of [
      ['orders', orders, 'ordersEntities', 'ordersMigrations'],
      ['reconciliation', recon, 'reconciliationEntities', 'reconciliationMigrations'],
    ]) {
      opened.push(
        await common.openDatabase({ url, schema, entities: lib[entities], migrations: lib[migrations] }),
      );
    }
    const orm = await common.openDatabase({
      url,
      schema: 'settlement',
      entities: settlement.settlementEntities,
      migrations: settlement.settlementMigrations,
    });
    opened.push(orm);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let t = performance.now();
    await seed(client);
    print(`settlement_orders: ${ORDERS} reconciled paid orders (BENCH_SETTLEMENT_ORDERS)`);
    print(`settlement_merchants: ${MERCHANTS} merchants with a daily account (BENCH_SETTLEMENT_MERCHANTS)`);
    print(`settlement_unreconciled_orders: ${UNRECONCILED} paid orders not reconciled yet (must wait)`);
    print(`settlement_seed_seconds: ${((performance.now() - t) / 1000).toFixed(1)} s (setup)`);

    const first = await timedRun(orm);
    print(`settlement_run_seconds: ${first.seconds.toFixed(2)} s`);
    print(`settlement_run_statements: ${first.statements} statements`);
    print(`settlement_records_created: ${first.result.settlementsCreated} settlements`);
    print(`settlement_orders_settled: ${first.result.ordersSettled} orders`);
    print(`settlement_total: ${common.formatFen(first.result.total)} yuan`);
    const second = await timedRun(orm);
    print(
      `settlement_rerun: ${second.result.ordersSettled} orders settled again, ${second.statements} statements, ${second.seconds.toFixed(2)} s`,
    );
    const { rows } = await client.query(
      `select count(*)::int as settled, count(distinct settlement_id)::int as records,
              (select count(*)::int from reconciliation.payment_reconciliation) as reconciled
       from settlement.settled_order`,
    );
    print(
      `settlement_check: ${rows[0].settled} settled of ${rows[0].reconciled} reconciled, in ${rows[0].records} records`,
    );
    await client.end();
    return `settlement ${ORDERS} orders / ${MERCHANTS} merchants in ${first.seconds.toFixed(2)} s, ${first.statements} statements`;
  } finally {
    for (const orm of opened.reverse()) await orm.close(true);
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${name}"`);
    await cleanup.end();
    await embedded?.stop();
  }
}

// Benchmark: reconciliation at volume. BENCH_RECON_ORDERS orders (default 1,000,000) of
// one China day: the platform side seeded straight into `payment` (one set-based insert),
// the channel side as a real WeChat Pay ALL trade bill written to a temporary file, with
// about 1 % of the orders in every discrepancy class. A child process (the service's own
// code, bench/workers/recon-worker.mjs) imports the file through the real ingestion path
// and runs the reconciliation of that day; its peak memory is measured on its own. Then,
// in the same run and database, a hand-written full outer join classifies the same two
// tables into an unindexed table, as the floor the run is compared with, and `psql \copy`
// loads the same lines, already split into columns, into a twin of statement_line (same
// indexes and constraints), as the floor the import is compared with. Last, a second,
// smaller bill (a tenth of the lines) is imported by a fresh worker, so the import's peak
// memory is shown at two sizes. Figures, never assertions.
//
// BENCH_RECON_ORDERS sets the size (default 1,000,000 orders → 1,010,000 lines, the real
// figures); 100000 is a quick size for trying things. BENCH_PSQL: the psql binary.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const recon = require(join(root, 'services/reconciliation/dist/index-lib.js'));

const ORDERS = Number(process.env.BENCH_RECON_ORDERS ?? 1_000_000);
/** Orders of the second, smaller bill (import memory at another size). */
const SMALL_ORDERS = Math.max(1000, Math.round(ORDERS / 10));
const PSQL = process.env.BENCH_PSQL ?? '/usr/bin/psql';
const SOURCE = 'wechat';
const BILL_DATE = '2025-11-16';
const DAY_START = common.parseChinaDateTime(BILL_DATE);
const DAY_END = common.addDays(DAY_START, 1);
/** Orders outside the doubtful class are traded before 23:50 (the default 10-minute cut-off). */
const BEFORE_CUTOFF_SECONDS = 23 * 3600 + 50 * 60;

/**
 * The planted classes: order i belongs to class (i % 100), and `sub` = floor(i / 100) % 2
 * splits a class in two. Everything not listed is normal (93 %).
 *   0 surplus    sub 0: a payment line, no payment; sub 1: a line, the payment PENDING (no transaction id)
 *   1 shortage   a PAID payment, no line
 *   2 abnormal   amount: the line is 0.01 less than the PAID payment
 *   3 abnormal   status: the PAID payment was refunded in full at the channel (payment + refund line)
 *   4 refunded   a REFUNDED payment, a payment line and a refund line
 *   5 reversed   a PENDING payment that keeps its transaction id (撤单); sub 0: payment + refund line, sub 1: a REVOKED line
 *   6 doubtful   in the last 10 minutes of the day; sub 0: a line without payment, sub 1: a PAID payment without line
 */
const ISSUE_NAMES = ['doubtful', 'surplus', 'shortage', 'abnormal', 'normal', 'reversed', 'refunded'];
const ISSUE_OF_CLASS = { 0: 1, 1: 2, 2: 3, 3: 3, 4: 6, 5: 5, 6: 0 };
const issueOf = (k) => ISSUE_OF_CLASS[k] ?? 4;

const orderNo = (i) => `H${BILL_DATE.replaceAll('-', '')}${String(i).padStart(12, '0')}`; // H + 20 digits
const transactionId = (i) => `42000029${BILL_DATE.replaceAll('-', '')}${String(i).padStart(12, '0')}`;
const payer = (i) => `oUpF8u${String(i).padStart(22, '0')}`;
const amountOf = (i) => 100 + ((i * 7919) % 99901); // 1.00 … 1000.00 yuan, in fen
/** Seconds after midnight (China time) of order i's payment: spread over the day, doubtful ones at its end. */
const secondOf = (i, orders = ORDERS) =>
  i % 100 === 6
    ? BEFORE_CUTOFF_SECONDS + (Math.floor(i / 100) % 600)
    : Math.floor((i * BEFORE_CUTOFF_SECONDS) / orders);

// The same formulas in SQL (i: bigint from generate_series), for the payment seed.
const SQL_NO = `'H${BILL_DATE.replaceAll('-', '')}' || lpad(i::text, 12, '0')`;
const SQL_TX = `'42000029${BILL_DATE.replaceAll('-', '')}' || lpad(i::text, 12, '0')`;
const SQL_SECOND = `case when i % 100 = 6 then ${BEFORE_CUTOFF_SECONDS} + (i / 100) % 600 else (i * ${BEFORE_CUTOFF_SECONDS}) / ${ORDERS} end`;

const yuan = (fen) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** 10^-5 yuan units as WeChat's five-decimal fee text. */
const fee5 = (units) =>
  `${units < 0 ? '-' : ''}${Math.floor(Math.abs(units) / 100000)}.${String(Math.abs(units) % 100000).padStart(5, '0')}`;
const pad2 = (n) => String(n).padStart(2, '0');
const chinaTime = (second) =>
  `${BILL_DATE} ${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;

const ALL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

async function seedPayments(client) {
  // One statement; classes as documented above. 0/sub 0 and 6/sub 0 have no payment.
  const result = await client.query(
    `
    insert into payment (platform_order_no, upstream_order_no, merchant_id, merchant_name, merchant_order_no,
      channel_code, pay_type, amount, fee, status, status_code, admin_status_code, created_at, paid_at,
      payer_id, seq)
    select ${SQL_NO},
      case when k = 0 then null else ${SQL_TX} end,
      2024100 + (i % 50)::int, 'bench merchant ' || (i % 50), 'M' || i,
      'wxwthf', 'wechat', 100 + (i * 7919) % 99901, 0,
      case when k in (0, 5) then 'PENDING' when k = 4 then 'REFUNDED' else 'PAID' end,
      case when k in (0, 4, 5) then 0 else 1 end,
      case when k in (0, 5) then 1 when k = 4 then 4 else 2 end,
      t - interval '5 seconds',
      case when k in (0, 5) then null else t end,
      'oUpF8u' || lpad(i::text, 22, '0'), i + 1
    from generate_series(0::bigint, ${ORDERS - 1}::bigint) i
    cross join lateral (select (i % 100)::int as k, ((i / 100) % 2)::int as sub,
      $1::timestamptz + (${SQL_SECOND}) * interval '1 second' as t) x
    where not (k in (0, 6) and sub = 0)`,
    [DAY_START.toISOString()],
  );
  // Statistics as a long-lived table would have them (autovacuum), before anything reads it.
  await client.query('analyze payment');
  return result.rowCount;
}

/**
 * Writes the channel's ALL trade bill for the day, streamed: UTF-8 BOM, the 27-column
 * header, backtick-prefixed CRLF rows (a refund line follows its payment line), and the
 * 7-column summary with the exact totals. Returns what it wrote and the issues planted.
 */
export async function writeStatement(path, orders = ORDERS) {
  const out = createWriteStream(path);
  let chunk = `\uFEFF${ALL_HEADER}\r\n`;
  const put = async (text) => {
    chunk += text;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  };
  const totals = {
    rows: 0,
    payments: 0,
    refunds: 0,
    revoked: 0,
    settled: 0,
    refunded: 0,
    fee: 0,
    ordered: 0,
    applied: 0,
  };
  const planted = new Array(ISSUE_NAMES.length).fill(0);
  const row = (fields) => `${fields.map((f) => `\`${f}`).join(',')}\r\n`;
  const line = (i, second, state, { settled, refund, fee, ordered, applied }) => {
    totals.rows += 1;
    totals.settled += settled;
    totals.refunded += refund;
    totals.fee += fee;
    totals.ordered += ordered;
    totals.applied += applied;
    const isRefund = state === 'REFUND';
    return row([
      chinaTime(second),
      'wx2421b1c4370ec43b',
      '10000100',
      '',
      '',
      transactionId(i),
      orderNo(i),
      payer(i),
      'NATIVE',
      state,
      'CMB_DEBIT',
      'CNY',
      yuan(settled),
      '0.00',
      isRefund ? `50300000${String(i).padStart(15, '0')}` : '0',
      isRefund ? `R${orderNo(i)}` : '0',
      yuan(refund),
      '0.00',
      isRefund ? 'ORIGINAL' : '',
      isRefund ? 'SUCCESS' : '',
      '话费充值',
      '',
      fee5(fee),
      '0.60%',
      yuan(ordered),
      yuan(applied),
      '',
    ]);
  };
  for (let i = 0; i < orders; i += 1) {
    const k = i % 100;
    const sub = Math.floor(i / 100) % 2;
    planted[issueOf(k)] += 1;
    if (k === 1 || (k === 6 && sub === 1)) continue; // shortages: the platform only
    const amount = amountOf(i);
    const second = secondOf(i, orders);
    if (k === 5 && sub === 1) {
      totals.revoked += 1;
      await put(
        line(i, second, 'REVOKED', { settled: amount, refund: 0, fee: 0, ordered: amount, applied: 0 }),
      );
      continue;
    }
    const paid = k === 2 ? amount - 1 : amount;
    totals.payments += 1;
    await put(
      line(i, second, 'SUCCESS', { settled: paid, refund: 0, fee: paid * 6, ordered: paid, applied: 0 }),
    );
    if (k === 3 || k === 4 || k === 5) {
      totals.refunds += 1;
      await put(
        line(i, second + 300, 'REFUND', {
          settled: 0,
          refund: amount,
          fee: -amount * 6,
          ordered: 0,
          applied: amount,
        }),
      );
    }
  }
  const t = totals;
  await put(`${SUMMARY_HEADER}\r\n`);
  await put(
    `${[t.rows, yuan(t.settled), yuan(t.refunded), '0.00', fee5(t.fee), yuan(t.ordered), yuan(t.applied)]
      .map((f) => `\`${f}`)
      .join(',')}`,
  );
  out.end(chunk);
  await once(out, 'finish');
  return { totals, planted };
}

/** Peak of VmRSS sampled every 100 ms while `pid` runs, per phase the worker announces. */
function sampleRss(pid, phaseOf) {
  const peaks = {};
  const timer = setInterval(() => {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!match) return;
      const phase = phaseOf();
      peaks[phase] = Math.max(peaks[phase] ?? 0, Number(match[1]));
    } catch {
      // gone
    }
  }, 100);
  return { peaks, stop: () => clearInterval(timer) };
}

async function runWorker(input) {
  const child = spawn(process.execPath, [join(root, 'bench/workers/recon-worker.mjs')], {
    env: { ...process.env, RECON_WORKER_INPUT: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let phase = 'start';
  const messages = {};
  const sampler = sampleRss(child.pid, () => phase);
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (text) => {
    try {
      const message = JSON.parse(text);
      messages[message.phase] = message;
      phase = { 'import-start': 'import', 'import-done': 'run', 'run-done': 'end' }[message.phase] ?? phase;
    } catch {
      process.stderr.write(`${text}\n`);
    }
  });
  const [code] = await once(child, 'exit');
  sampler.stop();
  if (code !== 0) throw new Error(`recon worker exited with ${code}`);
  return { messages, sampledPeaks: sampler.peaks };
}

/** The raw join's target: a plain logged table without indexes (created before the timing). */
const RAW_TABLE_SQL = `
create table bench_raw_reconciliation (
  order_key varchar(80), channel_state varchar(20), platform_state varchar(20), platform_status varchar(40),
  channel_amount bigint, platform_amount bigint, issue smallint)`;

/**
 * The floor the run is compared with: ONE hand-written INSERT … SELECT over the same two tables
 * and period — the day's current statement lines aggregated per order number, FULL OUTER JOINed
 * with the WeChat payments, each pair put in the run's channel × platform grid (same
 * states, same verdicts, the same near-cut-off doubtful rule) and written to a plain
 * logged table without indexes. It leaves out what the run does besides: matching lines
 * by transaction id when the order number is empty, neighbouring-day lines of unanchored
 * orders, earlier runs' doubtful rows (settle/expire), the notes, codes and
 * reconciliation_result's five indexes, the per-order reconciliation status upsert into
 * `payment_reconciliation`, the headers, and the run's bookkeeping (lock, run row, transactions).
 */
const RAW_JOIN_SQL = `
insert into bench_raw_reconciliation
  (order_key, channel_state, platform_state, platform_status, channel_amount, platform_amount, issue)
with lines as (
  select platform_order_no as order_key,
         count(*) filter (where kind = 'PAYMENT') as payment_lines,
         count(*) filter (where kind = 'REFUND') as refund_lines,
         count(*) filter (where kind = 'REVOKED') as revoked_lines,
         coalesce(sum(amount) filter (where kind = 'PAYMENT'), 0)::bigint as paid,
         coalesce(sum(refund_amount) filter (where kind = 'REFUND'), 0)::bigint as refunded,
         max(amount) filter (where kind = 'REVOKED') as revoked_amount,
         min(trade_time) filter (where kind <> 'REFUND') as pay_time
  from statement_line
  where source = $1 and current and trade_time >= $2::timestamptz and trade_time < $3::timestamptz
  group by platform_order_no
),
pairs as (
  select coalesce(l.order_key, p.platform_order_no) as order_key, l.payment_lines, l.refund_lines, l.pay_time,
         p.amount as platform_amount, p.status as platform_status, p.paid_at,
         case when l.payment_lines > 0 then l.paid else l.revoked_amount end as channel_amount,
         case when p.platform_order_no is null then 'MISSING'
              when p.status_code in (1, 2) then 'PAID'
              when p.status = 'REFUNDED' then 'REFUNDED'
              when p.status = 'REVERSED' or p.upstream_order_no is not null then 'REVERSED'
              else 'UNPAID' end as platform_state,
         case when l.order_key is null then 'NONE'
              when l.revoked_lines > 0 then 'REVOKED'
              when l.refunded > 0 and l.refunded >= coalesce(nullif(l.paid, 0), p.amount, l.refunded) then 'REFUNDED'
              when l.refunded > 0 then 'PARTIALLY_REFUNDED'
              else 'PAID' end as channel_state
  from lines l
  full outer join (select * from payment where pay_type = 'wechat') p on p.platform_order_no = l.order_key
  where l.order_key is not null or (p.paid_at >= $2::timestamptz and p.paid_at < $3::timestamptz)
),
classified as (
  select q.*,
    case channel_state
      when 'NONE' then case platform_state when 'PAID' then 2 else 3 end
      when 'PAID' then case when platform_state in ('MISSING', 'UNPAID') then 1
                            when platform_state = 'PAID' and channel_amount = platform_amount then 4 else 3 end
      when 'REFUNDED' then case when platform_state = 'REFUNDED'
                                 and (payment_lines = 0 or channel_amount = platform_amount) then 6
                                when platform_state = 'REVERSED' then 5 else 3 end
      when 'REVOKED' then case when platform_state = 'PAID' then 3 else 5 end
      else 3 end as verdict,
    coalesce(case when channel_state = 'NONE' then paid_at else pay_time end >= $4::timestamptz, false) as near_cutoff
  from pairs q
)
select order_key, channel_state, platform_state, platform_status, channel_amount, platform_amount,
       case when verdict in (1, 2) and near_cutoff then 0 else verdict end as issue
from classified`;

const mb = (kb) => (kb / 1024).toFixed(1);

/** The statement_line columns the import's COPY fills (statement-copy.ts), in order. */
const LINE_COLUMNS =
  'statement_id, line_no, source, kind, trade_time, platform_order_no, transaction_id, refund_no, amount, refund_amount, fee, payer, device, product';

/** Runs one psql command against `url` (search_path: reconciliation); returns its wall time in seconds. */
function psql(url, command) {
  const started = performance.now();
  const result = spawnSync(PSQL, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], {
    env: { ...process.env, PGOPTIONS: '-c search_path=reconciliation,public' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.error}`);
  return (performance.now() - started) / 1000;
}

/**
 * The import's floor: the statement's lines, already split into columns, written to a CSV
 * (setup), then `psql \copy` of that file into a twin of statement_line — created `like
 * statement_line including all` (same columns, defaults, checks and indexes) plus its
 * foreign keys, empty like statement_line before the import. Returns the \copy's wall time.
 */
async function copyBaseline(client, url, statementId, dir) {
  const csv = join(dir, 'split-lines.csv');
  psql(
    url,
    `\\copy (select ${LINE_COLUMNS} from statement_line where statement_id = ${statementId} order by id) to '${csv}' with (format csv)`,
  );
  await client.query('drop table if exists statement_line_copy_baseline');
  await client.query('create table statement_line_copy_baseline (like statement_line including all)');
  const { rows: fks } = await client.query(
    `select pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = 'statement_line'::regclass and contype = 'f'`,
  );
  for (const fk of fks) await client.query(`alter table statement_line_copy_baseline add ${fk.def}`);
  // Settle the writes of the setup, as the import finds a settled database too.
  await client.query('checkpoint');
  try {
    const seconds = psql(
      url,
      `\\copy statement_line_copy_baseline (${LINE_COLUMNS}) from '${csv}' with (format csv)`,
    );
    return {
      seconds,
      rows: Number((await client.query('select count(*) as n from statement_line_copy_baseline')).rows[0].n),
    };
  } finally {
    await client.query('drop table statement_line_copy_baseline');
    rmSync(csv, { force: true });
  }
}

export async function run({ print }) {
  common.configureLogger({ service: 'bench', level: 'warn' });
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_recon_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = common.withDatabase(adminUrl, name);
  const work = mkdtempSync(join(tmpdir(), 'bench-recon-'));
  let client = null;
  try {
    const orm = await common.openDatabase({
      url,
      schema: 'reconciliation',
      entities: recon.reconciliationEntities,
      migrations: recon.reconciliationMigrations,
      poolMax: 2,
    });
    await orm.close(true);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('set search_path to reconciliation, public');

    let t = performance.now();
    const payments = await seedPayments(client);
    print(`recon_orders: ${ORDERS} orders (BENCH_RECON_ORDERS)`);
    print(`recon_payments_seeded: ${payments} payments`);
    print(
      `recon_seed_seconds: ${((performance.now() - t) / 1000).toFixed(1)} s (setup, one insert … select + analyze)`,
    );

    const file = join(work, `wechat-all-${BILL_DATE}.csv`);
    t = performance.now();
    const { totals, planted } = await writeStatement(file);
    const fileBytes = statSync(file).size;
    print(
      `recon_statement_lines: ${totals.rows} lines (${totals.payments} payments, ${totals.refunds} refunds, ${totals.revoked} revoked)`,
    );
    print(`recon_statement_file_size: ${(fileBytes / 1024 / 1024).toFixed(1)} MB`);
    print(`recon_statement_write_seconds: ${((performance.now() - t) / 1000).toFixed(1)} s (setup)`);

    await client.query('checkpoint'); // the seed's writes settle before anything is timed
    const { messages, sampledPeaks } = await runWorker({
      url,
      file,
      statementDir: join(work, 'store'),
      source: SOURCE,
      billDate: BILL_DATE,
      periodStart: DAY_START.toISOString(),
      periodEnd: DAY_END.toISOString(),
    });
    const imported = messages['import-done'];
    const done = messages['run-done'];
    if (!imported || !done) throw new Error('the worker did not report both phases');
    if (!imported.lineCount) throw new Error('sanity: no statement line was imported');
    if (imported.lineCount !== totals.rows)
      print(`recon_import_line_mismatch: ${imported.lineCount} imported of ${totals.rows} written`);
    print(`recon_import_seconds: ${imported.importSeconds.toFixed(2)} s (${imported.template})`);
    if (imported.storeSeconds !== null)
      print(
        `recon_import_store_seconds: ${imported.storeSeconds.toFixed(2)} s (of which: storing and hashing the file)`,
      );
    print(
      `recon_import_lines_per_second: ${(imported.lineCount / imported.importSeconds).toFixed(0)} lines/s`,
    );
    print(
      `recon_import_megabytes_per_second: ${(fileBytes / 1024 / 1024 / imported.importSeconds).toFixed(1)} MB/s`,
    );
    print(`recon_classification_seconds: ${done.runSeconds.toFixed(2)} s (the whole run, ${done.status})`);
    const phaseName = (sql) =>
      sql.startsWith('insert into reconciliation_result')
        ? 'classify'
        : sql.startsWith('update reconciliation_result o')
          ? 'settle_doubts'
          : sql.startsWith('with expired')
            ? 'expire_doubts'
            : sql.startsWith('insert into payment_reconciliation')
              ? 'order_status'
              : sql.startsWith('with affected')
                ? 'header'
                : null;
    let classifySeconds = null;
    for (const s of done.statements) {
      const phase = phaseName(s.sql);
      if (!phase) continue;
      if (phase === 'classify') classifySeconds = s.ms / 1000;
      print(`recon_run_${phase}_seconds: ${(s.ms / 1000).toFixed(2)} s`);
    }
    const peakKb = done.processPeakKb;
    print(`recon_service_peak_rss_mb: ${mb(peakKb)} MB (VmHWM of the worker process)`);
    print(
      `recon_service_baseline_rss_mb: ${mb(messages['import-start']?.rssKb ?? 0)} MB (loaded, connected, before the import)`,
    );
    print(`recon_service_import_peak_rss_mb: ${mb(imported.peakRssKb)} MB`);
    print(
      `recon_service_run_peak_rss_mb: ${mb(done.runPeakRssKb)} MB${done.runPeakIsOwn ? '' : ' (process peak: VmHWM could not be reset)'}`,
    );
    print(
      `recon_service_sampled_rss_mb: ${mb(sampledPeaks.import ?? 0)} MB import, ${mb(sampledPeaks.run ?? 0)} MB run (VmRSS every 100 ms)`,
    );

    // Whether the run saw statistics of the freshly imported lines (the import does not analyze).
    const { rows: stats } = await client.query(
      `select relname, n_live_tup, last_analyze, last_autoanalyze from pg_stat_user_tables
       where schemaname = 'reconciliation' and relname = 'statement_line'`,
    );
    print(
      `recon_statement_line_analyzed: ${stats[0]?.last_autoanalyze || stats[0]?.last_analyze ? 'yes' : 'no'} (autoanalyze by the end of the run)`,
    );

    // The raw full outer join, in the same database right after the run, with the run's work_mem.
    await client.query(RAW_TABLE_SQL);
    await client.query('checkpoint');
    await client.query('begin');
    await client.query(`set local work_mem = '64MB'`);
    t = performance.now();
    const raw = await client.query(RAW_JOIN_SQL, [
      SOURCE,
      DAY_START.toISOString(),
      DAY_END.toISOString(),
      new Date(DAY_END.getTime() - 10 * 60_000).toISOString(),
    ]);
    await client.query('commit');
    const rawSeconds = (performance.now() - t) / 1000;
    print(
      `recon_raw_full_outer_join_seconds: ${rawSeconds.toFixed(2)} s (one INSERT … SELECT, ${raw.rowCount} rows into an unindexed table)`,
    );
    const ratio = done.runSeconds / rawSeconds;
    print(
      `recon_run_over_raw_ratio: ${ratio.toFixed(2)} ratio (the whole run's time / the raw INSERT … SELECT's; lower is better, target <= 1.5)`,
    );
    if (classifySeconds !== null)
      print(
        `recon_classify_statement_over_raw_ratio: ${(classifySeconds / rawSeconds).toFixed(2)} ratio (the run's classify statement alone / raw; lower is better)`,
      );

    const counts = async (sql, params) =>
      Object.fromEntries((await client.query(sql, params)).rows.map((r) => [Number(r.issue), Number(r.n)]));
    const runCounts = await counts(
      'select issue, count(*) as n from reconciliation_result where run_id = $1 group by issue',
      [done.runId],
    );
    const rawCounts = await counts(
      'select issue, count(*) as n from bench_raw_reconciliation group by issue',
    );
    const mismatches = [];
    ISSUE_NAMES.forEach((issueName, issue) => {
      const n = runCounts[issue] ?? 0;
      print(
        `recon_issue_${issueName}: ${n} results (${((100 * n) / ORDERS).toFixed(2)} %, planted ${planted[issue]}, raw join ${rawCounts[issue] ?? 0})`,
      );
      if (n !== planted[issue]) mismatches.push(`${issueName} ${n}≠${planted[issue]}`);
    });
    const results = Object.values(runCounts).reduce((a, b) => a + b, 0);
    print(
      `recon_results: ${results} results (run header: ${done.lineCount} rows, ${done.statementLineCount} lines)`,
    );
    print(`recon_issues_as_planted: ${mismatches.length === 0 ? 'yes' : `no (${mismatches.join(', ')})`}`);
    await client.query('drop table bench_raw_reconciliation');

    // The import's floor: psql \copy of the same lines, split into columns, same table shape.
    let copyRatio = null;
    if (existsSync(PSQL)) {
      const copy = await copyBaseline(client, url, imported.statementId, work);
      copyRatio = copy.seconds / imported.importSeconds;
      print(
        `recon_psql_copy_seconds: ${copy.seconds.toFixed(2)} s (psql \\copy of ${copy.rows} split lines into a twin of statement_line)`,
      );
      print(
        `recon_import_over_copy_ratio: ${copyRatio.toFixed(2)} ratio (psql \\copy time / import time, i.e. the import's speed as a fraction of \\copy's; higher is better, target >= 0.8)`,
      );
    } else {
      print(`recon_import_over_copy_ratio: n/a (no psql at ${PSQL}; set BENCH_PSQL)`);
    }

    // The import's memory at another size: a tenth of the lines, another source, a fresh worker.
    const smallFile = join(work, `wechat-all-${BILL_DATE}-small.csv`);
    const small = await writeStatement(smallFile, SMALL_ORDERS);
    const smallRun = await runWorker({
      url,
      file: smallFile,
      statementDir: join(work, 'store'),
      source: 'sandbox-wechat',
      billDate: BILL_DATE,
      importOnly: true,
    });
    const smallImported = smallRun.messages['import-done'];
    if (!smallImported) throw new Error('the worker did not report the small import');
    print(
      `recon_import_peak_rss_mb_small: ${mb(smallImported.peakRssKb)} MB (VmHWM, ${smallImported.lineCount} lines, ${(statSync(smallFile).size / 1024 / 1024).toFixed(1)} MB; loaded and connected: ${mb(smallRun.messages['import-start']?.rssKb ?? 0)} MB)`,
    );
    print(
      `recon_import_peak_rss_mb_large: ${mb(imported.peakRssKb)} MB (VmHWM, ${imported.lineCount} lines, ${(fileBytes / 1024 / 1024).toFixed(1)} MB; loaded and connected: ${mb(messages['import-start']?.rssKb ?? 0)} MB)`,
    );
    if (small.totals.rows !== smallImported.lineCount)
      print(`recon_import_small_line_mismatch: ${smallImported.lineCount} imported of ${small.totals.rows}`);

    return `reconciliation: ${ORDERS} orders, ${imported.lineCount} lines imported in ${imported.importSeconds.toFixed(1)} s (${(imported.lineCount / imported.importSeconds).toFixed(0)} lines/s, ${copyRatio === null ? 'no psql' : `${copyRatio.toFixed(2)}x psql \\copy's speed`}), run ${done.runSeconds.toFixed(1)} s vs raw full outer join ${rawSeconds.toFixed(1)} s (${ratio.toFixed(2)}x its time), import peak RSS ${mb(smallImported.peakRssKb)} MB at ${smallImported.lineCount} lines, ${mb(imported.peakRssKb)} MB at ${imported.lineCount}`;
  } finally {
    await client?.end().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
    if (embedded) await embedded.stop();
  }
}

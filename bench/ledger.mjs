// Benchmark: ledger throughput with 32 concurrent clients — order-credit postings
// (five legs each, three on hot shared accounts) and merchant withdrawals — then the
// verification's result, which must be clean.
//
// Baseline in the same run: pgbench (or, without it, an equivalent node-postgres loop)
// calling `post_entry` once per posting, same legs, same 32 clients. The service posts
// through its PostingBatcher (group commit), as its order-event route does.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const common = require(join(root, 'services/common/dist/index.js'));
const ledger = require(join(root, 'services/ledger/dist/index-lib.js'));
const { applyOrderEvent } = require(
  join(root, 'services/ledger/dist/modules/order-events/order-event.handler.js'),
);
const { verifyLedger, formatReport } = require(
  join(root, 'services/ledger/dist/modules/verify/ledger-verify.js'),
);
const { requestWithdrawal } = require(
  join(root, 'services/ledger/dist/modules/withdrawal/withdrawal.service.js'),
);
const { noMerchantSecurity } = require(
  join(root, 'services/ledger/dist/modules/withdrawal/merchant-security.client.js'),
);
const { addBankCard, approveBankCard } = require(
  join(root, 'services/ledger/dist/modules/bank-card/bank-card.service.js'),
);
const { post, PostingBatcher, attachPostingBatcher, detachPostingBatcher } = ledger;
const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 8000);
const WITHDRAWALS = Number(process.env.BENCH_WITHDRAWALS ?? 4000);
const MERCHANTS = 200;

async function concurrently(total, clients, task) {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        try {
          await task(i);
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.error(error);
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, failures };
}

function paidEvent(i) {
  const merchantId = 5_000_000 + (i % MERCHANTS);
  return {
    id: randomUUID(),
    topic: 'order.paid',
    payload: {
      orderId: i + 1,
      platformOrderNo: `HBENCH${String(i).padStart(14, '0')}`,
      merchantId,
      merchantOrderNo: `B${i}`,
      channelCode: ['zfbwthf', 'wxwthf', 'qqhf', 'swzfb'][i % 4],
      pzid: 332 + (i % 3),
      agentId: 1 + (i % 5),
      amount: 10000,
      merchantIncome: 8850,
      agentIncome: 400,
      channelFee: 750,
      upstreamCost: 50,
      platformProfit: 700,
      creditSeq: 0,
      paidAt: new Date().toISOString(),
      status: 'PAID',
      source: 'bench',
      actor: null,
    },
  };
}

const CHANNELS = ['zfbwthf', 'wxwthf', 'qqhf', 'swzfb'];

// One posting of paidEvent's shape per statement; keys from a sequence. Legs as creditLegs builds them.
// No ':' in literals: pgbench would read ':word' as a variable (hence chr(58)).
const BASELINE_SQL = `select post_entry('pgbench-' || nextval('bench_baseline_seq'), 1, '订单入账：bench', null,
  'system' || chr(58) || 'orders-events', null, jsonb_build_array(
    jsonb_build_object('ownerType', 'CHANNEL', 'ownerId', (array['${CHANNELS.join("','")}'])[:c::int], 'purpose', 'CHANNEL_RECEIVABLE', 'amount', -10000),
    jsonb_build_object('ownerType', 'MERCHANT', 'ownerId', (5000000 + :m::int)::text, 'purpose', 'MERCHANT_FROZEN', 'amount', 8850,
      'description', '资金流水记录：订单金额100.00元，到账金额88.50元'),
    jsonb_build_object('ownerType', 'PLATFORM', 'ownerId', 'platform', 'purpose', 'PLATFORM_REVENUE', 'amount', 700),
    jsonb_build_object('ownerType', 'UPSTREAM', 'ownerId', (331 + :z::int)::text, 'purpose', 'UPSTREAM_COST', 'amount', 50),
    jsonb_build_object('ownerType', 'AGENT', 'ownerId', (:a::int)::text, 'purpose', 'AGENT_COMMISSION', 'amount', 400,
      'type', 3, 'description', '代理分润：订单bench，分润4.00元')),
  'HBENCHBASELINE', now())`;

/** Postings per second of `post_entry` called once per posting by `clients` connections. */
async function baseline(url, total, clients) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('create sequence if not exists ledger.bench_baseline_seq');
  await admin.end();
  if (existsSync(PGBENCH)) {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-pgbench-'));
    try {
      const script = join(dir, 'post-entry.sql');
      writeFileSync(
        script,
        `\\set m random(0, ${MERCHANTS - 1})\n\\set c random(1, 4)\n\\set z random(1, 3)\n\\set a random(1, 5)\n${BASELINE_SQL.replace(/\n\s*/g, ' ')};\n`,
      );
      const perClient = Math.max(1, Math.round(total / clients));
      const { stdout } = await promisify(execFile)(
        PGBENCH,
        [
          '-n',
          '-M',
          'prepared',
          '-c',
          String(clients),
          '-j',
          '2',
          '-t',
          String(perClient),
          '-f',
          script,
          url,
        ],
        { env: { ...process.env, PGOPTIONS: '-c search_path=ledger,public' } },
      );
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
      const failed = /number of failed transactions: (\d+)/.exec(stdout);
      if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
      return {
        tool: 'pgbench',
        rate: Number(tps[1]),
        postings: perClient * clients,
        failures: Number(failed?.[1] ?? 0),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // No pgbench: the same statement, prepared, from `clients` node-postgres connections.
  const text = BASELINE_SQL.replace(':c', '$1').replace(':m', '$2').replace(':z', '$3').replace(':a', '$4');
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url, options: '-c search_path=ledger,public' });
      await c.connect();
      return c;
    }),
  );
  const random = (n) => 1 + Math.floor(Math.random() * n);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    connections.map(async (c) => {
      while (next < total) {
        next += 1;
        await c.query({
          name: 'baseline',
          text,
          values: [random(4), random(MERCHANTS) - 1, random(3), random(5)],
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(connections.map((c) => c.end()));
  return { tool: 'node-postgres loop', rate: total / seconds, postings: total, failures: 0 };
}

export async function run({ print }) {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const name = `bench_ledger_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = common.withDatabase(adminUrl, name);
  const orm = await common.openDatabase({
    url,
    schema: 'ledger',
    entities: ledger.ledgerEntities,
    migrations: ledger.ledgerMigrations,
    poolMax: CLIENTS + 4,
  });
  const batcher = new PostingBatcher({
    url,
    connections: Number(process.env.BENCH_POSTING_CONNECTIONS ?? 4),
  });
  attachPostingBatcher(orm, batcher);
  try {
    // Warm the accounts so the run measures postings, not first-use account creation.
    for (let i = 0; i < MERCHANTS; i += 1) await applyOrderEvent(orm.em.fork(), paidEvent(POSTINGS + i));

    const base = await baseline(url, POSTINGS, CLIENTS);
    print(`ledger_baseline_tool: ${base.tool} (post_entry once per posting, ${CLIENTS} clients)`);
    print(`ledger_baseline_postings_per_second: ${base.rate.toFixed(0)} postings/s`);
    print(`ledger_baseline_failures: ${base.failures} failures`);

    // As the order-event route applies a credit: no transaction around it, group-committed.
    const before = { ...batcher.stats };
    const credits = await concurrently(POSTINGS, CLIENTS, (i) =>
      applyOrderEvent(orm.em.fork(), paidEvent(i)),
    );
    const rate = POSTINGS / credits.seconds;
    const batches = batcher.stats.batches - before.batches;
    print(`ledger_order_credits: ${POSTINGS} postings (5 legs, 3 on hot accounts)`);
    print(`ledger_postings_per_second: ${rate.toFixed(0)} postings/s`);
    print(`ledger_api_over_pgbench_ratio: ${(rate / base.rate).toFixed(2)} ratio`);
    print(`ledger_posting_failures: ${credits.failures} failures`);
    print(
      `ledger_group_commit_batch_size: ${((batcher.stats.entries - before.entries) / Math.max(1, batches)).toFixed(1)} postings/call`,
    );

    // Withdrawals: release each merchant's income (as the nightly unfreeze does), give it an
    // approved card, then the clients request withdrawals of 1.00 until WITHDRAWALS are done.
    const operator = { sub: 'bench-operator', role: 'OPERATOR' };
    for (let m = 0; m < MERCHANTS; m += 1) {
      const merchantId = 5_000_000 + m;
      const em = orm.em.fork();
      const [row] = await em
        .getConnection()
        .execute(
          `select balance from account_balance where owner_type = 'MERCHANT' and owner_id = ? and purpose = 'MERCHANT_FROZEN'`,
          [String(merchantId)],
        );
      const frozen = Number(row?.balance ?? 0);
      await post(em, {
        uniqueNo: `bench-unfreeze-${merchantId}`,
        type: 5,
        description: '冻结资金解冻',
        actor: 'bench',
        legs: [
          { ownerType: 'MERCHANT', ownerId: String(merchantId), purpose: 'MERCHANT_FROZEN', amount: -frozen },
          {
            ownerType: 'MERCHANT',
            ownerId: String(merchantId),
            purpose: 'MERCHANT_AVAILABLE',
            amount: frozen,
          },
        ],
      });
      const card = await addBankCard(orm.em.fork(), {
        merchantId,
        accountName: `bench ${merchantId}`,
        accountNumber: `6217000000${String(merchantId).padStart(9, '0')}`,
        bankName: '中国建设银行',
      });
      await approveBankCard(orm.em.fork(), card.id, operator);
    }
    const rule = { feeFixed: 0, feeRatePpm: 0, minAmount: 100 };
    let refused = 0;
    const withdrawals = await concurrently(WITHDRAWALS, CLIENTS, async (i) => {
      const merchantId = 5_000_000 + (i % MERCHANTS);
      try {
        await requestWithdrawal(orm.em.fork(), rule, noMerchantSecurity, {
          merchantId,
          amount: '1.00',
          bankCardId: null,
          totpCode: null,
          actor: { sub: `merchant:${merchantId}`, role: 'MERCHANT', merchantId },
        });
      } catch (error) {
        if (error?.code === 'INSUFFICIENT_BALANCE') refused += 1;
        else throw error;
      }
    });
    print(
      `ledger_withdrawals: ${WITHDRAWALS} requests (${refused} refused for balance, ${withdrawals.failures} failures)`,
    );
    const withdrawalRate = WITHDRAWALS / withdrawals.seconds;
    print(`ledger_withdrawals_per_second: ${withdrawalRate.toFixed(0)} withdrawals/s`);
    print(`ledger_withdrawals_over_postings_ratio: ${(withdrawalRate / rate).toFixed(2)} ratio`);

    const report = await verifyLedger(orm.em.fork());
    print(`ledger_verify_postings: ${report.postings} postings`);
    print(
      `ledger_verify_findings: ${
        report.ok
          ? 0
          : formatReport(report)
              .split('\n')
              .filter((l) => l.startsWith('FAIL')).length
      } findings`,
    );
    print(`ledger_verify_result: ${report.ok ? 'clean' : 'DRIFT'}`);
    print(`ledger_verify: ${report.ok ? 'clean' : 'DRIFT'}`);
    return `ledger: ${rate.toFixed(0)} postings/s (${(rate / base.rate).toFixed(2)}× ${base.tool}) and ${withdrawalRate.toFixed(0)} withdrawals/s with ${CLIENTS} clients; verify ${report.ok ? 'clean' : 'DRIFT'}`;
  } finally {
    detachPostingBatcher(orm);
    await batcher.close();
    await orm.close(true);
    if (embedded) await embedded.stop();
  }
}

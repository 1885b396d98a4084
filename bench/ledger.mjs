// Benchmark: ledger throughput with 32 concurrent clients — order-credit postings
// (five legs each, three on hot shared accounts) and merchant withdrawals — then the
// verification's result, which must be clean.
import { randomUUID } from 'node:crypto';
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
const { post } = ledger;

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
    },
  };
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
  try {
    // Warm the accounts so the run measures postings, not first-use account creation.
    for (let i = 0; i < MERCHANTS; i += 1)
      await orm.em.fork().transactional((tx) => applyOrderEvent(tx, paidEvent(POSTINGS + i)));

    const credits = await concurrently(POSTINGS, CLIENTS, (i) =>
      orm.em.fork().transactional((tx) => applyOrderEvent(tx, paidEvent(i))),
    );
    print(`ledger_order_credits: ${POSTINGS} postings (5 legs, 3 on hot accounts)`);
    print(`ledger_postings_per_second: ${(POSTINGS / credits.seconds).toFixed(0)} postings/s`);
    print(`ledger_posting_failures: ${credits.failures} failures`);

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
    print(`ledger_withdrawals_per_second: ${(WITHDRAWALS / withdrawals.seconds).toFixed(0)} withdrawals/s`);

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
    return `ledger: ${(POSTINGS / credits.seconds).toFixed(0)} postings/s and ${(WITHDRAWALS / withdrawals.seconds).toFixed(0)} withdrawals/s with ${CLIENTS} clients; verify ${report.ok ? 'clean' : 'DRIFT'}`;
  } finally {
    await orm.close(true);
    if (embedded) await embedded.stop();
  }
}

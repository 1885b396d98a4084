// Issue 13: a Jepsen-style "bank" test on real processes. A concurrent stream of money
// movements (paid orders, refunds, top-ups, withdrawals and their payouts, account
// clearings, wallet recharges, a settlement payout) runs through the gateway and the
// sandbox channel while each service in turn is SIGKILLed and restarted, and once every
// database connection is cut. Every operation's outcome as the client saw it is recorded
// (ok, failed, or unknown because of a crash — unknowns are retried with the same
// idempotency key until they resolve). Afterwards, once the outboxes have drained, the
// invariants must hold: the ledger verifies clean, every paid order is credited exactly
// once, no withdrawal is lost or doubled, money is conserved account by account, and
// every merchant notification was delivered or parked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  formatChinaDate,
  formatFen,
  freePort,
  openDatabase,
  signJwt,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
import { buildStandardWorld, ordersEntities, ordersMigrations } from '@pay/orders';
import { loadGatewayConfig } from '@pay/gateway';
import {
  CLEARING_DEMO,
  childAccountDrift,
  clearingDrift,
  formatReport,
  ledgerEntities,
  ledgerMigrations,
  postingKeyDrift,
  verifyLedger,
} from '@pay/ledger';
import { demoVoucherPng } from '@pay/demo';
import { CrashCluster, type ServiceName } from '../support/crash-cluster';

jest.setTimeout(90_000);

const MERCHANT = TEST_ACTORS.merchant;
const OTHER = TEST_ACTORS.otherMerchant;
const OPERATOR = TEST_ACTORS.operator;
/** Notification attempts: the first, then one per entry of the schedule; then parked. */
const NOTIFY_SCHEDULE = [0.2, 0.2];
const NOTIFY_ATTEMPTS = NOTIFY_SCHEDULE.length + 1;

// ── what the client saw ─────────────────────────────────────────────────────────────

type Outcome = 'ok' | 'failed' | 'unknown';
type Answer<T> = { outcome: 'ok'; value: T } | { outcome: 'failed'; code: string } | { outcome: 'unknown' };

interface Op {
  kind:
    'pay' | 'refund' | 'fund' | 'withdraw' | 'payout' | 'incoming' | 'clear' | 'childWithdraw' | 'recharge';
  key: string;
  amountFen: number;
  outcome: Outcome;
  code?: string;
  tries: number;
}

/** Error codes that say definitely "refused, nothing changed"; anything else may have happened. */
const DEFINITE = new Set([
  'BAD_USER_INPUT',
  'INSUFFICIENT_BALANCE',
  'ILLEGAL_TRANSITION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'ALREADY_SETTLED',
  'AMOUNT_MISMATCH',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** A small deterministic PRNG (mulberry32): the same stream of operations every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('bank test: money stays right while every service is killed in turn', () => {
  const cluster = new CrashCluster();
  let db: { url: string; drop: () => Promise<void> };
  let scratch: string;
  let receiver: Server;
  let receiverUrl = '';
  /** Notifications the merchant endpoint received: merchant order no → answers given. */
  const notified = new Map<string, string[]>();
  let token: (actor: Actor) => string;
  const history: Op[] = [];
  let mainAccountId = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'bank-crash-'));
    // The merchants' notify endpoint: PARK-… orders are always refused (so they must end
    // parked), every other order is acknowledged.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const orderNo = String((JSON.parse(body || '{}') as { fxddh?: string }).fxddh ?? '');
        const answer = orderNo.startsWith('PARK-') ? 'fail' : 'success';
        notified.set(orderNo, [...(notified.get(orderNo) ?? []), answer]);
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;

    // Merchants, channels and upstream configs: the orders service's own standard world,
    // built by its builders on its migrated schema before the process starts.
    const ordersOrm = await openDatabase({
      url: db.url,
      schema: 'orders',
      entities: ordersEntities,
      migrations: ordersMigrations,
    });
    try {
      await buildStandardWorld(ordersOrm.em.fork());
    } finally {
      await ordersOrm.close(true);
    }

    const [ledgerPort, reconciliationPort, ordersPort, settlementPort, gatewayPort] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => freePort()),
    );
    // Metrics listeners on ports of the OS's choosing (0), so parallel runs never collide.
    const metrics = Object.fromEntries(
      ['GATEWAY', 'ORDERS', 'LEDGER', 'RECONCILIATION', 'SETTLEMENT'].map((s) => [`${s}_METRICS_PORT`, '0']),
    );
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: db.url, ...metrics };
    const url = (port: number) => `http://127.0.0.1:${port}`;
    await Promise.all([
      cluster.start({
        name: 'ledger',
        script: 'services/ledger/dist/index.js',
        port: ledgerPort!,
        // The clearing demo's main account and children (seeded by the ledger itself).
        env: {
          ...base,
          LEDGER_PORT: String(ledgerPort),
          ORDERS_URL: url(ordersPort!),
          SEED_DEMO_DATA: 'true',
        },
      }),
      cluster.start({
        name: 'reconciliation',
        script: 'services/reconciliation/dist/index.js',
        port: reconciliationPort!,
        env: {
          ...base,
          RECONCILIATION_PORT: String(reconciliationPort),
          ORDERS_URL: url(ordersPort!),
          STATEMENT_DIR: join(scratch, 'statements'),
          // Orders paid moments before a run's end are matched, not held as doubtful.
          CUTOFF_MINUTES: '0',
        },
      }),
    ]);
    await cluster.start({
      name: 'orders',
      script: 'services/orders/dist/index.js',
      port: ordersPort!,
      env: {
        ...base,
        ORDERS_PORT: String(ordersPort),
        LEDGER_URL: url(ledgerPort!),
        RECONCILIATION_URL: url(reconciliationPort!),
        NOTIFY_RETRY_SCHEDULE: NOTIFY_SCHEDULE.join(','),
        NOTIFY_TIMEOUT_MS: '2000',
        OUTBOX_INTERVAL_MS: '100',
      },
    });
    await cluster.start({
      name: 'settlement',
      script: 'services/settlement/dist/index.js',
      port: settlementPort!,
      env: {
        ...base,
        SETTLEMENT_PORT: String(settlementPort),
        LEDGER_URL: url(ledgerPort!),
        VOUCHER_DIR: join(scratch, 'vouchers'),
      },
    });
    const gatewayEnv = {
      ...base,
      GATEWAY_PORT: String(gatewayPort),
      ORDERS_URL: `${url(ordersPort!)}/graphql`,
      LEDGER_URL: `${url(ledgerPort!)}/graphql`,
      RECONCILIATION_URL: `${url(reconciliationPort!)}/graphql`,
      SETTLEMENT_URL: `${url(settlementPort!)}/graphql`,
    };
    await cluster.start({
      name: 'gateway',
      script: 'gateway/dist/index.js',
      port: gatewayPort!,
      env: gatewayEnv,
    });
    // Tokens signed with the secret the gateway process was given (its config, same env).
    const auth = loadGatewayConfig(gatewayEnv).auth;
    token = (actor) => signJwt(actor, { secret: auth.jwtSecret, issuer: auth.jwtIssuer });
  }, 60_000);

  afterAll(async () => {
    await cluster.stopAll();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
    await db?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // ── the client ────────────────────────────────────────────────────────────────────

  /** One GraphQL call through the gateway, classified as the client must treat it. */
  async function gql<T>(query: string, variables: Record<string, unknown>, actor: Actor): Promise<Answer<T>> {
    try {
      const response = await fetch(`${cluster.url('gateway')}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token(actor)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(8000),
      });
      const body = (await response.json()) as {
        data?: T | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const code = body.errors?.[0]?.extensions?.code;
      if (!body.errors?.length && body.data) return { outcome: 'ok', value: body.data };
      if (code && DEFINITE.has(code)) return { outcome: 'failed', code };
      return { outcome: 'unknown' };
    } catch {
      // Connection refused or reset, a timeout, a non-JSON answer: the request may or may not have happened.
      return { outcome: 'unknown' };
    }
  }

  /** Retries an unknown outcome (same key) until it resolves or the deadline passes. */
  async function retry<T>(attempt: () => Promise<Answer<T>>, deadline: number, op?: Op): Promise<Answer<T>> {
    for (;;) {
      const answer = await attempt();
      if (op) {
        op.tries += 1;
        op.outcome = answer.outcome;
        if (answer.outcome === 'failed') op.code = answer.code;
      }
      if (answer.outcome !== 'unknown' || Date.now() > deadline) return answer;
      await pause(150);
    }
  }

  const resolve = <T>(op: Op, attempt: () => Promise<Answer<T>>, deadline: number) =>
    retry(attempt, deadline, op);

  function record(kind: Op['kind'], key: string, amountFen: number): Op {
    const op: Op = { kind, key, amountFen, outcome: 'unknown', tries: 0 };
    history.push(op);
    return op;
  }

  const ORDER_BY_MERCHANT_NO = `query ($no: String, $m: Int) { order(merchantOrderNo: $no, merchantId: $m) { platformOrderNo status } }`;
  const ORDER_BY_NO = `query ($no: String) { order(platformOrderNo: $no) { platformOrderNo status } }`;
  type OrderRow = { platformOrderNo: string; status: string };

  /** Create (or find, after an unknown create) and pay an order at the sandbox channel. */
  async function payOrder(
    merchant: Actor,
    key: string,
    amountFen: number,
    deadline: number,
  ): Promise<string | null> {
    const op = record('pay', key, amountFen);
    const created = await resolve(
      op,
      async (): Promise<Answer<OrderRow>> => {
        const found = await gql<{ order: OrderRow | null }>(
          ORDER_BY_MERCHANT_NO,
          { no: key, m: merchant.merchantId },
          merchant,
        );
        if (found.outcome !== 'ok') return { outcome: 'unknown' };
        if (found.value.order) return { outcome: 'ok', value: found.value.order };
        const answer = await gql<{ createOrder: { order: OrderRow } }>(
          `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { order { platformOrderNo status } } }`,
          {
            input: {
              amount: formatFen(amountFen),
              merchantOrderNo: key,
              notifyUrl: receiverUrl,
              notifyStyle: 'JSON',
            },
          },
          merchant,
        );
        return answer.outcome === 'ok' ? { outcome: 'ok', value: answer.value.createOrder.order } : answer;
      },
      deadline,
    );
    if (created.outcome !== 'ok') return null;
    const no = created.value.platformOrderNo;
    op.key = no;
    await resolve(
      op,
      async (): Promise<Answer<true>> => {
        const now = await gql<{ order: OrderRow }>(ORDER_BY_NO, { no }, merchant);
        if (now.outcome === 'ok' && now.value.order.status !== 'PENDING')
          return { outcome: 'ok', value: true };
        try {
          const paid = await fetch(`${cluster.url('orders')}/sandbox/pay/${no}`, {
            method: 'POST',
            headers: { accept: 'application/json' },
            signal: AbortSignal.timeout(8000),
          });
          const body = (await paid.json()) as { paid?: boolean };
          return body.paid ? { outcome: 'ok', value: true } : { outcome: 'unknown' };
        } catch {
          return { outcome: 'unknown' };
        }
      },
      deadline,
    );
    return op.outcome === 'ok' ? no : null;
  }

  async function refund(no: string, deadline: number): Promise<void> {
    const op = record('refund', no, 0);
    await resolve(
      op,
      async (): Promise<Answer<true>> => {
        const answer = await gql(
          `mutation ($no: String) { refundOrder(input: { platformOrderNo: $no, note: "bank test" }) { order { status } } }`,
          { no },
          OPERATOR,
        );
        if (answer.outcome === 'failed' && answer.code === 'ILLEGAL_TRANSITION') {
          // An earlier attempt whose answer was lost may have refunded it already.
          const now = await gql<{ order: OrderRow }>(ORDER_BY_NO, { no }, OPERATOR);
          if (now.outcome !== 'ok') return { outcome: 'unknown' };
          if (now.value.order.status === 'REFUNDED') return { outcome: 'ok', value: true };
        }
        return answer.outcome === 'ok' ? { outcome: 'ok', value: true } : answer;
      },
      deadline,
    );
  }

  async function fund(key: string, amountFen: number, deadline: number): Promise<void> {
    const op = record('fund', key, amountFen);
    await resolve(
      op,
      () =>
        gql(
          `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { created } }`,
          {
            input: {
              merchantId: MERCHANT.merchantId,
              amount: formatFen(amountFen),
              reason: 'bank test top-up',
              requestId: key,
            },
          },
          OPERATOR,
        ),
      deadline,
    );
  }

  async function withdraw(key: string, amountFen: number, payOut: boolean, deadline: number): Promise<void> {
    const op = record('withdraw', key, amountFen);
    const requested = await resolve(
      op,
      () =>
        gql<{ requestWithdrawal: { withdrawal: { withdrawNo: string } } }>(
          `mutation ($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) { withdrawal { withdrawNo } } }`,
          { input: { amount: formatFen(amountFen), requestId: key } },
          MERCHANT,
        ),
      deadline,
    );
    if (requested.outcome !== 'ok' || !payOut) return;
    const withdrawNo = requested.value.requestWithdrawal.withdrawal.withdrawNo;
    const payout = record('payout', withdrawNo, amountFen);
    await resolve(
      payout,
      async (): Promise<Answer<true>> => {
        const answer = await gql(
          `mutation ($no: String) { markWithdrawalPaid(input: { withdrawNo: $no, note: "bank test" }) { status } }`,
          { no: withdrawNo },
          OPERATOR,
        );
        if (answer.outcome === 'failed' && answer.code === 'ILLEGAL_TRANSITION') {
          const now = await gql<{ withdrawal: { status: string } }>(
            `query ($no: String) { withdrawal(withdrawNo: $no) { status } }`,
            { no: withdrawNo },
            OPERATOR,
          );
          if (now.outcome !== 'ok') return { outcome: 'unknown' };
          if (now.value.withdrawal.status === 'PAID') return { outcome: 'ok', value: true };
        }
        return answer.outcome === 'ok' ? { outcome: 'ok', value: true } : answer;
      },
      deadline,
    );
  }

  /** Money into the clearing main account, part of it cleared to a child, part of that paid out. */
  async function clearing(n: number, amountFen: number, deadline: number): Promise<void> {
    const phone = CLEARING_DEMO.childPhones[n % CLEARING_DEMO.childPhones.length];
    const steps: [Op['kind'], string, number, string, Record<string, unknown>][] = [
      [
        'incoming',
        `IN-${n}`,
        amountFen,
        `mutation ($input: RecordIncomingPaymentInput!) { recordIncomingPayment(input: $input) { created } }`,
        { payWay: '支付宝', status: 'PAID' },
      ],
      [
        'clear',
        `CL-${n}`,
        Math.floor(amountFen / 2),
        `mutation ($input: ClearToChildInput!) { clearToChild(input: $input) { created } }`,
        { childPhone: phone },
      ],
      [
        'childWithdraw',
        `CW-${n}`,
        Math.floor(amountFen / 4),
        `mutation ($input: WithdrawFromChildInput!) { withdrawFromChild(input: $input) { created } }`,
        { childPhone: phone },
      ],
    ];
    for (const [kind, clientSn, fen, mutation, extra] of steps) {
      const op = record(kind, clientSn, fen);
      await resolve(
        op,
        () =>
          gql(mutation, { input: { mainAccountId, clientSn, amount: formatFen(fen), ...extra } }, OPERATOR),
        deadline,
      );
      if (op.outcome !== 'ok') return;
    }
  }

  async function recharge(key: string, amountFen: number, deadline: number): Promise<void> {
    const op = record('recharge', key, amountFen);
    await resolve(
      op,
      () =>
        gql(
          `mutation ($input: ApiRechargeWalletInput!) { apiRechargeWallet(input: $input) { id } }`,
          { input: { merchantId: MERCHANT.merchantId, amount: formatFen(amountFen), requestId: key } },
          OPERATOR,
        ),
      deadline,
    );
  }

  /** A GraphQL multipart request (one file) through the gateway; unknown on any transport trouble. */
  async function upload<T>(
    query: string,
    variables: Record<string, unknown>,
    path: string,
    file: { bytes: Uint8Array; name: string; type: string },
  ): Promise<Answer<T>> {
    try {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query, variables }));
      form.set('map', JSON.stringify({ 0: [path] }));
      form.set('0', new Blob([file.bytes], { type: file.type }), file.name);
      const response = await fetch(`${cluster.url('gateway')}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token(OPERATOR)}`, 'apollo-require-preflight': 'true' },
        body: form,
        signal: AbortSignal.timeout(8000),
      });
      const body = (await response.json()) as {
        data?: T | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const code = body.errors?.[0]?.extensions?.code;
      if (!body.errors?.length && body.data) return { outcome: 'ok', value: body.data };
      if (code && DEFINITE.has(code)) return { outcome: 'failed', code };
      return { outcome: 'unknown' };
    } catch {
      return { outcome: 'unknown' };
    }
  }

  /**
   * The settlement loop as an operator runs it: today's sandbox statement downloaded and
   * imported, reconciled, settled, and every pending settlement paid out with a voucher.
   * Each step is idempotent and retried until it answers.
   */
  async function settlementRound(deadline: number): Promise<void> {
    const day = formatChinaDate(new Date());
    let steps = 0;
    const step = async <T>(attempt: () => Promise<Answer<T>>) => {
      const answer = await retry(attempt, deadline);
      steps += 1;
      cluster.note(
        `settlement round step ${steps}: ${answer.outcome}${answer.outcome === 'failed' ? ` ${answer.code}` : ''}`,
      );
      return answer;
    };
    const statement = await step(async (): Promise<Answer<Uint8Array>> => {
      try {
        const response = await fetch(`${cluster.url('orders')}/sandbox/statements/alipay/${day}`, {
          signal: AbortSignal.timeout(8000),
        });
        if (!response.ok) return { outcome: 'unknown' };
        return { outcome: 'ok', value: new Uint8Array(await response.arrayBuffer()) };
      } catch {
        return { outcome: 'unknown' };
      }
    });
    if (statement.outcome !== 'ok') return;
    const imported = await step(() =>
      upload(
        `mutation ($input: ImportStatementInput!) { importStatement(input: $input) { created } }`,
        {
          input: {
            file: null,
            source: 'sandbox-alipay',
            billDate: day,
            fileName: `${day}.csv`,
            replace: true,
          },
        },
        'variables.input.file',
        { bytes: statement.value, name: `${day}.csv`, type: 'text/csv' },
      ),
    );
    if (imported.outcome !== 'ok') return;
    const now = new Date();
    const reconciled = await step(() =>
      gql(
        `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`,
        {
          input: {
            source: 'sandbox-alipay',
            periodStart: new Date(now.getTime() - 3600_000).toISOString(),
            periodEnd: now.toISOString(),
          },
        },
        OPERATOR,
      ),
    );
    if (reconciled.outcome !== 'ok') return;
    await step(() =>
      gql(
        `mutation ($input: RunSettlementsInput) { runSettlements(input: $input) { settlementsCreated } }`,
        { input: { merchantId: MERCHANT.merchantId, until: now.toISOString() } },
        OPERATOR,
      ),
    );
    const pending = await step(() =>
      gql<{ settlements: { nodes: { code: string }[] } }>(
        `query ($m: Int) { settlements(filter: { merchantId: $m, state: PENDING }, pageSize: 100) { nodes { code } } }`,
        { m: MERCHANT.merchantId },
        OPERATOR,
      ),
    );
    if (pending.outcome !== 'ok') return;
    for (const { code } of pending.value.settlements.nodes) {
      await step(() =>
        upload(
          `mutation ($input: SettleSettlementInput!) { settleSettlement(input: $input) { code } }`,
          { input: { code, voucher: null, person: 'bank-test', remark: 'bank test payout' } },
          'variables.input.voucher',
          { bytes: demoVoucherPng(), name: `voucher-${code}.png`, type: 'image/png' },
        ),
      );
    }
  }

  // ── the faults ────────────────────────────────────────────────────────────────────

  async function killAndRestart(name: ServiceName): Promise<void> {
    await cluster.kill(name);
    await pause(300);
    await cluster.restart(name);
  }

  /** Every connection to the test database except this one, as a failover or a network cut would. */
  async function cutDatabaseConnections(): Promise<void> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
    } finally {
      await client.end();
    }
    // The services answer /ready again once their pools have reconnected.
    for (const name of ['ledger', 'reconciliation', 'orders', 'settlement'] as const)
      await cluster.ready(name);
  }

  it('keeps every invariant', async () => {
    // Set-up through the gateway: an approved bank card, a settlement account, the clearing main account.
    const setup = async <T>(query: string, variables: Record<string, unknown>, actor: Actor): Promise<T> => {
      const answer = await gql<T>(query, variables, actor);
      if (answer.outcome !== 'ok') throw new Error(`set-up step failed: ${query.slice(0, 80)}`);
      return answer.value;
    };
    const card = await setup<{ addBankCard: { id: string } }>(
      `mutation ($input: AddBankCardInput!) { addBankCard(input: $input) { id } }`,
      {
        input: {
          accountName: 'jl888',
          accountNumber: '6222021001122334455',
          bankName: '中国工商银行',
          branch: '深圳南山支行',
        },
      },
      MERCHANT,
    );
    await setup(
      `mutation ($id: ID!) { approveBankCard(input: { bankCardId: $id }) { id } }`,
      { id: card.addBankCard.id },
      OPERATOR,
    );
    await setup(
      `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { code } }`,
      {
        input: {
          merchantId: MERCHANT.merchantId,
          method: 'ALIPAY',
          accountName: 'jl888 结算',
          accountNo: 'settle@example.com',
          period: 'DAILY',
        },
      },
      OPERATOR,
    );
    const mains = await setup<{ mainAccounts: { nodes: { id: string; mainAccountUid: number }[] } }>(
      `query ($m: Int) { mainAccounts(merchantId: $m) { nodes { id mainAccountUid } } }`,
      { m: CLEARING_DEMO.merchantId },
      OPERATOR,
    );
    mainAccountId = mains.mainAccounts.nodes.find(
      (m) => m.mainAccountUid === CLEARING_DEMO.mainAccountUid,
    )!.id;

    // The stream: three clients, each a deterministic sequence of operations, until the faults are over.
    let faultsOver = false;
    const paidOrders: string[] = [];
    const worker = async (id: number) => {
      const random = prng(1000 + id);
      for (let n = 0; !faultsOver || n < 6; n += 1) {
        const deadline = Date.now() + 20_000;
        const key = `${id}-${n}`;
        const roll = random();
        const fen = 1000 + Math.floor(random() * 9000);
        if (roll < 0.35) {
          const merchant = random() < 0.8 ? MERCHANT : OTHER;
          const prefix = random() < 0.2 ? 'PARK' : 'CR';
          const no = await payOrder(merchant, `${prefix}-${key}`, fen, deadline);
          if (no && merchant === MERCHANT) paidOrders.push(no);
        } else if (roll < 0.45 && paidOrders.length > 0) {
          await refund(paidOrders.splice(Math.floor(random() * paidOrders.length), 1)[0]!, deadline);
        } else if (roll < 0.6) {
          await fund(`ADJ-${key}`, fen * 2, deadline);
        } else if (roll < 0.78) {
          await withdraw(`WD-${key}`, fen, random() < 0.7, deadline);
        } else if (roll < 0.9) {
          await clearing(id * 1000 + n, fen, deadline);
        } else {
          await recharge(`RC-${key}`, fen, deadline);
        }
      }
    };
    const faults: [string, () => Promise<void>][] = [
      ['kill ledger', () => killAndRestart('ledger')],
      ['kill orders', () => killAndRestart('orders')],
      ['cut database connections', cutDatabaseConnections],
      ['kill settlement', () => killAndRestart('settlement')],
      ['kill reconciliation', () => killAndRestart('reconciliation')],
      ['kill gateway', () => killAndRestart('gateway')],
    ];
    const nemesis = async () => {
      try {
        for (const [index, [name, fault]] of faults.entries()) {
          await pause(900);
          cluster.note(`fault: ${name}`);
          await fault().catch((error: unknown) => {
            throw new Error(`${name}: ${String(error)}\n\nrecent service output:\n${cluster.recentOutput()}`);
          });
          // Halfway through, a settlement round runs while faults continue.
          if (index === 2) void settlementRound(Date.now() + 20_000);
        }
      } finally {
        faultsOver = true;
      }
    };
    await Promise.all([nemesis(), worker(1), worker(2), worker(3)]);
    const tally = new Map<string, number>();
    for (const op of history)
      tally.set(`${op.kind}:${op.outcome}`, (tally.get(`${op.kind}:${op.outcome}`) ?? 0) + 1);
    const retried = history.filter((op) => op.tries > 1).length;
    cluster.note(
      `stream over: ${JSON.stringify(Object.fromEntries(tally))}, ${retried} retried after an unknown outcome`,
    );
    // One more round once everything is up, so that a payout certainly happens.
    await settlementRound(Date.now() + 15_000);

    // Every operation's outcome is known by now (unknowns were retried after the restarts).
    const unresolved = history.filter((op) => op.outcome === 'unknown');
    expect(unresolved).toEqual([]);
    expect(history.filter((op) => op.kind === 'pay' && op.outcome === 'ok').length).toBeGreaterThan(3);

    cluster.note('settlement round over');
    // Outboxes and notification retries drain asynchronously: poll the invariants with a deadline.
    const deadline = Date.now() + 25_000;
    let problems = await checkInvariants();
    while (problems.length > 0 && Date.now() < deadline) {
      await pause(300);
      problems = await checkInvariants();
    }
    cluster.note(`invariants checked: ${problems.length} problem(s)`);
    if (problems.length > 0) {
      throw new Error(
        `invariants violated:\n${problems.join('\n')}\n\nrecent service output:\n${cluster.recentOutput()}`,
      );
    }
  });

  // ── the invariants ────────────────────────────────────────────────────────────────

  async function checkInvariants(): Promise<string[]> {
    const problems: string[] = [];
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const q = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
    try {
      // 1. The ledger's own verification: balanced postings, balances = sums of legs, no key twice, …
      const orm = await openDatabase({
        url: db.url,
        schema: 'ledger',
        entities: ledgerEntities,
        migrations: ledgerMigrations,
        migrate: false,
      });
      try {
        const em = orm.em.fork();
        const report = await verifyLedger(em);
        if (!report.ok) problems.push(`ledger verification:\n${formatReport(report)}`);
        const clearingFindings = [...(await clearingDrift(em)), ...(await childAccountDrift(em))];
        if (clearingFindings.length) problems.push(`clearing drift: ${JSON.stringify(clearingFindings)}`);
        const keyFindings = await postingKeyDrift(em);
        if (keyFindings.length)
          problems.push(`posting keys without postings: ${JSON.stringify(keyFindings)}`);
      } finally {
        await orm.close(true);
      }

      // Every order's numbers claimed in order_key, and nothing else claimed there.
      const orderKeyDrift = await q<{ id: string }>(
        `select coalesce(k.id, o.id) as id from orders.order_key k full join orders."order" o on o.id = k.id
          where k.id is null or o.id is null
             or (k.platform_order_no, k.merchant_id, k.merchant_order_no)
                is distinct from (o.platform_order_no, o.merchant_id, o.merchant_order_no)`,
      );
      if (orderKeyDrift.length)
        problems.push(`order keys without their order: ${JSON.stringify(orderKeyDrift)}`);

      // 2. Every paid order credited exactly once; every refunded one credited and refunded once.
      const orders = await q<{
        platform_order_no: string;
        merchant_order_no: string;
        merchant_id: number;
        status: string;
        amount: string;
        merchant_income: string;
        notify_status: string;
        notify_attempts: number;
      }>(
        `select platform_order_no, merchant_order_no, merchant_id, status, amount, merchant_income, notify_status, notify_attempts
           from orders."order"`,
      );
      const postings = await q<{
        platform_order_no: string;
        unique_no: string;
        type: number;
        merchant: string;
      }>(
        `select p.platform_order_no, p.unique_no, p.type,
                coalesce(sum(l.amount) filter (where a.owner_type = 'MERCHANT'), 0) as merchant
           from ledger.posting p join ledger.leg l on l.posting_id = p.id join ledger.account a on a.id = l.account_id
          where p.platform_order_no is not null
          group by p.id, p.platform_order_no, p.unique_no, p.type`,
      );
      const byOrder = new Map<string, typeof postings>();
      for (const p of postings)
        byOrder.set(p.platform_order_no, [...(byOrder.get(p.platform_order_no) ?? []), p]);
      const statusOf = new Map(orders.map((o) => [o.platform_order_no, o.status]));
      for (const o of orders) {
        const mine = byOrder.get(o.platform_order_no) ?? [];
        const credits = mine.filter((p) => /_bd\d+$/.test(p.unique_no)).length;
        const refunds = mine.filter((p) => /_rf\d+$/.test(p.unique_no)).length;
        const net = mine.reduce((sum, p) => sum + Number(p.merchant), 0);
        const expected =
          o.status === 'PAID'
            ? { credits: 1, refunds: 0, net: Number(o.merchant_income) }
            : o.status === 'REFUNDED'
              ? { credits: 1, refunds: 1, net: 0 }
              : { credits: 0, refunds: 0, net: 0 };
        if (
          credits !== expected.credits ||
          refunds !== expected.refunds ||
          mine.length !== credits + refunds ||
          net !== expected.net
        )
          problems.push(
            `order ${o.platform_order_no} (${o.status}): ${credits} credit(s), ${refunds} refund(s), ${mine.length} posting(s), merchant net ${net}; expected ${JSON.stringify(expected)}`,
          );
      }
      for (const op of history) {
        if (
          op.kind === 'pay' &&
          op.outcome === 'ok' &&
          !['PAID', 'REFUNDED'].includes(statusOf.get(op.key) ?? '')
        )
          problems.push(`order ${op.key} was paid (client saw ok) but is ${statusOf.get(op.key)}`);
        if (op.kind === 'refund' && op.outcome === 'ok' && statusOf.get(op.key) !== 'REFUNDED')
          problems.push(`order ${op.key} was refunded (client saw ok) but is ${statusOf.get(op.key)}`);
        if (op.kind === 'refund' && op.outcome === 'failed' && statusOf.get(op.key) === 'REFUNDED')
          problems.push(`order ${op.key}'s refund was refused (${op.code}) but it is refunded`);
      }

      // 3. Withdrawals: each accepted request exists exactly once, none the client never asked for,
      //    none the client saw refused; each paid-out one paid out once.
      const withdrawals = await q<{
        request_id: string;
        withdraw_no: string;
        status: string;
        amount: string;
        fee: string;
        n: number;
      }>(
        `select w.request_id, w.withdraw_no, w.status, w.amount, w.fee,
                (select count(*)::int from ledger.posting p where p.unique_no = 'withdraw:' || w.withdraw_no) as n
           from ledger.withdrawal w where w.merchant_id = $1`,
        [MERCHANT.merchantId],
      );
      const requests = new Map<string, number>();
      for (const w of withdrawals) requests.set(w.request_id, (requests.get(w.request_id) ?? 0) + 1);
      for (const [requestId, count] of requests)
        if (count !== 1) problems.push(`withdrawal request ${requestId} exists ${count} times`);
      for (const w of withdrawals)
        if (w.n !== 1) problems.push(`withdrawal ${w.withdraw_no} has ${w.n} request postings`);
      for (const op of history.filter((o) => o.kind === 'withdraw')) {
        const present = requests.has(op.key);
        if (op.outcome === 'ok' && !present) problems.push(`withdrawal ${op.key} accepted but lost`);
        if (op.outcome === 'failed' && present)
          problems.push(`withdrawal ${op.key} refused (${op.code}) but exists`);
      }
      for (const requestId of requests.keys())
        if (!history.some((o) => o.kind === 'withdraw' && o.key === requestId))
          problems.push(`withdrawal ${requestId} that no client requested`);
      const withdrawalStatus = new Map(withdrawals.map((w) => [w.withdraw_no, w.status]));
      for (const op of history.filter((o) => o.kind === 'payout' && o.outcome === 'ok'))
        if (withdrawalStatus.get(op.key) !== 'PAID')
          problems.push(
            `withdrawal ${op.key} paid out (client saw ok) but is ${withdrawalStatus.get(op.key)}`,
          );
      const payouts = await q<{ unique_no: string; n: number }>(
        `select unique_no, count(*)::int as n from ledger.posting where unique_no like 'withdraw:%:paid' group by unique_no`,
      );
      const paidPostings = new Set(payouts.map((p) => p.unique_no));
      for (const w of withdrawals)
        if ((w.status === 'PAID') !== paidPostings.has(`withdraw:${w.withdraw_no}:paid`))
          problems.push(
            `withdrawal ${w.withdraw_no} is ${w.status} but its payout posting ${paidPostings.has(`withdraw:${w.withdraw_no}:paid`) ? 'exists' : 'is missing'}`,
          );

      // 4. Conservation. The ledger is closed (trial balance zero, checked above); money enters
      //    and leaves the merchants only by these movements, so their balances must equal:
      //      Σ income of orders PAID now (orders' view)  + Σ top-ups the client saw accepted
      //      − Σ (amount + fee) of withdrawals PAID      − Σ settlements paid out (settlement's view)
      //    and the channel's receivable must be minus the gross of the orders PAID now.
      const balance = async (where: string, params: unknown[]) =>
        Number(
          (
            await q<{ s: string }>(
              `select coalesce(sum(balance), 0) as s from ledger.account_balance where ${where}`,
              params,
            )
          )[0]!.s,
        );
      const merchantIds = [String(MERCHANT.merchantId), String(OTHER.merchantId)];
      const merchantBalance = await balance(
        `owner_type = 'MERCHANT' and owner_id = any($1) and purpose in ('MERCHANT_AVAILABLE', 'MERCHANT_FROZEN', 'MERCHANT_PENDING_WITHDRAWAL')`,
        [merchantIds],
      );
      const paidNow = orders.filter((o) => o.status === 'PAID');
      const income = paidNow.reduce((s, o) => s + Number(o.merchant_income), 0);
      const topUps = history
        .filter((o) => o.kind === 'fund' && o.outcome === 'ok')
        .reduce((s, o) => s + o.amountFen, 0);
      const withdrawn = withdrawals
        .filter((w) => w.status === 'PAID')
        .reduce((s, w) => s + Number(w.amount) + Number(w.fee), 0);
      const settled = await q<{ code: string; total: string; state: number; n: number }>(
        `select s.code, s.total, s.state, (select count(*)::int from ledger.posting p where p.unique_no = 'stl_' || s.code) as n
           from settlement.settlement s`,
      );
      for (const s of settled)
        if (s.n !== (s.state === 2 ? 1 : 0))
          problems.push(`settlement ${s.code} (state ${s.state}) has ${s.n} payout posting(s)`);
      const settledOut = settled.filter((s) => s.state === 2).reduce((sum, s) => sum + Number(s.total), 0);
      const expectedMerchants = income + topUps - withdrawn - settledOut;
      if (merchantBalance !== expectedMerchants)
        problems.push(
          `merchant balances ${merchantBalance} ≠ income ${income} + top-ups ${topUps} − withdrawals ${withdrawn} − settlements ${settledOut} = ${expectedMerchants}`,
        );
      // (Clearing keeps its own receivables, `clearing:<pay way>`; the clearing checks above cover them.)
      const receivable = await balance(
        `purpose = 'CHANNEL_RECEIVABLE' and owner_id not like 'clearing:%'`,
        [],
      );
      const gross = paidNow.reduce((s, o) => s + Number(o.amount), 0);
      if (receivable !== -gross)
        problems.push(`channel receivable ${receivable} ≠ −(gross of paid orders ${gross})`);
      const wallet = await balance(
        `owner_type = 'MERCHANT' and owner_id = $1 and purpose = 'MERCHANT_PREPAID_FEE'`,
        [String(MERCHANT.merchantId)],
      );
      const recharged = history
        .filter((o) => o.kind === 'recharge' && o.outcome === 'ok')
        .reduce((s, o) => s + o.amountFen, 0);
      if (wallet !== recharged)
        problems.push(`prepaid wallet ${wallet} ≠ recharges the client saw accepted ${recharged}`);
      // Top-ups and clearings by key: each accepted one posted once, each refused one not at all.
      const keyed = await q<{ unique_no: string }>(
        `select unique_no from ledger.posting where unique_no like 'adjust:%' or unique_no ~ '(IN|CL|CW)-[0-9]+$'`,
      );
      for (const op of history.filter((o) =>
        ['fund', 'incoming', 'clear', 'childWithdraw'].includes(o.kind),
      )) {
        const n = keyed.filter(
          (p) =>
            p.unique_no === `adjust:${op.key}` ||
            p.unique_no.endsWith(`:${op.key}`) ||
            p.unique_no.endsWith(`_${op.key}`),
        ).length;
        if (n !== (op.outcome === 'ok' ? 1 : 0))
          problems.push(`${op.kind} ${op.key} (${op.outcome}) posted ${n} time(s)`);
      }

      // 5. Every merchant notification delivered or parked, none left pending.
      const delivered = new Set(
        (
          await q<{ platform_order_no: string }>(
            `select distinct o.platform_order_no from orders.notify_log l join orders."order" o on o.id = l.order_id where l.delivered`,
          )
        ).map((r) => r.platform_order_no),
      );
      for (const o of orders.filter((x) => x.status === 'PAID' || x.status === 'REFUNDED')) {
        const parked = o.notify_status === 'FAILED' && o.notify_attempts >= NOTIFY_ATTEMPTS;
        const isDelivered = o.notify_status === 'SUCCESS' && delivered.has(o.platform_order_no);
        const answers = notified.get(o.merchant_order_no) ?? [];
        if (o.merchant_order_no.startsWith('PARK-') ? !parked : !isDelivered || !answers.includes('success'))
          problems.push(
            `notification of ${o.merchant_order_no} neither delivered nor parked: ${o.notify_status} after ${o.notify_attempts} attempt(s); receiver answered ${JSON.stringify(answers)}`,
          );
      }
    } finally {
      await client.end();
    }
    return problems;
  }
});

import { generateKeyPairSync } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ACTOR_HEADER,
  listen,
  parseChinaDateTime,
  postGraphQL,
  signActorHeader,
  signAlipayNotification,
  TEST_ACTORS,
  type Actor,
  type Listening,
} from '@pay/common';
import { createSettlementServer, type SettlementServer } from '../../src/server';
import { testSettlementConfig, type SettlementConfig } from '../../src/config';
import type { LedgerProcess } from './ledger-process';
import { openSettlementDatabase } from './settlement-database';

export const ACTORS = TEST_ACTORS;
export const MERCHANT = TEST_ACTORS.merchant.merchantId;
export const OTHER_MERCHANT = TEST_ACTORS.otherMerchant.merchantId;
export const ALIPAY_APP_ID = '2019120769766164';

/** "2019-08-15 10:00[:ss]" in China time. */
export function cn(text: string): Date {
  const date = parseChinaDateTime(text);
  if (!date) throw new Error(`not a China time: ${text}`);
  return date;
}

/** An RSA key pair as PEM (Alipay's and the app's keys in tests). */
function rsaKeys() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export interface BillingTestApp {
  settlement: SettlementServer;
  ledger: LedgerProcess;
  /** Settlement's schema; `orders`, `reconciliation` and `ledger` live in the same database. */
  orm: MikroORM;
  config: SettlementConfig;
  baseUrl: string;
  /** The keys "Alipay" signs notifications with, and the app key that verifies links. */
  alipay: { privateKeyPem: string; appPublicKeyPem: string };
  /** Calls the settlement subgraph as `actor` (with `ip` when given), gateway-signed. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor,
  ) => ReturnType<typeof postGraphQL<T>>;
  /** Posts a form to the Alipay notification route; answers status and text. */
  notify: (params: Record<string, string>) => Promise<{ status: number; text: string }>;
  /** A notification "Alipay" signs, paid by default. */
  signedNotification: (fields: Record<string, string>) => Record<string, string>;
  sql: <T = Record<string, unknown>>(orm: MikroORM, text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/**
 * The settlement service over a fresh database with the orders and reconciliation
 * schemas migrated by those services' own `--migrate` (for their published views) and
 * the real ledger service as its own process, on free ports. Workers are not started:
 * tests run the jobs' functions.
 */
export async function startBillingTestApp(
  overrides: Partial<SettlementConfig> = {},
): Promise<BillingTestApp> {
  const secret = testSettlementConfig(overrides).auth.internalSecret;
  const db = await openSettlementDatabase(secret);
  const { orm, ledger } = db;

  const alipayKeys = rsaKeys();
  const appKeys = rsaKeys();
  const config = testSettlementConfig({
    ledgerUrl: ledger.url,
    billingDefaultRatePpm: 6000,
    rechargeAllowedIps: ['127.0.0.1', '10.1.1.1'],
    alipay: {
      appId: ALIPAY_APP_ID,
      privateKeyPem: appKeys.privateKey,
      alipayPublicKeyPem: alipayKeys.publicKey,
      gatewayUrl: 'https://openapi.alipay.com/gateway.do',
      notifyUrl: 'https://pay.example.com/notify/alipay/wallet-recharge',
    },
    ...overrides,
  });
  const settlement = await createSettlementServer({ orm, config, databaseUrl: db.url });
  const listening: Listening = await listen(settlement.app, 0);
  const url = `${listening.url}/graphql`;

  const sql = async <T>(target: MikroORM, text: string, params: unknown[] = []) =>
    (await target.em.fork().getConnection().execute(text, params)) as T[];

  return {
    settlement,
    ledger,
    orm,
    config,
    baseUrl: listening.url,
    alipay: { privateKeyPem: alipayKeys.privateKey, appPublicKeyPem: appKeys.publicKey },
    gql: (query, variables = {}, actor = ACTORS.operator) =>
      postGraphQL(url, query, variables, {
        [ACTOR_HEADER]: signActorHeader(actor, config.auth.internalSecret),
      }),
    notify: async (params) => {
      const response = await fetch(`${listening.url}/notify/alipay/wallet-recharge`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      return { status: response.status, text: await response.text() };
    },
    signedNotification: (fields) =>
      signAlipayNotification(
        {
          app_id: ALIPAY_APP_ID,
          trade_status: 'TRADE_SUCCESS',
          notify_time: '2019-12-10 16:38:42',
          notify_type: 'trade_status_sync',
          notify_id: `n-${Math.random().toString(36).slice(2)}`,
          charset: 'utf-8',
          version: '1.0',
          ...fields,
        },
        alipayKeys.privateKey,
      ),
    sql,
    close: async () => {
      await settlement.stop();
      await listening.close();
      await db.drop();
    },
  };
}

/** A merchant in the orders service's tables (the directory view reads them), with its agent. */
export async function givenMerchant(
  app: BillingTestApp,
  merchant: { id: number; name: string; agentName?: string | null; ipAllowList?: string[] },
): Promise<void> {
  let agentId: number | null = null;
  if (merchant.agentName) {
    const [agent] = await app.sql<{ id: number }>(
      app.orm,
      'insert into orders.agent (name) values (?) returning id',
      [merchant.agentName],
    );
    agentId = agent!.id;
  }
  await app.sql(
    app.orm,
    `insert into orders.merchant (id, name, signing_key, agent_id, ip_allow_list) values (?, ?, ?, ?, ?::jsonb)`,
    [merchant.id, merchant.name, `key-${merchant.id}`, agentId, JSON.stringify(merchant.ipAllowList ?? [])],
  );
}

let orderSeq = 0;

/** Orders as the reconciliation service keeps them (its `settlement_payment_v1` view reads them); paid by default. */
export async function givenOrders(
  app: BillingTestApp,
  orders: { merchantId: number; amount: number; paidAt: Date | null; statusCode?: number; status?: string }[],
): Promise<void> {
  for (const o of orders) {
    orderSeq += 1;
    const no = `P${String(orderSeq).padStart(10, '0')}`;
    await app.sql(
      app.orm,
      `insert into reconciliation.payment (platform_order_no, merchant_id, merchant_name, merchant_order_no, channel_code,
         pay_type, amount, status, status_code, admin_status_code, created_at, paid_at, seq)
       values (?, ?, 'm', ?, 'wxwthf', 'wechat', ?, ?, ?, 2, ?::timestamptz, ?::timestamptz, ?)`,
      [
        no,
        o.merchantId,
        `M-${no}`,
        o.amount,
        o.status ?? 'PAID',
        o.statusCode ?? 1,
        (o.paidAt ?? new Date()).toISOString(),
        o.paidAt ? o.paidAt.toISOString() : null,
        orderSeq,
      ],
    );
  }
}

/** The merchant's prepaid wallet as the ledger has it: the sum of its legs. */
export async function walletBalance(app: BillingTestApp, merchantId: number): Promise<number> {
  const [row] = await app.sql<{ balance: string }>(
    app.orm,
    `select coalesce(sum(l.amount), 0) as balance from ledger.leg l join ledger.account a on a.id = l.account_id
     where a.owner_type = 'MERCHANT' and a.owner_id = ? and a.purpose = 'MERCHANT_PREPAID_FEE'`,
    [String(merchantId)],
  );
  return Number(row?.balance ?? 0);
}

/** Ledger postings whose key starts with `prefix` (`rcg_` recharges, `bcl_` collections). */
export async function ledgerPostings(app: BillingTestApp, prefix = ''): Promise<{ unique_no: string }[]> {
  return app.sql(app.orm, `select unique_no from ledger.posting where unique_no like ? order by id`, [
    `${prefix}%`,
  ]);
}

/** Rows of one of billing's tables, in id order, for "nothing changed" checks. */
export async function tableRows(app: BillingTestApp, table: string): Promise<Record<string, unknown>[]> {
  return app.sql(app.orm, `select * from ${table} order by 1`);
}

/** Sets a merchant's billing rate straight in the table. */
export async function givenTerms(
  app: BillingTestApp,
  merchantId: number,
  ratePpm: number,
  extra: { salesName?: string; payRemark?: string } = {},
): Promise<void> {
  await app.sql(
    app.orm,
    `insert into merchant_billing (merchant_id, rate_ppm, sales_name, pay_remark, updated_by)
     values (?, ?, ?, coalesce(?, '暂无'), 'test')`,
    [merchantId, ratePpm, extra.salesName ?? null, extra.payRemark ?? null],
  );
}

/** Credits a merchant's wallet through the API recharge (as an operator from an allowed IP). */
export async function apiRecharge(
  app: BillingTestApp,
  merchantId: number,
  amount: string,
  requestId?: string,
) {
  return app.gql<{ apiRechargeWallet: { id: string; state: string; amount: string } }>(
    `mutation ($input: ApiRechargeWalletInput!) { apiRechargeWallet(input: $input) { id state amount } }`,
    { input: { merchantId, amount, requestId } },
    { ...ACTORS.operator, ip: '127.0.0.1' },
  );
}

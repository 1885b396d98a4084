import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ACTOR_HEADER,
  parseChinaDateTime,
  postGraphQL,
  signActorHeader,
  startTestSubgraph,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
import { createSettlementServer, type SettlementServer } from '../../src/server';
import { testSettlementConfig, type SettlementConfig } from '../../src/config';
import type { LedgerProcess } from './ledger-process';
import { openSettlementDatabase } from './settlement-database';

export const ACTORS = TEST_ACTORS;

/** "2025-11-17 10:00[:ss]" in China time. */
export function cn(text: string): Date {
  const date = parseChinaDateTime(text);
  if (!date) throw new Error(`not a China time: ${text}`);
  return date;
}

export interface PaymentRow {
  platformOrderNo: string;
  merchantId: number;
  /** Fen. */
  amount: number;
  /** Fen: channel fee plus agent commission; the merchant keeps amount - fee. */
  fee?: number;
  paidAt: Date;
  /** Orders-service status; PAID by default. */
  status?: string;
  /** 1 reconciled (default), 2 not yet, 3 abnormal, 4 reversed, 5 doubtful. */
  reconciliationStatus?: number;
}

export interface SettlementTestApp {
  /** The settlement service's ORM (search path `settlement`; other schemas by qualified names). */
  orm: MikroORM;
  server: SettlementServer;
  ledger: LedgerProcess;
  baseUrl: string;
  config: SettlementConfig;
  /** Calls the settlement subgraph as `actor` (operator by default) with a valid gateway signature. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor,
  ) => ReturnType<typeof postGraphQL<T>>;
  /** Raw SQL on the shared database (settlement schema first on the search path). */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** A merchant in the orders schema (and so in its directory view), with an agent as sales person. */
  givenMerchant: (id: number, name: string, salesName?: string | null) => Promise<void>;
  /** Paid orders in the reconciliation schema, with their reconciliation status. */
  givenPayments: (rows: PaymentRow[]) => Promise<void>;
  /** Changes orders' reconciliation status (as a later reconciliation run would). */
  setReconciliationStatus: (platformOrderNos: string[], status: number) => Promise<void>;
  /** Credits a merchant's available balance in the ledger (an adjustment posting); fen. */
  creditMerchant: (merchantId: number, amount: number) => Promise<void>;
  /** The merchant's available balance in the ledger; fen. */
  availableBalance: (merchantId: number) => Promise<number>;
  /** The ledger's postings with this idempotency key. */
  ledgerPostings: (uniqueNo: string) => Promise<{ id: string; unique_no: string; type: number }[]>;
  /** POSTs a voucher as the gateway does (signed SYSTEM actor unless told otherwise). */
  uploadVoucher: (
    body: Buffer,
    options?: { fileName?: string; contentType?: string; actor?: Actor | null },
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** GETs a voucher as the gateway does for `actor`. */
  downloadVoucher: (sha256: string, actor: Actor | null) => Promise<Response>;
  voucherDir: string;
  close: () => Promise<void>;
}

/**
 * The settlement service on a free port and the real ledger service as its own process,
 * over one fresh database that also has the orders and reconciliation schemas (migrated
 * by those services' own `--migrate`: their published views are what settlement reads),
 * vouchers in a temporary directory.
 */
export async function startSettlementTestApp(
  overrides: Partial<SettlementConfig> = {},
): Promise<SettlementTestApp> {
  const secret = testSettlementConfig(overrides).auth.internalSecret;
  const db = await openSettlementDatabase(secret);
  const { orm, ledger } = db;
  const voucherDir = await mkdtemp(join(tmpdir(), 'vouchers-'));
  const config = testSettlementConfig({
    ledgerUrl: ledger.url,
    ...overrides,
    vouchers: { maxBytes: 64 * 1024, ...overrides.vouchers, dir: overrides.vouchers?.dir ?? voucherDir },
  });
  const app = await startTestSubgraph(
    {
      orm,
      url: db.url,
      // After the settlement server has stopped: the ledger, the ORM, the database, the vouchers.
      close: async () => {
        await db.drop();
        await rm(voucherDir, { recursive: true, force: true });
      },
    },
    config,
    createSettlementServer,
  );
  const { server, baseUrl } = app;
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await orm.em.fork().getConnection().execute(text, params)) as T[];
  const signed = (actor: Actor | null | undefined): Record<string, string> =>
    actor ? { [ACTOR_HEADER]: signActorHeader(actor, secret) } : {};

  return {
    orm,
    server,
    ledger,
    baseUrl,
    config,
    voucherDir,
    sql,
    gql: app.gql,
    async givenMerchant(id, name, salesName = null) {
      let agentId: number | null = null;
      if (salesName) {
        const [agent] = await sql<{ id: number }>(`insert into orders.agent (name) values (?) returning id`, [
          salesName,
        ]);
        agentId = agent!.id;
      }
      await sql(`insert into orders.merchant (id, name, signing_key, agent_id) values (?, ?, ?, ?)`, [
        id,
        name,
        randomBytes(16).toString('hex'),
        agentId,
      ]);
    },
    async givenPayments(rows) {
      if (rows.length === 0) return;
      const records = rows.map((r, i) => ({
        platform_order_no: r.platformOrderNo,
        merchant_id: r.merchantId,
        merchant_order_no: `M-${r.platformOrderNo}`,
        amount: r.amount,
        fee: r.fee ?? 0,
        status: r.status ?? 'PAID',
        paid_at: r.paidAt.toISOString(),
        seq: i + 1,
        reconciliation_status: r.reconciliationStatus ?? 1,
      }));
      // One statement for any number of rows: the rows travel as one JSON parameter.
      await sql(
        `insert into reconciliation.payment (platform_order_no, upstream_order_no, merchant_id, merchant_name,
           merchant_order_no, channel_code, pay_type, amount, fee, status, status_code, admin_status_code,
           created_at, paid_at, seq)
         select x.platform_order_no, 'TX-' || x.platform_order_no, x.merchant_id, 'merchant ' || x.merchant_id,
           x.merchant_order_no, 'wechat_native', 'wechat', x.amount, x.fee, x.status,
           case when x.status = 'PAID' then 1 else 0 end, 2, x.paid_at, x.paid_at, x.seq
         from json_to_recordset(?::json) as x(platform_order_no text, merchant_id int, merchant_order_no text,
           amount bigint, fee bigint, status text, paid_at timestamptz, seq bigint)`,
        [JSON.stringify(records)],
      );
      await sql(
        `insert into reconciliation.payment_reconciliation (platform_order_no, status)
         select x.platform_order_no, x.reconciliation_status
         from json_to_recordset(?::json) as x(platform_order_no text, reconciliation_status smallint)
         where x.reconciliation_status <> 2`,
        [JSON.stringify(records)],
      );
    },
    async setReconciliationStatus(platformOrderNos, status) {
      await sql(
        `insert into reconciliation.payment_reconciliation (platform_order_no, status)
         select unnest(?::text[]), ?
         on conflict (platform_order_no) do update set status = excluded.status`,
        [`{${platformOrderNos.join(',')}}`, status],
      );
    },
    creditMerchant: (merchantId, amount) => ledger.credit(merchantId, amount),
    async availableBalance(merchantId) {
      const [row] = await sql<{ balance: string }>(
        `select balance from ledger.account_balance
         where owner_type = 'MERCHANT' and owner_id = ? and purpose = 'MERCHANT_AVAILABLE'`,
        [String(merchantId)],
      );
      return Number(row?.balance ?? 0);
    },
    ledgerPostings: (uniqueNo) =>
      sql(`select id::text as id, unique_no, type from ledger.posting where unique_no = ? order by id`, [
        uniqueNo,
      ]),
    async uploadVoucher(body, options = {}) {
      const actor = options.actor === undefined ? ACTORS.system : options.actor;
      const response = await fetch(`${baseUrl}/internal/voucher-uploads`, {
        method: 'POST',
        headers: {
          'content-type': options.contentType ?? 'application/octet-stream',
          'x-voucher-file-name': encodeURIComponent(options.fileName ?? 'voucher.bin'),
          ...signed(actor),
        },
        body: new Uint8Array(body),
      });
      const text = await response.text();
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        parsed = { raw: text };
      }
      return { status: response.status, body: parsed };
    },
    downloadVoucher: (sha256, actor) =>
      fetch(`${baseUrl}/internal/vouchers/${sha256}`, { headers: signed(actor) }),
    close: app.close,
  };
}

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Voucher files: a real PNG, JPEG and PDF, and a text file named `.png`. */
export const VOUCHER_FILES = {
  png: readFileSync(join(FIXTURES, 'voucher.png')),
  jpeg: readFileSync(join(FIXTURES, 'voucher.jpg')),
  pdf: readFileSync(join(FIXTURES, 'voucher.pdf')),
  textNamedPng: readFileSync(join(FIXTURES, 'not-an-image.png')),
};

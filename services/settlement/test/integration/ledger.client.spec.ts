import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { AppError, createTestDatabase } from '@pay/common';
import { testSettlementConfig } from '../../src/config';
import { createLedgerClient } from '../../src/modules/ledger/http-ledger.client';
import type { LedgerClient } from '../../src/modules/ledger/ledger.client';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

const MERCHANT = 2024164;

/** What a call failed with: its AppError code and message. */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected an AppError, the call succeeded');
}

/** A local HTTP server that answers every request with `handler` (for failures the real ledger does not produce). */
async function fakeLedger(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the HTTP ledger client against the real ledger service', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let ledger: LedgerProcess;
  let ledgerUrl: string;
  let client: LedgerClient;
  const config = testSettlementConfig();

  /** An account's balance as the ledger keeps it; purposes as the ledger names them. */
  const balance = async (owner: string, purpose: string, ownerType = 'MERCHANT') => {
    const { rows } = await sql.query<{ balance: string }>(
      `select balance from ledger.account_balance where owner_type = $1 and owner_id = $2 and purpose = $3`,
      [ownerType, owner, purpose],
    );
    return Number(rows[0]?.balance ?? 0);
  };
  const postingCount = async () =>
    (await sql.query<{ n: number }>('select count(*)::int as n from ledger.posting')).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase();
    ledger = await startLedgerProcess(db.url, config.auth.internalSecret);
    ledgerUrl = ledger.url;
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // A trailing slash is tolerated.
    client = createLedgerClient({ ledgerUrl: `${ledgerUrl}/`, internalSecret: config.auth.internalSecret });
    // The merchant's available money: 1,000.00 yuan.
    await ledger.credit(MERCHANT, 100_000);
  });
  afterAll(async () => {
    await sql.end();
    await ledger.stop();
    await db.drop();
  });

  describe('postSettlementPayout', () => {
    it('posts the payout once and answers the same posting id on a retry', async () => {
      const input = {
        settlementCode: 'JS202511170001',
        merchantId: MERCHANT,
        amount: 30_000,
        actor: 'ops-alice',
      };
      const first = await client.postSettlementPayout(input);
      expect(first).toEqual({ postingId: expect.stringMatching(/^\d+$/) });
      expect(await client.postSettlementPayout(input)).toEqual(first);
      expect(await balance(String(MERCHANT), 'MERCHANT_AVAILABLE')).toBe(70_000);
      expect(await balance('platform', 'SETTLEMENT_PAYOUT', 'PLATFORM')).toBe(30_000);
    });

    it('passes INSUFFICIENT_BALANCE on as an AppError and posts nothing', async () => {
      const before = await postingCount();
      const refused = await refusalOf(
        client.postSettlementPayout({
          settlementCode: 'JS-SHORT',
          merchantId: MERCHANT,
          amount: 70_001,
          actor: 'a',
        }),
      );
      expect(refused.code).toBe('INSUFFICIENT_BALANCE');
      expect(await postingCount()).toBe(before);
      expect(await balance(String(MERCHANT), 'MERCHANT_AVAILABLE')).toBe(70_000);
    });

    it('passes a refused body on as BAD_USER_INPUT with the ledger’s message', async () => {
      const refused = await refusalOf(
        client.postSettlementPayout({
          settlementCode: 'JS-ZERO',
          merchantId: MERCHANT,
          amount: 0,
          actor: 'a',
        }),
      );
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toMatch(/amount/);
    });
  });

  describe('postWalletRecharge and collectFromWallet', () => {
    const wallet = () => balance(String(MERCHANT), 'MERCHANT_PREPAID_FEE');

    it('credits and debits the wallet, once per recharge id', async () => {
      const credit = {
        rechargeId: 'R-1',
        merchantId: MERCHANT,
        amount: 5_000,
        method: 'ALIPAY' as const,
        actor: 'a',
      };
      const first = await client.postWalletRecharge(credit);
      expect(await client.postWalletRecharge(credit)).toEqual(first);
      await client.postWalletRecharge({
        rechargeId: 'R-2',
        merchantId: MERCHANT,
        amount: -1_000,
        method: 'API',
        actor: 'a',
      });
      expect(await wallet()).toBe(4_000);
      const short = await refusalOf(
        client.postWalletRecharge({
          rechargeId: 'R-3',
          merchantId: MERCHANT,
          amount: -4_001,
          method: 'API',
          actor: 'a',
        }),
      );
      expect(short.code).toBe('INSUFFICIENT_BALANCE');
      expect(await wallet()).toBe(4_000);
    });

    it('collects min(wallet, max), answers the first amount on a retry, and 0 from an empty wallet', async () => {
      const bill = {
        collectionId: 'B-1',
        merchantId: MERCHANT,
        maxAmount: 10_000,
        description: '账单收款',
        actor: 'a',
      };
      const first = await client.collectFromWallet(bill);
      expect(first).toEqual({ collected: 4_000, postingId: expect.stringMatching(/^\d+$/) });
      expect(await client.collectFromWallet(bill)).toEqual(first);
      expect(await wallet()).toBe(0);
      expect(await client.collectFromWallet({ ...bill, collectionId: 'B-2' })).toEqual({
        collected: 0,
        postingId: null,
      });
    });
  });

  describe('when the ledger cannot serve', () => {
    const payout = { settlementCode: 'JS-X', merchantId: MERCHANT, amount: 1, actor: 'a' };

    it('is DEPENDENCY_UNAVAILABLE without a ledger URL', async () => {
      const unconfigured = createLedgerClient({
        ledgerUrl: null,
        internalSecret: config.auth.internalSecret,
      });
      expect((await refusalOf(unconfigured.postSettlementPayout(payout))).code).toBe(
        'DEPENDENCY_UNAVAILABLE',
      );
      expect(
        (
          await refusalOf(
            unconfigured.collectFromWallet({ ...payout, collectionId: 'c', maxAmount: 1, description: 'd' }),
          )
        ).code,
      ).toBe('DEPENDENCY_UNAVAILABLE');
    });

    it('is DEPENDENCY_UNAVAILABLE when nothing listens', async () => {
      const closed = await fakeLedger(() => undefined);
      await new Promise((resolve) => closed.server.close(resolve));
      const unreachable = createLedgerClient({
        ledgerUrl: closed.url,
        internalSecret: config.auth.internalSecret,
      });
      expect((await refusalOf(unreachable.postSettlementPayout(payout))).code).toBe('DEPENDENCY_UNAVAILABLE');
    });

    it('is DEPENDENCY_UNAVAILABLE when the ledger refuses our signature (another secret)', async () => {
      const before = await postingCount();
      const misconfigured = createLedgerClient({
        ledgerUrl,
        internalSecret: 'not-the-ledgers-secret-0123456789',
      });
      expect((await refusalOf(misconfigured.postSettlementPayout(payout))).code).toBe(
        'DEPENDENCY_UNAVAILABLE',
      );
      expect(await postingCount()).toBe(before);
    });

    it('is DEPENDENCY_UNAVAILABLE on a 5xx, a malformed answer or no answer within the timeout', async () => {
      const failing = await fakeLedger((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ code: 'INSUFFICIENT_BALANCE', message: 'a 5xx is never the caller’s refusal' }),
        );
      });
      const malformed = await fakeLedger((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ postingId: 12 }));
      });
      const silent = await fakeLedger(() => undefined);
      try {
        for (const url of [failing.url, malformed.url]) {
          const c = createLedgerClient({ ledgerUrl: url, internalSecret: config.auth.internalSecret });
          expect((await refusalOf(c.postSettlementPayout(payout))).code).toBe('DEPENDENCY_UNAVAILABLE');
        }
        const slow = createLedgerClient({
          ledgerUrl: silent.url,
          internalSecret: config.auth.internalSecret,
          timeoutMs: 200,
        });
        expect((await refusalOf(slow.postSettlementPayout(payout))).code).toBe('DEPENDENCY_UNAVAILABLE');
      } finally {
        silent.server.closeAllConnections();
        for (const s of [failing, malformed, silent]) await new Promise((resolve) => s.server.close(resolve));
      }
    });
  });
});

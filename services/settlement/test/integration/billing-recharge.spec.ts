import { generateKeyPairSync } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { alipayVerify, dataOf, errorCodes, signAlipayNotification, type Actor } from '@pay/common';
import { runBillingRedrive } from '../../src/modules/billing/billing.job';
import { createLedgerClient } from '../../src/modules/ledger/http-ledger.client';
import {
  ACTORS,
  ALIPAY_APP_ID,
  givenMerchant,
  ledgerPostings,
  MERCHANT,
  OTHER_MERCHANT,
  startBillingTestApp,
  tableRows,
  walletBalance,
  type BillingTestApp,
} from '../support/billing-fixtures';

/** A merchant with an IP allow-list of its own. */
const LISTED_MERCHANT = 3000002;

const RECHARGE_FIELDS = 'id merchantId method amount state outTradeNo channelTradeNo requestId payUrl';

interface Recharge {
  id: string;
  merchantId: number;
  method: string;
  amount: string;
  state: string;
  outTradeNo: string;
  channelTradeNo: string | null;
  requestId: string | null;
  payUrl: string | null;
}

describe('prepaid wallet recharges', () => {
  let app: BillingTestApp;

  const operatorAt = (ip?: string): Actor => ({ ...ACTORS.operator, ...(ip ? { ip } : {}) });
  const apiRecharge = (input: Record<string, unknown>, actor: Actor = operatorAt('127.0.0.1')) =>
    app.gql<{ apiRechargeWallet: Recharge }>(
      `mutation ($input: ApiRechargeWalletInput!) { apiRechargeWallet(input: $input) { ${RECHARGE_FIELDS} } }`,
      { input },
      actor,
    );
  const createLink = (merchantId: number, amount: string, actor: Actor = ACTORS.operator) =>
    app.gql<{ createWalletRecharge: Recharge }>(
      `mutation ($input: CreateWalletRechargeInput!) { createWalletRecharge(input: $input) { ${RECHARGE_FIELDS} } }`,
      { input: { merchantId, amount } },
      actor,
    );
  /** Everything a refused request must leave as it was. */
  const snapshot = async () => ({
    recharges: await tableRows(app, 'wallet_recharge'),
    collections: await tableRows(app, 'wallet_collection'),
    postings: await ledgerPostings(app),
    wallet: await walletBalance(app, MERCHANT),
  });

  beforeAll(async () => {
    app = await startBillingTestApp();
    await givenMerchant(app, { id: MERCHANT, name: '张楠运营团队', agentName: '张楠' });
    await givenMerchant(app, { id: OTHER_MERCHANT, name: '演示商户二' });
    await givenMerchant(app, { id: LISTED_MERCHANT, name: '白名单商户', ipAllowList: ['10.1.1.1'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('API recharge', () => {
    it('refuses amounts outside -1000.00 to 10000.00, zero and malformed ones, recording nothing', async () => {
      const before = await snapshot();
      for (const amount of ['-1000.01', '10000.01', '0', '0.00', '-0']) {
        expect(errorCodes(await apiRecharge({ merchantId: MERCHANT, amount }))).toEqual([
          'RECHARGE_AMOUNT_OUT_OF_RANGE',
        ]);
      }
      for (const amount of ['1.001', 'ten', '', '1e3']) {
        expect(errorCodes(await apiRecharge({ merchantId: MERCHANT, amount }))).toEqual(['INVALID_AMOUNT']);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('accepts 10000.00 and -1000.00 exactly, posting each to the ledger once', async () => {
      const credit = dataOf(await apiRecharge({ merchantId: MERCHANT, amount: '10000' })).apiRechargeWallet;
      expect(credit).toMatchObject({ method: 'API', amount: '10000.00', state: 'PAID', payUrl: null });
      expect(Number(credit.id)).toBeGreaterThanOrEqual(6001);
      expect(credit.outTradeNo).toBe(credit.id);
      const debit = dataOf(await apiRecharge({ merchantId: MERCHANT, amount: '-1000.00' })).apiRechargeWallet;
      expect(debit).toMatchObject({ amount: '-1000.00', state: 'PAID' });
      expect(await walletBalance(app, MERCHANT)).toBe(900_000);
      expect(await ledgerPostings(app, 'rcg_')).toEqual([
        { unique_no: `rcg_${credit.id}` },
        { unique_no: `rcg_${debit.id}` },
      ]);
      // Both are receipts, the debit negative.
      const receipts = dataOf(
        await app.gql<{ billReceipts: { amount: string; methodText: string }[] }>(
          '{ billReceipts(merchantId: 2024164) { amount methodText } }',
        ),
      ).billReceipts;
      expect(receipts).toEqual([
        { amount: '10000.00', methodText: 'API充值' },
        { amount: '-1000.00', methodText: 'API充值' },
      ]);
    });

    it('refuses callers off the platform allow-list or the merchant’s own, and without an IP', async () => {
      const before = await snapshot();
      expect(
        errorCodes(await apiRecharge({ merchantId: MERCHANT, amount: '1' }, operatorAt('10.9.9.9'))),
      ).toEqual(['IP_NOT_ALLOWED']);
      expect(errorCodes(await apiRecharge({ merchantId: MERCHANT, amount: '1' }, operatorAt()))).toEqual([
        'IP_NOT_ALLOWED',
      ]);
      // 127.0.0.1 is on the platform's list but not on this merchant's.
      expect(
        errorCodes(await apiRecharge({ merchantId: LISTED_MERCHANT, amount: '1' }, operatorAt('127.0.0.1'))),
      ).toEqual(['IP_NOT_ALLOWED']);
      expect(await snapshot()).toEqual(before);
      expect(await tableRows(app, 'wallet_recharge')).toHaveLength(2);
      // On both lists: accepted.
      const ok = await apiRecharge({ merchantId: LISTED_MERCHANT, amount: '1' }, operatorAt('10.1.1.1'));
      expect(dataOf(ok).apiRechargeWallet.state).toBe('PAID');
      expect(await walletBalance(app, LISTED_MERCHANT)).toBe(100);
    });

    it('lets a merchant recharge itself only; analysts not at all', async () => {
      const self = await apiRecharge(
        { merchantId: MERCHANT, amount: '1' },
        { ...ACTORS.merchant, ip: '127.0.0.1' },
      );
      expect(dataOf(self).apiRechargeWallet.state).toBe('PAID');
      expect(
        errorCodes(
          await apiRecharge(
            { merchantId: OTHER_MERCHANT, amount: '1' },
            { ...ACTORS.merchant, ip: '127.0.0.1' },
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(
          await apiRecharge({ merchantId: MERCHANT, amount: '1' }, { ...ACTORS.analyst, ip: '127.0.0.1' }),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        dataOf(
          await apiRecharge(
            { merchantId: OTHER_MERCHANT, amount: '1' },
            { ...ACTORS.system, ip: '127.0.0.1' },
          ),
        ).apiRechargeWallet.state,
      ).toBe('PAID');
      expect(errorCodes(await apiRecharge({ merchantId: 999, amount: '1' }))).toEqual(['NOT_FOUND']);
    });

    it('answers a repeated request id with the same recharge, posted once — also concurrently', async () => {
      const wallet = await walletBalance(app, MERCHANT);
      const first = dataOf(
        await apiRecharge({ merchantId: MERCHANT, amount: '12.34', requestId: 'req-1' }),
      ).apiRechargeWallet;
      const again = dataOf(
        await apiRecharge({ merchantId: MERCHANT, amount: '12.34', requestId: 'req-1' }),
      ).apiRechargeWallet;
      expect(again.id).toBe(first.id);
      expect(first.requestId).toBe('req-1');
      // The same key for another amount is a mistake, not a new recharge.
      expect(
        errorCodes(await apiRecharge({ merchantId: MERCHANT, amount: '12.35', requestId: 'req-1' })),
      ).toEqual(['BAD_USER_INPUT']);
      const twins = await Promise.all(
        [1, 2, 3].map(() => apiRecharge({ merchantId: MERCHANT, amount: '-2.00', requestId: 'req-2' })),
      );
      const ids = new Set(twins.map((t) => dataOf(t).apiRechargeWallet.id));
      expect(ids.size).toBe(1);
      expect(await walletBalance(app, MERCHANT)).toBe(wallet + 1234 - 200);
      expect(await ledgerPostings(app, `rcg_${first.id}`)).toHaveLength(1);
      expect(await ledgerPostings(app, `rcg_${[...ids][0]}`)).toHaveLength(1);
      expect(
        await app.sql(app.orm, `select id from wallet_recharge where request_id in ('req-1', 'req-2')`),
      ).toHaveLength(2);
    });

    it('refuses a debit the wallet cannot cover, leaving no recharge and no posting', async () => {
      // OTHER_MERCHANT has 1.00.
      expect(await walletBalance(app, OTHER_MERCHANT)).toBe(100);
      const before = await snapshot();
      const refused = await apiRecharge({
        merchantId: OTHER_MERCHANT,
        amount: '-1.01',
        requestId: 'short-1',
      });
      expect(errorCodes(refused)).toEqual(['INSUFFICIENT_BALANCE']);
      expect(await snapshot()).toEqual(before);
      expect(await walletBalance(app, OTHER_MERCHANT)).toBe(100);
      // The refused row was deleted: its request id may be used again once there is money.
      const exact = await apiRecharge({ merchantId: OTHER_MERCHANT, amount: '-1.00', requestId: 'short-1' });
      expect(dataOf(exact).apiRechargeWallet.state).toBe('PAID');
      expect(await walletBalance(app, OTHER_MERCHANT)).toBe(0);
    });

    it('finishes an API recharge a crash left pending, once', async () => {
      const [row] = await app.sql<{ id: string }>(
        app.orm,
        `insert into wallet_recharge (merchant_id, method, amount, out_trade_no, requested_by)
         values (?, 'API', 500, 'crash-1', 'test') returning id`,
        [OTHER_MERCHANT],
      );
      // The ledger was reached before the crash.
      await app.settlement.runtime.ledger.postWalletRecharge({
        rechargeId: row!.id,
        merchantId: OTHER_MERCHANT,
        amount: 500,
        method: 'API',
        actor: 'test',
      });
      await runBillingRedrive(app.settlement.runtime, 0);
      const [after] = await app.sql<{ state: number }>(
        app.orm,
        'select state from wallet_recharge where id = ?',
        [row!.id],
      );
      expect(after!.state).toBe(2);
      expect(await ledgerPostings(app, `rcg_${row!.id}`)).toHaveLength(1);
      expect(await walletBalance(app, OTHER_MERCHANT)).toBe(500);
    });
  });

  describe('when the ledger does not answer', () => {
    /** A local port that was free a moment ago: connections to it are refused. */
    async function closedPort(): Promise<number> {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    }

    /** Runs `fn` with the runtime's ledger client pointed at a port nobody listens on. */
    async function withLedgerDown<T>(fn: () => Promise<T>): Promise<T> {
      const runtime = app.settlement.runtime;
      const ledger = runtime.ledger;
      runtime.ledger = createLedgerClient({
        ledgerUrl: `http://127.0.0.1:${await closedPort()}`,
        internalSecret: app.config.auth.internalSecret,
      });
      try {
        return await fn();
      } finally {
        runtime.ledger = ledger;
      }
    }

    it('keeps an accepted API recharge pending and completes it later, once', async () => {
      const wallet = await walletBalance(app, MERCHANT);
      const failed = await withLedgerDown(() =>
        apiRecharge({ merchantId: MERCHANT, amount: '3.00', requestId: 'down-1' }),
      );
      expect(errorCodes(failed)).toEqual(['DEPENDENCY_UNAVAILABLE']);
      const [pending] = await app.sql<{ id: string; state: number }>(
        app.orm,
        `select id, state from wallet_recharge where request_id = 'down-1'`,
      );
      expect(pending!.state).toBe(1);
      expect(await ledgerPostings(app, `rcg_${pending!.id}`)).toEqual([]);
      // The caller's retry with the same request id completes the same recharge.
      const retried = dataOf(
        await apiRecharge({ merchantId: MERCHANT, amount: '3.00', requestId: 'down-1' }),
      );
      expect(retried.apiRechargeWallet).toMatchObject({ id: pending!.id, state: 'PAID' });
      await runBillingRedrive(app.settlement.runtime, 0);
      expect(await ledgerPostings(app, `rcg_${pending!.id}`)).toHaveLength(1);
      expect(await walletBalance(app, MERCHANT)).toBe(wallet + 300);
    });

    it('answers an Alipay notification `failure` (500) so Alipay retries, crediting on the retry', async () => {
      const link = dataOf(await createLink(MERCHANT, '4.00')).createWalletRecharge;
      const params = app.signedNotification({
        out_trade_no: link.id,
        total_amount: '4.00',
        trade_no: 'T-down',
      });
      expect(await withLedgerDown(() => app.notify(params))).toEqual({ status: 500, text: 'failure' });
      const [row] = await app.sql<{ state: number }>(
        app.orm,
        'select state from wallet_recharge where id = ?',
        [link.id],
      );
      expect(row!.state).toBe(1);
      expect(await ledgerPostings(app, `rcg_${link.id}`)).toEqual([]);
      expect(await app.notify(params)).toEqual({ status: 200, text: 'success' });
      expect(await ledgerPostings(app, `rcg_${link.id}`)).toHaveLength(1);
    });
  });

  describe('Alipay recharge links and notifications', () => {
    it('creates a signed alipay.trade.wap.pay link for an operator or the merchant itself', async () => {
      const link = dataOf(await createLink(MERCHANT, '88.5', ACTORS.merchant)).createWalletRecharge;
      expect(link).toMatchObject({
        method: 'ALIPAY',
        amount: '88.50',
        state: 'PENDING',
        outTradeNo: link.id,
      });
      const url = new URL(link.payUrl!);
      expect(`${url.origin}${url.pathname}`).toBe('https://openapi.alipay.com/gateway.do');
      const params = Object.fromEntries(url.searchParams);
      expect(params).toMatchObject({
        app_id: ALIPAY_APP_ID,
        method: 'alipay.trade.wap.pay',
        sign_type: 'RSA2',
        notify_url: 'https://pay.example.com/notify/alipay/wallet-recharge',
      });
      expect(JSON.parse(params.biz_content!)).toMatchObject({
        out_trade_no: link.id,
        total_amount: '88.50',
        subject: 'recharge',
      });
      expect(params.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // Signed with the app key over everything but `sign` (sign_type included).
      const { sign, ...signed } = params;
      expect(alipayVerify(signed, sign!, app.alipay.appPublicKeyPem, { forNotify: false })).toBe(true);

      const looked = await app.gql<{ walletRecharge: Recharge | null }>(
        `query ($id: ID!) { walletRecharge(id: $id) { state payUrl } }`,
        { id: link.id },
        ACTORS.merchant,
      );
      expect(dataOf(looked).walletRecharge?.payUrl).toContain('alipay.trade.wap.pay');
      const hidden = await app.gql<{ walletRecharge: Recharge | null }>(
        `query ($id: ID!) { walletRecharge(id: $id) { id } }`,
        { id: link.id },
        ACTORS.otherMerchant,
      );
      expect(dataOf(hidden).walletRecharge).toBeNull();
    });

    it('refuses other merchants, bad amounts, and answers DEPENDENCY_UNAVAILABLE without Alipay configured', async () => {
      const before = await snapshot();
      expect(errorCodes(await createLink(OTHER_MERCHANT, '1', ACTORS.merchant))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await createLink(MERCHANT, '1', ACTORS.analyst))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await createLink(MERCHANT, '10000.01'))).toEqual(['RECHARGE_AMOUNT_OUT_OF_RANGE']);
      expect(errorCodes(await createLink(MERCHANT, '0'))).toEqual(['INVALID_AMOUNT']);
      expect(errorCodes(await createLink(MERCHANT, '-5'))).toEqual(['INVALID_AMOUNT']);
      const alipay = app.config.alipay;
      app.config.alipay = null;
      try {
        const unconfigured = await createLink(MERCHANT, '1');
        expect(errorCodes(unconfigured)).toEqual(['DEPENDENCY_UNAVAILABLE']);
        expect(unconfigured.body.errors?.[0]?.message).toContain('Alipay recharges are not configured');
      } finally {
        app.config.alipay = alipay;
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses forged or mismatched notifications with `failure`, changing nothing', async () => {
      const link = dataOf(await createLink(MERCHANT, '66.00')).createWalletRecharge;
      const before = await snapshot();
      const forger = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      const fields = { out_trade_no: link.id, total_amount: '66.00', trade_no: 'T-1' };
      const valid = app.signedNotification(fields);
      const refusals = [
        // Signed by someone else's key.
        signAlipayNotification({ ...valid, sign: '' }, forger.privateKey),
        // A signed field changed afterwards.
        { ...valid, total_amount: '0.01' },
        { ...valid, sign: '' },
        // Properly signed, but wrong.
        app.signedNotification({ ...fields, total_amount: '66.01' }),
        app.signedNotification({ ...fields, total_amount: 'abc' }),
        app.signedNotification({ ...fields, app_id: '2021000000000000' }),
        app.signedNotification({ ...fields, out_trade_no: '999999' }),
        app.signedNotification({ ...fields, out_trade_no: 'crash-1' }),
        app.signedNotification({ ...fields, trade_status: 'WAIT_BUYER_PAY' }),
        app.signedNotification({ ...fields, trade_status: 'TRADE_CLOSED' }),
      ];
      for (const params of refusals) {
        expect(await app.notify(params)).toEqual({ status: 400, text: 'failure' });
      }
      // Not a form at all.
      const json = await fetch(`${app.baseUrl}/notify/alipay/wallet-recharge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(valid),
      });
      expect([json.status, await json.text()]).toEqual([400, 'failure']);
      expect(await snapshot()).toEqual(before);
    });

    it('credits a valid notification once, even delivered three times at once', async () => {
      const link = dataOf(await createLink(MERCHANT, '66.60')).createWalletRecharge;
      const wallet = await walletBalance(app, MERCHANT);
      const params = app.signedNotification({
        out_trade_no: link.id,
        total_amount: '66.60',
        trade_no: '2019121022001400002',
        trade_status: 'TRADE_FINISHED',
      });
      const answers = await Promise.all([1, 2, 3].map(() => app.notify(params)));
      expect(answers).toEqual([1, 2, 3].map(() => ({ status: 200, text: 'success' })));
      expect(await walletBalance(app, MERCHANT)).toBe(wallet + 6660);
      expect(await ledgerPostings(app, `rcg_${link.id}`)).toHaveLength(1);
      const after = dataOf(
        await app.gql<{ walletRecharge: Recharge }>(
          `query ($id: ID!) { walletRecharge(id: $id) { ${RECHARGE_FIELDS} } }`,
          {
            id: link.id,
          },
        ),
      ).walletRecharge;
      expect(after).toMatchObject({ state: 'PAID', channelTradeNo: '2019121022001400002', payUrl: null });

      // Alipay retries later: success, nothing credited again.
      expect(await app.notify(params)).toEqual({ status: 200, text: 'success' });
      expect(await walletBalance(app, MERCHANT)).toBe(wallet + 6660);
      expect(await ledgerPostings(app, `rcg_${link.id}`)).toHaveLength(1);
      const receipts = dataOf(
        await app.gql<{ billReceipts: { amount: string; methodText: string }[] }>(
          '{ billReceipts(merchantId: 2024164) { amount methodText } }',
        ),
      ).billReceipts;
      expect(receipts.filter((r) => r.amount === '66.60')).toEqual([
        { amount: '66.60', methodText: '支付宝自助充值' },
      ]);
    });
  });
});

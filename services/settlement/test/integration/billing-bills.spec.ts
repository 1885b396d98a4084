import { applyRate, dataOf, errorCodes, type Actor } from '@pay/common';
import { billingModule } from '../../src/modules/billing';
import { runBillingRedrive, runMonthlyBilling } from '../../src/modules/billing/billing.job';
import { collectFromWallet } from '../../src/modules/billing/wallet-collection.service';
import {
  ACTORS,
  apiRecharge,
  cn,
  givenMerchant,
  givenOrders,
  givenTerms,
  ledgerPostings,
  MERCHANT,
  OTHER_MERCHANT,
  startBillingTestApp,
  tableRows,
  walletBalance,
  type BillingTestApp,
} from '../support/billing-fixtures';

/** A merchant with billing terms and no orders at all. */
const IDLE_MERCHANT = 3000001;

const BILL_FIELDS = `id merchantId merchantName salesName billMonth billTimestamp groupIndex orderCount
  salesTotal ratePercent receivable received left payRemark issuedBy`;

interface Bill {
  id: string;
  merchantId: number;
  merchantName: string | null;
  salesName: string | null;
  billMonth: string;
  billTimestamp: number;
  groupIndex: string;
  orderCount: number;
  salesTotal: string;
  ratePercent: number;
  receivable: string;
  received: string;
  left: string;
  payRemark: string;
  issuedBy: string;
}

interface Summary {
  totalLeft: string;
  thisMonthLeft: string;
  bills: Bill[];
}

interface Receipt {
  amount: string;
  method: string;
  methodText: string;
  date: string;
  timestamp: number;
  receivedAt: string;
}

describe('monthly bills and their collection from the prepaid wallet', () => {
  let app: BillingTestApp;

  const issue = (month: string, merchantId?: number, actor: Actor = ACTORS.operator) =>
    app.gql<{
      issueMonthlyBills: { month: string; issuedCount: number; bills: Bill[]; failedCollections: number[] };
    }>(
      `mutation ($input: IssueMonthlyBillsInput!) {
         issueMonthlyBills(input: $input) { month issuedCount failedCollections bills { ${BILL_FIELDS} } }
       }`,
      { input: { month, merchantId } },
      actor,
    );
  const summary = async (merchantId: number): Promise<Summary> =>
    dataOf(
      await app.gql<{ billingSummary: Summary }>(
        `query ($m: Int) { billingSummary(merchantId: $m) { totalLeft thisMonthLeft bills { ${BILL_FIELDS} } } }`,
        { m: merchantId },
      ),
    ).billingSummary;
  const receipts = async (merchantId: number): Promise<Receipt[]> =>
    dataOf(
      await app.gql<{ billReceipts: Receipt[] }>(
        `query ($m: Int) { billReceipts(merchantId: $m) { amount method methodText date timestamp receivedAt } }`,
        { m: merchantId },
      ),
    ).billReceipts;

  beforeAll(async () => {
    app = await startBillingTestApp();
    await givenMerchant(app, { id: MERCHANT, name: '张楠运营团队', agentName: '张楠' });
    await givenMerchant(app, { id: OTHER_MERCHANT, name: '演示商户二' });
    await givenMerchant(app, { id: IDLE_MERCHANT, name: '空闲商户' });
    await givenTerms(app, IDLE_MERCHANT, 10_000, { salesName: '李四', payRemark: '月结' });
    await givenOrders(app, [
      // August 2019 (China time) for MERCHANT: ten tiny orders and a big one. Rounded per
      // order the fee would be 10 × 1 + 118000 fen; rounded once on the total it is 118006.
      ...Array.from({ length: 10 }, () => ({
        merchantId: MERCHANT,
        amount: 10,
        paidAt: cn('2019-08-10 12:00'),
      })),
      { merchantId: MERCHANT, amount: 2_000_000, paidAt: cn('2019-08-01 00:00:00') },
      // The month's edges: the last second is in, the next month's first instant is not.
      { merchantId: MERCHANT, amount: 0, paidAt: cn('2019-08-31 23:59:59'), statusCode: 1 },
      { merchantId: MERCHANT, amount: 77_700, paidAt: cn('2019-07-31 23:59:59') },
      { merchantId: MERCHANT, amount: 30_000, paidAt: cn('2019-09-01 00:00:00') },
      // Paid then refunded: not merchant-visible paid (status_code 0).
      {
        merchantId: MERCHANT,
        amount: 55_500,
        paidAt: cn('2019-08-20 08:00'),
        statusCode: 0,
        status: 'REFUNDED',
      },
      // OTHER_MERCHANT has no terms: the default 0.6 %. 0.6 % of 83.33 is 0.49998 yuan → 0.50.
      { merchantId: OTHER_MERCHANT, amount: 8333, paidAt: cn('2019-08-05 09:00') },
    ]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sets billing terms exactly in ppm, for operators only', async () => {
    const set = (input: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
      app.gql<{ setMerchantBillingTerms: Record<string, unknown> }>(
        `mutation ($input: SetMerchantBillingTermsInput!) {
           setMerchantBillingTerms(input: $input) { merchantId ratePpm ratePercent salesName payRemark custom updatedBy }
         }`,
        { input },
        actor,
      );
    expect(errorCodes(await set({ merchantId: MERCHANT, rate: '5.9' }, ACTORS.merchant))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await set({ merchantId: MERCHANT, rate: '5.9' }, ACTORS.analyst))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await set({ merchantId: MERCHANT, rate: '5.91234' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await set({ merchantId: MERCHANT, rate: '101' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await set({ merchantId: 999, rate: '5.9' }))).toEqual(['NOT_FOUND']);
    expect(await tableRows(app, 'merchant_billing')).toHaveLength(1);

    expect(dataOf(await set({ merchantId: MERCHANT, rate: '5.9' })).setMerchantBillingTerms).toEqual({
      merchantId: MERCHANT,
      ratePpm: 59_000,
      ratePercent: 5.9,
      // No sales name of its own: the merchant's agent.
      salesName: '张楠',
      payRemark: '暂无',
      custom: true,
      updatedBy: 'ops-alice',
    });
    // Left-out fields keep their value; a new rate replaces the old one.
    await set({ merchantId: MERCHANT, rate: '1', salesName: '王五' });
    expect(dataOf(await set({ merchantId: MERCHANT, rate: '5.9' })).setMerchantBillingTerms.salesName).toBe(
      '王五',
    );
    expect(
      dataOf(await set({ merchantId: MERCHANT, rate: '5.9', salesName: null })).setMerchantBillingTerms
        .salesName,
    ).toBe('张楠');

    const terms = await app.gql<{ merchantBillingTerms: Record<string, unknown> }>(
      '{ merchantBillingTerms { merchantId ratePpm salesName payRemark custom } }',
      {},
      ACTORS.otherMerchant,
    );
    // Without terms of its own: the default rate and remark, no agent.
    expect(dataOf(terms).merchantBillingTerms).toEqual({
      merchantId: OTHER_MERCHANT,
      ratePpm: 6000,
      salesName: null,
      payRemark: '暂无',
      custom: false,
    });
  });

  it('refuses a malformed month, a month not over, and callers other than operators', async () => {
    expect(errorCodes(await issue('2019-8'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await issue('2999-01'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await issue('2019-08', undefined, ACTORS.merchant))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await issue('2019-08', undefined, ACTORS.analyst))).toEqual(['FORBIDDEN']);
    expect(await tableRows(app, 'merchant_bill')).toEqual([]);
  });

  it('issues the month’s bills with exact figures and collects them as far as the wallet reaches', async () => {
    // 500.00 in MERCHANT's wallet before the bill; nothing is owed yet, so nothing is collected.
    dataOf(await apiRecharge(app, MERCHANT, '500.00'));
    expect(await walletBalance(app, MERCHANT)).toBe(50_000);
    expect(await tableRows(app, 'wallet_collection')).toEqual([]);

    const result = dataOf(await issue('2019-08')).issueMonthlyBills;
    expect(result.month).toBe('2019-08');
    expect(result.issuedCount).toBe(3);
    expect(result.failedCollections).toEqual([]);
    const byMerchant = new Map(result.bills.map((b) => [b.merchantId, b]));

    const sales = 10 * 10 + 2_000_000;
    expect(applyRate(sales, 59_000)).toBe(118_006);
    expect(byMerchant.get(MERCHANT)).toEqual({
      id: expect.any(String),
      merchantId: MERCHANT,
      merchantName: '张楠运营团队',
      salesName: '张楠',
      billMonth: '2019-08-01',
      billTimestamp: 1564617600000,
      groupIndex: `2019-08_${MERCHANT}`,
      orderCount: 12,
      salesTotal: '20001.00',
      ratePercent: 5.9,
      receivable: '1180.06',
      received: '500.00',
      left: '680.06',
      payRemark: '暂无',
      issuedBy: 'ops-alice',
    });
    expect(byMerchant.get(OTHER_MERCHANT)).toMatchObject({
      merchantName: '演示商户二',
      salesName: null,
      orderCount: 1,
      salesTotal: '83.33',
      ratePercent: 0.6,
      receivable: '0.50',
      // An empty wallet: nothing collected.
      received: '0.00',
      left: '0.50',
    });
    expect(applyRate(8333, 6000)).toBe(50);
    // Terms but no orders: a zero bill with the terms' names.
    expect(byMerchant.get(IDLE_MERCHANT)).toMatchObject({
      orderCount: 0,
      salesTotal: '0.00',
      receivable: '0.00',
      left: '0.00',
      salesName: '李四',
      payRemark: '月结',
    });

    // The ledger moved exactly what the wallet had.
    expect(await walletBalance(app, MERCHANT)).toBe(0);
    expect(await ledgerPostings(app, 'bcl_')).toHaveLength(1);
    const payments = await tableRows(app, 'bill_payment');
    expect(payments.map((p) => Number(p.amount))).toEqual([50_000]);
  });

  it('issues a month once: a second issue changes nothing', async () => {
    const before = {
      bills: await tableRows(app, 'merchant_bill'),
      collections: await tableRows(app, 'wallet_collection'),
      postings: await ledgerPostings(app),
    };
    const again = dataOf(await issue('2019-08')).issueMonthlyBills;
    expect(again.issuedCount).toBe(0);
    expect(again.bills).toEqual([]);
    const single = dataOf(await issue('2019-08', MERCHANT)).issueMonthlyBills;
    expect(single.issuedCount).toBe(0);
    expect(await tableRows(app, 'merchant_bill')).toEqual(before.bills);
    expect(await tableRows(app, 'wallet_collection')).toEqual(before.collections);
    expect(await ledgerPostings(app)).toEqual(before.postings);
  });

  it('adds the next month; a later Alipay recharge pays off the oldest bill first', async () => {
    const sep = dataOf(await issue('2019-09', MERCHANT)).issueMonthlyBills;
    expect(sep.bills).toHaveLength(1);
    // 300.00 × 5.9 % = 17.70, and the wallet is empty.
    expect(sep.bills[0]).toMatchObject({
      billMonth: '2019-09-01',
      orderCount: 1,
      receivable: '17.70',
      left: '17.70',
    });

    let s = await summary(MERCHANT);
    expect(s.totalLeft).toBe('697.76');
    expect(s.thisMonthLeft).toBe('17.70');
    expect(s.bills.map((b) => b.billMonth)).toEqual(['2019-08-01', '2019-09-01']);

    // 690.00 through an Alipay link: 680.06 pays August first, the other 9.94 part of September.
    const link = dataOf(
      await app.gql<{ createWalletRecharge: { id: string } }>(
        'mutation { createWalletRecharge(input: { merchantId: 2024164, amount: "690.00" }) { id } }',
      ),
    ).createWalletRecharge;
    const answer = await app.notify(
      app.signedNotification({
        out_trade_no: link.id,
        total_amount: '690.00',
        trade_no: '2019121022001400001',
      }),
    );
    expect(answer).toEqual({ status: 200, text: 'success' });
    expect(await walletBalance(app, MERCHANT)).toBe(0);

    s = await summary(MERCHANT);
    expect(s.bills.map((b) => [b.billMonth, b.received, b.left])).toEqual([
      ['2019-08-01', '1180.06', '0.00'],
      ['2019-09-01', '9.94', '7.76'],
    ]);
    expect(s.totalLeft).toBe('7.76');
    expect(s.thisMonthLeft).toBe('7.76');
    const [recharge] = await app.sql<{ id: string }>(
      app.orm,
      `select id from wallet_collection where trigger = 'RECHARGE' and recharge_id = ?`,
      [link.id],
    );
    const paid = await app.sql<{ bill_month: string; amount: string }>(
      app.orm,
      `select to_char(b.bill_month, 'YYYY-MM') as bill_month, p.amount from bill_payment p
       join merchant_bill b on b.id = p.bill_id where p.collection_id = ? order by p.id`,
      [recharge!.id],
    );
    expect(paid).toEqual([
      { bill_month: '2019-08', amount: '68006' },
      { bill_month: '2019-09', amount: '994' },
    ]);
  });

  it('lists the receipts: recharges and bill-issue collections, oldest first', async () => {
    const list = await receipts(MERCHANT);
    expect(list.map((r) => [r.methodText, r.method, r.amount])).toEqual([
      ['API充值', 'API_RECHARGE', '500.00'],
      ['自动收款账号', 'AUTO_COLLECTION', '500.00'],
      ['支付宝自助充值', 'ALIPAY_RECHARGE', '690.00'],
    ]);
    for (const r of list) {
      const at = new Date(r.receivedAt).getTime();
      // The legacy millisecond timestamp is the China wall clock read as UTC.
      expect(r.timestamp).toBe(at + 8 * 3600 * 1000);
      expect(r.date).toBe(new Date(r.timestamp).toISOString().slice(0, 10));
    }
    // The empty wallet's zero collection of OTHER_MERCHANT is no receipt.
    expect(await receipts(OTHER_MERCHANT)).toEqual([]);
  });

  it('lets a merchant see only its own bills, also through Merchant fields (batched)', async () => {
    const own = await app.gql<{ merchantBills: { totalCount: number; nodes: { merchantId: number }[] } }>(
      '{ merchantBills { totalCount nodes { merchantId } } }',
      {},
      ACTORS.merchant,
    );
    expect(dataOf(own).merchantBills.totalCount).toBe(2);
    expect(dataOf(own).merchantBills.nodes.every((b) => b.merchantId === MERCHANT)).toBe(true);
    expect(
      errorCodes(await app.gql('{ merchantBills(merchantId: 2023100) { totalCount } }', {}, ACTORS.merchant)),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await app.gql('{ billingSummary(merchantId: 2023100) { totalLeft } }', {}, ACTORS.merchant)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql('{ billingSummary { totalLeft } }', {}, ACTORS.operator))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const all = dataOf(
      await app.gql<{ merchantBills: { totalCount: number; nodes: { groupIndex: string }[] } }>(
        '{ merchantBills(month: "2019-08", pageSize: 2) { totalCount nodes { groupIndex } } }',
      ),
    ).merchantBills;
    expect(all.totalCount).toBe(3);
    expect(all.nodes.map((n) => n.groupIndex)).toEqual([`2019-08_${OTHER_MERCHANT}`, `2019-08_${MERCHANT}`]);

    const entities = dataOf(
      await app.gql<{
        _entities: {
          id: number;
          bills: { totalCount: number };
          billingSummary: Summary;
          billReceipts: Receipt[];
        }[];
      }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Merchant {
           id bills(pageSize: 1) { totalCount nodes { billMonth } }
           billingSummary { totalLeft thisMonthLeft }
           billReceipts { methodText }
           billingTerms { ratePpm }
         } } }`,
        {
          r: [
            { __typename: 'Merchant', id: MERCHANT },
            { __typename: 'Merchant', id: OTHER_MERCHANT },
          ],
        },
      ),
    )._entities;
    expect(
      entities.map((e) => [e.id, e.bills.totalCount, e.billingSummary.totalLeft, e.billReceipts.length]),
    ).toEqual([
      [MERCHANT, 2, '7.76', 3],
      [OTHER_MERCHANT, 1, '0.50', 0],
    ]);
    expect(
      errorCodes(
        await app.gql(
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Merchant { billingSummary { totalLeft } } } }',
          { r: [{ __typename: 'Merchant', id: OTHER_MERCHANT }] },
          ACTORS.merchant,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('re-drives collections a crash left pending, recording the ledger’s answer once', async () => {
    const runtime = app.settlement.runtime;
    // OTHER_MERCHANT owes 0.50 on August. 0.30 reaches its wallet in the ledger directly.
    await runtime.ledger.postWalletRecharge({
      rechargeId: 'test-direct-1',
      merchantId: OTHER_MERCHANT,
      amount: 30,
      method: 'API',
      actor: 'test',
    });
    // A crash after step 1 and the ledger call, before step 3: a pending row, money moved.
    const [crashed] = await app.sql<{ id: string }>(
      app.orm,
      `insert into wallet_collection (merchant_id, trigger, max_amount) values (?, 'MANUAL', 50) returning id`,
      [OTHER_MERCHANT],
    );
    const first = await runtime.ledger.collectFromWallet({
      collectionId: crashed!.id,
      merchantId: OTHER_MERCHANT,
      maxAmount: 50,
      description: 'test',
      actor: 'test',
    });
    expect(first.collected).toBe(30);
    expect(await walletBalance(app, OTHER_MERCHANT)).toBe(0);
    expect((await summary(OTHER_MERCHANT)).totalLeft).toBe('0.50');

    await runBillingRedrive(runtime, 0);
    const [done] = await app.sql<Record<string, unknown>>(
      app.orm,
      'select * from wallet_collection where id = ?',
      [crashed!.id],
    );
    expect(done).toMatchObject({ state: 2, collected: '30', posting_id: first.postingId });
    expect(await ledgerPostings(app, `bcl_${crashed!.id}`)).toHaveLength(1);
    expect((await summary(OTHER_MERCHANT)).totalLeft).toBe('0.20');

    // A crash right after step 1: the ledger never heard of it; the re-drive collects now.
    await runtime.ledger.postWalletRecharge({
      rechargeId: 'test-direct-2',
      merchantId: OTHER_MERCHANT,
      amount: 100,
      method: 'API',
      actor: 'test',
    });
    const [fresh] = await app.sql<{ id: string }>(
      app.orm,
      `insert into wallet_collection (merchant_id, trigger, max_amount) values (?, 'MANUAL', 20) returning id`,
      [OTHER_MERCHANT],
    );
    const before = await ledgerPostings(app);
    await runBillingRedrive(runtime, 0);
    expect(await ledgerPostings(app)).toEqual([...before, { unique_no: `bcl_${fresh!.id}` }]);
    expect(await walletBalance(app, OTHER_MERCHANT)).toBe(80);
    const s = await summary(OTHER_MERCHANT);
    expect([s.totalLeft, s.bills[0]!.received]).toEqual(['0.00', '0.50']);

    // Converged: running it again changes nothing.
    const settled = {
      collections: await tableRows(app, 'wallet_collection'),
      payments: await tableRows(app, 'bill_payment'),
      postings: await ledgerPostings(app),
    };
    await runBillingRedrive(runtime, 0);
    expect(await tableRows(app, 'wallet_collection')).toEqual(settled.collections);
    expect(await tableRows(app, 'bill_payment')).toEqual(settled.payments);
    expect(await ledgerPostings(app)).toEqual(settled.postings);
  });

  it('serialises concurrent collections of one merchant: together they take what is left, once', async () => {
    const runtime = app.settlement.runtime;
    // MERCHANT owes 7.76 on September; 10.00 reaches its wallet in the ledger directly.
    await runtime.ledger.postWalletRecharge({
      rechargeId: 'test-direct-3',
      merchantId: MERCHANT,
      amount: 1000,
      method: 'API',
      actor: 'test',
    });
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() =>
        collectFromWallet(runtime, { merchantId: MERCHANT, trigger: 'MANUAL', actor: 'test' }),
      ),
    );
    // A reused collection is reported by each caller that drove it: count each id once.
    const byId = new Map(outcomes.flat().map((o) => [o.collectionId, o.collected]));
    expect([...byId.values()].reduce((a, b) => a + b, 0)).toBe(776);
    expect(await walletBalance(app, MERCHANT)).toBe(224);
    const s = await summary(MERCHANT);
    expect(s.bills.map((b) => b.left)).toEqual(['0.00', '0.00']);
    expect(await app.sql(app.orm, 'select id from wallet_collection where state = 1')).toEqual([]);
    const [sum] = await app.sql<{ total: string }>(
      app.orm,
      `select sum(p.amount) as total from bill_payment p join merchant_bill b on b.id = p.bill_id
       where b.merchant_id = ? and b.bill_month = '2019-09-01'`,
      [MERCHANT],
    );
    expect(sum!.total).toBe('1770');
  });

  it('bills last month on schedule as `auto`, once', async () => {
    await runMonthlyBilling(app.settlement.runtime, new Date('2019-11-02T20:00:00Z'));
    const october = await app.sql<{ merchant_id: number; receivable: string; issued_by: string }>(
      app.orm,
      `select merchant_id, receivable, issued_by from merchant_bill where bill_month = '2019-10-01' order by merchant_id`,
    );
    // Only merchants with terms: no orders in October, so zero bills.
    expect(october).toEqual([
      { merchant_id: MERCHANT, receivable: '0', issued_by: 'auto' },
      { merchant_id: IDLE_MERCHANT, receivable: '0', issued_by: 'auto' },
    ]);
    await runMonthlyBilling(app.settlement.runtime, new Date('2019-11-02T20:00:00Z'));
    expect(
      await app.sql(app.orm, `select id from merchant_bill where bill_month = '2019-10-01'`),
    ).toHaveLength(2);
  });

  it('schedules the monthly issue and the re-drive in China time', async () => {
    await billingModule.startWorkers!(app.settlement.runtime);
    // pg-boss's typings leave out the stored time zone.
    const schedules = (await app.settlement.runtime.jobs.getSchedules()) as {
      name: string;
      cron: string;
      timezone?: string;
    }[];
    expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual([
      ['billing-monthly-bills', app.config.billingCron, 'Asia/Shanghai'],
      ['billing-redrive', '* * * * *', 'Asia/Shanghai'],
    ]);
    expect(billingModule.queues).toEqual(['billing-monthly-bills', 'billing-redrive']);
  });
});

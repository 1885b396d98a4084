import { randomUUID } from 'node:crypto';
import { addDays, dataOf, errorCodes, formatChinaDate, startOfChinaDay, type Actor } from '@pay/common';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import {
  ADJUST,
  adjust,
  backdate,
  deliver,
  expectError,
  ledgerCounts,
  MERCHANT_A,
  MERCHANT_B,
  paidOrder,
} from '../support/money-fixtures';

const ADJUSTMENTS = `query ($merchantId: Int, $startTime: String, $endTime: String, $page: Int, $pageSize: Int) {
  manualAdjustments(merchantId: $merchantId, startTime: $startTime, endTime: $endTime, page: $page, pageSize: $pageSize) {
    totalCount page pageSize totalPages
    nodes { amount balanceAfter type typeName description uniqueNo orderNo accountPurpose createdAt }
  }
}`;
const BALANCE = `query ($merchantId: Int) { merchantBalance(merchantId: $merchantId) { available frozen } }`;
const PLATFORM_ADJUSTMENT = `{ accounts(purpose: ADJUSTMENT) { nodes { ownerType ownerId balance } } }`;

interface AdjustResult {
  adjustBalance: {
    created: boolean;
    posting: {
      id: string;
      uniqueNo: string;
      type: number;
      typeName: string;
      description: string;
      actor: string;
    };
    balance: { available: string; frozen: string };
  };
}
interface AdjustmentPage {
  manualAdjustments: {
    totalCount: number;
    page: number;
    pageSize: number;
    totalPages: number;
    nodes: {
      amount: string;
      balanceAfter: string;
      typeName: string;
      description: string;
      uniqueNo: string;
    }[];
  };
}

describe('manual adjustments', () => {
  let app: LedgerTestApp;
  const available = async (merchantId = MERCHANT_A) =>
    dataOf(await app.gql<{ merchantBalance: { available: string } }>(BALANCE, { merchantId })).merchantBalance
      .available;
  const run = (input: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
    app.gql<AdjustResult>(
      ADJUST,
      { input: { merchantId: MERCHANT_A, reason: 'r', requestId: randomUUID(), ...input } },
      actor,
    );

  beforeAll(async () => {
    app = await startLedgerTestApp();
    // Frozen income is not available: it never covers a debit.
    await deliver(app, paidOrder(MERCHANT_A, 'ADJ-1', 100000));
  });

  afterAll(async () => {
    await app.close();
  });

  it('credits and debits the available balance against the platform ADJUSTMENT account', async () => {
    const credit = dataOf(
      await run({ amount: '100.00', reason: '补偿：漏单', requestId: 'req-credit-1' }),
    ).adjustBalance;
    expect(credit).toMatchObject({
      created: true,
      posting: {
        uniqueNo: 'adjust:req-credit-1',
        type: 0,
        typeName: 'adjustment',
        description: '补偿：漏单',
        actor: ACTORS.operator.sub,
      },
      balance: { available: '100.00', frozen: '885.00' },
    });
    const debit = dataOf(
      await run({ amount: '-12.50', reason: '扣回多付', requestId: 'req-debit-1' }),
    ).adjustBalance;
    expect(debit.balance.available).toBe('87.50');
    const platform = dataOf(
      await app.gql<{ accounts: { nodes: { ownerType: string; balance: string }[] } }>(PLATFORM_ADJUSTMENT),
    ).accounts.nodes;
    expect(platform).toEqual([{ ownerType: 'PLATFORM', ownerId: 'platform', balance: '-87.50' }]);
  });

  it('refuses a debit the available balance cannot cover, leaving no trace', async () => {
    const before = await ledgerCounts(app);
    expectError(await run({ amount: '-87.51' }), 'INSUFFICIENT_BALANCE');
    expect(await ledgerCounts(app)).toEqual(before);
    expect(await available()).toBe('87.50');
    // A merchant with no money at all.
    expectError(await run({ merchantId: MERCHANT_B, amount: '-0.01' }), 'INSUFFICIENT_BALANCE');
  });

  it('applies a requestId once', async () => {
    const input = { amount: '5.00', reason: 'once', requestId: 'req-once' };
    expect(dataOf(await run(input)).adjustBalance).toMatchObject({
      created: true,
      balance: { available: '92.50' },
    });
    const again = dataOf(await run(input)).adjustBalance;
    expect(again).toMatchObject({ created: false, posting: { uniqueNo: 'adjust:req-once' } });
    expect(again.balance.available).toBe('92.50');
    // The same key for something else is refused rather than silently ignored.
    expectError(await run({ ...input, amount: '6.00' }), 'BAD_USER_INPUT');
    expectError(await run({ ...input, merchantId: MERCHANT_B }), 'BAD_USER_INPUT');
    expect(await available()).toBe('92.50');
    expect(await available(MERCHANT_B)).toBe('0.00');
  });

  it('requires a reason of 1–200 characters', async () => {
    const before = await ledgerCounts(app);
    const missing = await app.gql(ADJUST, {
      input: { merchantId: MERCHANT_A, amount: '1.00', requestId: randomUUID() },
    });
    expect(missing.body.errors?.length).toBeGreaterThan(0);
    expect(missing.body.data ?? null).toBeNull();
    expectError(await run({ amount: '1.00', reason: '   ' }), 'BAD_USER_INPUT');
    expectError(await run({ amount: '1.00', reason: 'x'.repeat(201) }), 'BAD_USER_INPUT');
    expect(dataOf(await run({ amount: '1.00', reason: 'x'.repeat(200) })).adjustBalance.created).toBe(true);
    expect((await ledgerCounts(app)).postings).toBe(before.postings + 1);
  });

  it('refuses zero and malformed amounts and bad request ids', async () => {
    expectError(await run({ amount: '0.00' }), 'INVALID_AMOUNT');
    expectError(await run({ amount: '-0' }), 'INVALID_AMOUNT');
    expectError(await run({ amount: 'ten' }), 'INVALID_AMOUNT');
    expectError(await run({ amount: '1.234' }), 'INVALID_AMOUNT');
    expectError(await run({ amount: '1.00', requestId: '' }), 'BAD_USER_INPUT');
    expectError(await run({ amount: '1.00', requestId: 'has space' }), 'BAD_USER_INPUT');
    expectError(await run({ amount: '1.00', requestId: 'x'.repeat(101) }), 'BAD_USER_INPUT');
  });

  it('is for operators (and the system) only', async () => {
    const before = await ledgerCounts(app);
    expectError(await run({ amount: '1000.00' }, ACTORS.merchant), 'FORBIDDEN');
    expectError(await run({ amount: '1000.00', merchantId: MERCHANT_B }, ACTORS.otherMerchant), 'FORBIDDEN');
    expectError(await run({ amount: '1000.00' }, ACTORS.analyst), 'FORBIDDEN');
    expect(await ledgerCounts(app)).toEqual(before);
    expect(errorCodes(await run({ amount: '0.01' }, ACTORS.system))).toEqual([]);
  });

  describe('manualAdjustments (/manualadjustments)', () => {
    let oldKey: string;

    beforeAll(async () => {
      oldKey = await adjust(app, MERCHANT_A, '3.00', 'last week');
      await backdate(app, oldKey, addDays(startOfChinaDay(new Date()), -7));
      await adjust(app, MERCHANT_B, '2.00', 'theirs');
    });

    it("lists the merchant's adjustments only, newest (by log id) first", async () => {
      const page = dataOf(
        await app.gql<AdjustmentPage>(ADJUSTMENTS, { merchantId: MERCHANT_A }),
      ).manualAdjustments;
      expect(page).toMatchObject({ totalCount: 6, page: 1, pageSize: 20, totalPages: 1 });
      expect(page.nodes.every((n) => n.typeName === 'adjustment')).toBe(true);
      expect(page.nodes.map((n) => n.amount)).toEqual(['3.00', '0.01', '1.00', '5.00', '-12.50', '100.00']);
      expect(page.nodes.at(-1)).toMatchObject({ balanceAfter: '100.00', description: '补偿：漏单' });
      expect(page.nodes[0]).toMatchObject({ uniqueNo: oldKey, description: 'last week' });
    });

    it('filters by time and pages (at most 200)', async () => {
      const lastWeek = formatChinaDate(addDays(startOfChinaDay(new Date()), -7));
      const old = dataOf(
        await app.gql<AdjustmentPage>(ADJUSTMENTS, {
          merchantId: MERCHANT_A,
          startTime: lastWeek,
          endTime: lastWeek,
        }),
      ).manualAdjustments;
      expect(old.nodes.map((n) => n.uniqueNo)).toEqual([oldKey]);
      const today = formatChinaDate(new Date());
      expect(
        dataOf(await app.gql<AdjustmentPage>(ADJUSTMENTS, { merchantId: MERCHANT_A, startTime: today }))
          .manualAdjustments.totalCount,
      ).toBe(5);
      const paged = dataOf(
        await app.gql<AdjustmentPage>(ADJUSTMENTS, { merchantId: MERCHANT_A, page: 2, pageSize: 4 }),
      ).manualAdjustments;
      expect(paged).toMatchObject({ page: 2, pageSize: 4, totalPages: 2 });
      expect(paged.nodes.map((n) => n.amount)).toEqual(['-12.50', '100.00']);
      expectError(await app.gql(ADJUSTMENTS, { merchantId: MERCHANT_A, pageSize: 201 }), 'BAD_USER_INPUT');
    });

    it('a merchant reads its own and never another merchant’s', async () => {
      const own = dataOf(
        await app.gql<AdjustmentPage>(ADJUSTMENTS, {}, ACTORS.otherMerchant),
      ).manualAdjustments;
      expect(own.nodes.map((n) => n.description)).toEqual(['theirs']);
      expectError(await app.gql(ADJUSTMENTS, { merchantId: MERCHANT_B }, ACTORS.merchant), 'FORBIDDEN');
      // Platform roles name the merchant.
      expectError(await app.gql(ADJUSTMENTS, {}, ACTORS.analyst), 'BAD_USER_INPUT');
    });
  });

  it('shows the operator behind an adjustment to platform roles and “platform” to the merchant', async () => {
    dataOf(await run({ amount: '1.00', reason: 'who did this', requestId: 'req-actor-1' }));
    const WHO = `query { posting(uniqueNo: "adjust:req-actor-1") { actor } }`;
    expect(dataOf(await app.gql<{ posting: { actor: string } }>(WHO)).posting.actor).toBe(
      ACTORS.operator.sub,
    );
    expect(
      dataOf(await app.gql<{ posting: { actor: string } }>(WHO, {}, ACTORS.merchant)).posting.actor,
    ).toBe('platform');
  });
});

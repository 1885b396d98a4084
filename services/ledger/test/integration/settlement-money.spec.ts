import {
  ACTOR_HEADER,
  dataOf,
  errorCodes,
  signActorHeader,
  sqlStatementCount,
  type Actor,
} from '@pay/common';
import { findingCount, verifyLedger } from '../../src/modules/verify/ledger-verify';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import { adjust, deliver, ledgerCounts, MERCHANT_A, MERCHANT_B, paidOrder } from '../support/money-fixtures';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const PREPAID = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Merchant { id prepaidBalance }
} }`;

describe('settlement money: payouts, wallet recharges and bill collections', () => {
  let app: LedgerTestApp;
  // Each test works on merchants of its own, so balances do not leak between tests.
  let nextMerchant = 7_100_000;
  const freshMerchant = () => (nextMerchant += 1);

  beforeAll(async () => {
    app = await startLedgerTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const call = async (
    path: string,
    body: unknown,
    options: { actor?: Actor | null; raw?: string } = {},
  ): Promise<Answer> => {
    const actor = options.actor === undefined ? ACTORS.system : options.actor;
    const response = await fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(actor ? { [ACTOR_HEADER]: signActorHeader(actor, app.config.auth.internalSecret) } : {}),
      },
      body: options.raw ?? JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const payout = (body: Record<string, unknown>, actor?: Actor | null) =>
    call('/internal/settlement-payouts', { actor: 'ops-alice', ...body }, { actor });
  const recharge = (body: Record<string, unknown>) =>
    call('/internal/prepaid-wallet/recharges', { method: 'API', actor: 'system:billing', ...body });
  const collect = (body: Record<string, unknown>) =>
    call('/internal/prepaid-wallet/collections', {
      description: '2025-11 账单收款',
      actor: 'system:billing',
      ...body,
    });

  const balance = async (merchantId: number | string, purpose: string, ownerType = 'MERCHANT') => {
    const [row] = (await app.orm.em
      .fork()
      .getConnection()
      .execute(`select balance from account_balance where owner_type = ? and owner_id = ? and purpose = ?`, [
        ownerType,
        String(merchantId),
        purpose,
      ])) as { balance: string }[];
    return Number(row?.balance ?? 0);
  };
  const wallet = (merchantId: number) => balance(merchantId, 'MERCHANT_PREPAID_FEE');
  const available = (merchantId: number) => balance(merchantId, 'MERCHANT_AVAILABLE');

  const postingsByKey = async (uniqueNo: string) =>
    (await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select p.id, p.type, p.description, p.order_no, p.actor, a.owner_type, a.owner_id, a.purpose, l.amount
           from posting p join leg l on l.posting_id = p.id join account a on a.id = l.account_id
          where p.unique_no = ? order by a.purpose`,
        [uniqueNo],
      )) as {
      id: string;
      type: number;
      description: string;
      order_no: string;
      actor: string;
      owner_type: string;
      owner_id: string;
      purpose: string;
      amount: string;
    }[];

  /** Money in the merchant's wallet through a recharge (the only way it gets there). */
  const fund = async (merchantId: number, amount: number) => {
    const answer = await recharge({
      rechargeId: `fund-${merchantId}-${amount}-${Math.random()}`,
      merchantId,
      amount,
    });
    expect(answer.status).toBe(200);
  };

  describe('POST /internal/settlement-payouts', () => {
    it('debits the merchant’s available balance to SETTLEMENT_PAYOUT in one posting keyed stl_<code>', async () => {
      const merchant = freshMerchant();
      await adjust(app, merchant, '500.00');
      const payoutBefore = await balance('platform', 'SETTLEMENT_PAYOUT', 'PLATFORM');

      const answer = await payout({
        settlementCode: 'STL202511170001',
        merchantId: merchant,
        amount: 12_345,
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ postingId: expect.stringMatching(/^\d+$/), created: true });
      expect(await available(merchant)).toBe(50_000 - 12_345);
      expect(await balance('platform', 'SETTLEMENT_PAYOUT', 'PLATFORM')).toBe(payoutBefore + 12_345);
      const legs = await postingsByKey('stl_STL202511170001');
      expect(legs.map((l) => [l.owner_type, l.owner_id, l.purpose, Number(l.amount)])).toEqual([
        ['MERCHANT', String(merchant), 'MERCHANT_AVAILABLE', -12_345],
        ['PLATFORM', 'platform', 'SETTLEMENT_PAYOUT', 12_345],
      ]);
      expect(legs[0]).toMatchObject({
        id: answer.body.postingId,
        type: 12,
        description: '结算打款 STL202511170001',
        order_no: 'STL202511170001',
        actor: 'ops-alice',
      });
    });

    it('releases income frozen from earlier days first, as a withdrawal does', async () => {
      const merchant = freshMerchant();
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const paid = paidOrder(merchant, `STL-FROZEN-${merchant}`, 10_000, { paidAt: twoDaysAgo });
      await deliver(app, paid);
      expect(await available(merchant)).toBe(0);
      expect(await balance(merchant, 'MERCHANT_FROZEN')).toBe(paid.payload.merchantIncome);

      const answer = await payout({
        settlementCode: `STL-FROZEN-${merchant}`,
        merchantId: merchant,
        amount: 8_000,
      });

      expect(answer.status).toBe(200);
      expect(await balance(merchant, 'MERCHANT_FROZEN')).toBe(0);
      expect(await available(merchant)).toBe(paid.payload.merchantIncome - 8_000);
      expect(findingCount(await verifyLedger(app.orm.em.fork()))).toBe(0);
    });

    it('posts once for the same settlement code delivered many times at once', async () => {
      const merchant = freshMerchant();
      await adjust(app, merchant, '100.00');
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          payout({ settlementCode: 'STL-DUP', merchantId: merchant, amount: 6_000 }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(answers.filter((a) => a.body.created === true)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.body.postingId)).size).toBe(1);
      expect(await available(merchant)).toBe(4_000);
      // Later retries answer the same posting even though the balance could not pay it again.
      const retry = await payout({ settlementCode: 'STL-DUP', merchantId: merchant, amount: 6_000 });
      expect(retry).toEqual({ status: 200, body: { postingId: answers[0]!.body.postingId, created: false } });
      expect(await available(merchant)).toBe(4_000);
    });

    it('refuses a settlement code reused for another merchant or amount', async () => {
      const merchant = freshMerchant();
      await adjust(app, merchant, '100.00');
      expect(
        (await payout({ settlementCode: 'STL-REUSE', merchantId: merchant, amount: 1_000 })).status,
      ).toBe(200);
      const counts = await ledgerCounts(app);
      const other = await payout({ settlementCode: 'STL-REUSE', merchantId: merchant, amount: 2_000 });
      expect(other.status).toBe(400);
      expect(other.body.code).toBe('BAD_USER_INPUT');
      expect(
        (await payout({ settlementCode: 'STL-REUSE', merchantId: MERCHANT_B, amount: 1_000 })).status,
      ).toBe(400);
      expect(await ledgerCounts(app)).toEqual(counts);
      expect(await available(merchant)).toBe(9_000);
    });

    it('answers INSUFFICIENT_BALANCE (409) and posts nothing when the available balance is short', async () => {
      const merchant = freshMerchant();
      await adjust(app, merchant, '10.00');
      const counts = await ledgerCounts(app);
      const answer = await payout({ settlementCode: 'STL-SHORT', merchantId: merchant, amount: 1_001 });
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({ code: 'INSUFFICIENT_BALANCE', message: expect.any(String) });
      expect(await ledgerCounts(app)).toEqual(counts);
      expect(await postingsByKey('stl_STL-SHORT')).toEqual([]);
      expect(await available(merchant)).toBe(1_000);
      // The key stays free: once the money is there, the same settlement pays out.
      await adjust(app, merchant, '0.01');
      expect(
        (await payout({ settlementCode: 'STL-SHORT', merchantId: merchant, amount: 1_001 })).body.created,
      ).toBe(true);
      expect(await available(merchant)).toBe(0);
    });
  });

  describe('POST /internal/prepaid-wallet/recharges', () => {
    it('credits the wallet against BILLING_RECHARGE, keyed rcg_<id>, with the method in the text', async () => {
      const merchant = freshMerchant();
      const answer = await recharge({
        rechargeId: 'RCG-1',
        merchantId: merchant,
        amount: 20_000,
        method: 'ALIPAY',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ postingId: expect.stringMatching(/^\d+$/), created: true });
      expect(await wallet(merchant)).toBe(20_000);
      const legs = await postingsByKey('rcg_RCG-1');
      expect(legs.map((l) => [l.owner_type, l.purpose, Number(l.amount)])).toEqual([
        ['PLATFORM', 'BILLING_RECHARGE', -20_000],
        ['MERCHANT', 'MERCHANT_PREPAID_FEE', 20_000],
      ]);
      expect(legs[0]).toMatchObject({ type: 13, description: '支付宝自助充值 RCG-1', order_no: 'RCG-1' });
    });

    it('debits the wallet for a negative (API) amount, and refuses to take it below zero', async () => {
      const merchant = freshMerchant();
      await recharge({ rechargeId: 'RCG-NEG-0', merchantId: merchant, amount: 5_000 });
      const debit = await recharge({ rechargeId: 'RCG-NEG-1', merchantId: merchant, amount: -3_000 });
      expect(debit.status).toBe(200);
      expect(await wallet(merchant)).toBe(2_000);
      expect((await postingsByKey('rcg_RCG-NEG-1'))[0]!.description).toBe('API充值 RCG-NEG-1');

      const counts = await ledgerCounts(app);
      const short = await recharge({ rechargeId: 'RCG-NEG-2', merchantId: merchant, amount: -2_001 });
      expect(short.status).toBe(409);
      expect(short.body.code).toBe('INSUFFICIENT_BALANCE');
      expect(await ledgerCounts(app)).toEqual(counts);
      expect(await wallet(merchant)).toBe(2_000);
    });

    it('credits once for the same recharge id delivered many times at once', async () => {
      const merchant = freshMerchant();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          recharge({ rechargeId: 'RCG-DUP', merchantId: merchant, amount: 1_500, method: 'ALIPAY' }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(answers.filter((a) => a.body.created === true)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.body.postingId)).size).toBe(1);
      expect(await wallet(merchant)).toBe(1_500);
    });
  });

  describe('POST /internal/prepaid-wallet/collections', () => {
    it('collects the whole bill when the wallet covers it, into platform revenue, keyed bcl_<id>', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 10_000);
      const revenueBefore = await balance('platform', 'PLATFORM_REVENUE', 'PLATFORM');
      const answer = await collect({ collectionId: 'BCL-FULL', merchantId: merchant, maxAmount: 7_000 });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ collected: 7_000, postingId: expect.stringMatching(/^\d+$/) });
      expect(await wallet(merchant)).toBe(3_000);
      expect(await balance('platform', 'PLATFORM_REVENUE', 'PLATFORM')).toBe(revenueBefore + 7_000);
      const legs = await postingsByKey('bcl_BCL-FULL');
      expect(legs.map((l) => [l.purpose, Number(l.amount)])).toEqual([
        ['MERCHANT_PREPAID_FEE', -7_000],
        ['PLATFORM_REVENUE', 7_000],
      ]);
      expect(legs[0]).toMatchObject({ type: 14, description: '2025-11 账单收款', actor: 'system:billing' });
    });

    it('collects only what the wallet holds when the bill is larger', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 2_500);
      const answer = await collect({ collectionId: 'BCL-PART', merchantId: merchant, maxAmount: 9_000 });
      expect(answer.body).toMatchObject({ collected: 2_500 });
      expect(await wallet(merchant)).toBe(0);
    });

    it('posts nothing and answers 0 for an empty wallet or a merchant without one', async () => {
      const merchant = freshMerchant();
      const counts = await ledgerCounts(app);
      expect(
        (await collect({ collectionId: 'BCL-NONE', merchantId: merchant, maxAmount: 100 })).body,
      ).toEqual({
        collected: 0,
        postingId: null,
      });
      await fund(merchant, 300);
      await collect({ collectionId: 'BCL-EMPTY-0', merchantId: merchant, maxAmount: 300 });
      const afterDrain = await ledgerCounts(app);
      expect(afterDrain.postings).toBe(counts.postings + 2);
      expect(
        (await collect({ collectionId: 'BCL-EMPTY-1', merchantId: merchant, maxAmount: 100 })).body,
      ).toEqual({
        collected: 0,
        postingId: null,
      });
      expect(await ledgerCounts(app)).toEqual(afterDrain);
    });

    it('answers the amount first collected when a collection id comes again, even after a recharge', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 400);
      const first = await collect({ collectionId: 'BCL-AGAIN', merchantId: merchant, maxAmount: 1_000 });
      expect(first.body.collected).toBe(400);
      await fund(merchant, 5_000);
      const again = await collect({ collectionId: 'BCL-AGAIN', merchantId: merchant, maxAmount: 1_000 });
      expect(again.body).toEqual(first.body);
      expect(await wallet(merchant)).toBe(5_000);
    });

    it('collects once for the same collection id delivered many times at once', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 10_000);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          collect({ collectionId: 'BCL-DUP', merchantId: merchant, maxAmount: 3_000 }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(answers.map((a) => a.body.collected)).toEqual(Array(8).fill(3_000));
      expect(new Set(answers.map((a) => a.body.postingId)).size).toBe(1);
      expect(await wallet(merchant)).toBe(7_000);
      expect(await postingsByKey('bcl_BCL-DUP')).toHaveLength(2);
    });

    it('never overdraws the wallet with concurrent collections of different bills', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 10_000);
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          collect({ collectionId: `BCL-RACE-${i}`, merchantId: merchant, maxAmount: 1_500 }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      const collected = answers.map((a) => a.body.collected as number);
      // 10,000 fen cover six full bills and 1,000 of a seventh; the rest find the wallet empty.
      expect(collected.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(collected.filter((c) => c === 1_500)).toHaveLength(6);
      expect(collected.filter((c) => c === 1_000)).toHaveLength(1);
      expect(collected.filter((c) => c === 0)).toHaveLength(5);
      expect(answers.filter((a) => a.body.postingId === null)).toHaveLength(5);
      expect(await wallet(merchant)).toBe(0);
    });

    it('refuses a collection id reused for another merchant', async () => {
      const merchant = freshMerchant();
      await fund(merchant, 1_000);
      await collect({ collectionId: 'BCL-OTHER', merchantId: merchant, maxAmount: 100 });
      const other = freshMerchant();
      await fund(other, 1_000);
      const counts = await ledgerCounts(app);
      const answer = await collect({ collectionId: 'BCL-OTHER', merchantId: other, maxAmount: 100 });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('BAD_USER_INPUT');
      expect(await ledgerCounts(app)).toEqual(counts);
      expect(await wallet(other)).toBe(1_000);
    });
  });

  describe('callers and bodies', () => {
    it('refuses unsigned, badly signed and non-SYSTEM callers (401) and posts nothing', async () => {
      const merchant = freshMerchant();
      await adjust(app, merchant, '100.00');
      const counts = await ledgerCounts(app);
      const body = { settlementCode: 'STL-AUTH', merchantId: merchant, amount: 100, actor: 'x' };
      for (const path of [
        '/internal/settlement-payouts',
        '/internal/prepaid-wallet/recharges',
        '/internal/prepaid-wallet/collections',
      ]) {
        expect((await call(path, body, { actor: null })).status).toBe(401);
        expect((await call(path, body, { actor: ACTORS.operator })).status).toBe(401);
        expect((await call(path, body, { actor: ACTORS.merchant })).status).toBe(401);
      }
      const forged = await fetch(`${app.baseUrl}/internal/settlement-payouts`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader(ACTORS.system, 'not-the-internal-secret-0123456789'),
        },
        body: JSON.stringify(body),
      });
      expect(forged.status).toBe(401);
      expect(await ledgerCounts(app)).toEqual(counts);
    });

    it.each([
      ['/internal/settlement-payouts', { merchantId: MERCHANT_A, amount: 100, actor: 'x' }],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S1', merchantId: MERCHANT_A, amount: 0, actor: 'x' },
      ],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S1', merchantId: MERCHANT_A, amount: -5, actor: 'x' },
      ],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S1', merchantId: MERCHANT_A, amount: 1.5, actor: 'x' },
      ],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S1', merchantId: MERCHANT_A, amount: '100', actor: 'x' },
      ],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S 1', merchantId: MERCHANT_A, amount: 100, actor: 'x' },
      ],
      ['/internal/settlement-payouts', { settlementCode: 'S1', merchantId: 0, amount: 100, actor: 'x' }],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'S1', merchantId: MERCHANT_A, amount: 100, actor: '' },
      ],
      [
        '/internal/settlement-payouts',
        { settlementCode: 'x'.repeat(101), merchantId: 1, amount: 1, actor: 'x' },
      ],
      [
        '/internal/prepaid-wallet/recharges',
        { rechargeId: 'R1', merchantId: 1, amount: 0, method: 'API', actor: 'x' },
      ],
      [
        '/internal/prepaid-wallet/recharges',
        { rechargeId: 'R1', merchantId: 1, amount: 5, method: 'WECHAT', actor: 'x' },
      ],
      ['/internal/prepaid-wallet/recharges', { rechargeId: 'R1', merchantId: 1, amount: 5, actor: 'x' }],
      [
        '/internal/prepaid-wallet/collections',
        { collectionId: 'C1', merchantId: 1, maxAmount: 0, description: 'd', actor: 'x' },
      ],
      [
        '/internal/prepaid-wallet/collections',
        { collectionId: 'C1', merchantId: 1, maxAmount: 5, description: ' ', actor: 'x' },
      ],
      [
        '/internal/prepaid-wallet/collections',
        { collectionId: 'C1', merchantId: 1, maxAmount: 5, actor: 'x' },
      ],
      ['/internal/prepaid-wallet/collections', [1, 2, 3]],
    ])('answers 400 BAD_USER_INPUT for a bad body to %s (%j) and posts nothing', async (path, body) => {
      const counts = await ledgerCounts(app);
      const answer = await call(path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String) });
      expect(await ledgerCounts(app)).toEqual(counts);
    });

    it('answers 400 BAD_USER_INPUT for a body that is not JSON', async () => {
      const answer = await call('/internal/prepaid-wallet/recharges', null, { raw: '{"rechargeId": ' });
      expect(answer).toEqual({ status: 400, body: { code: 'BAD_USER_INPUT', message: expect.any(String) } });
    });
  });

  describe('Merchant.prepaidBalance', () => {
    const prepaid = async (ids: number[], actor: Actor = ACTORS.operator) =>
      app.gql<{ _entities: { id: number; prepaidBalance: string }[] }>(
        PREPAID,
        { representations: ids.map((id) => ({ __typename: 'Merchant', id })) },
        actor,
      );

    it('answers the wallet balance, 0.00 for a merchant without one', async () => {
      await recharge({ rechargeId: 'GQL-A', merchantId: MERCHANT_A, amount: 12_345 });
      await collect({ collectionId: 'GQL-A-BILL', merchantId: MERCHANT_A, maxAmount: 345 });
      const data = dataOf(await prepaid([MERCHANT_A, 9_999_999]));
      expect(data._entities).toEqual([
        { id: MERCHANT_A, prepaidBalance: '120.00' },
        { id: 9_999_999, prepaidBalance: '0.00' },
      ]);
    });

    it('lets a merchant see its own wallet only', async () => {
      expect(dataOf(await prepaid([MERCHANT_A], ACTORS.merchant))._entities[0]!.prepaidBalance).toBe(
        '120.00',
      );
      // Another merchant does not resolve at all for a MERCHANT caller: nothing of its wallet shows.
      await recharge({ rechargeId: 'GQL-B', merchantId: MERCHANT_B, amount: 700 });
      const other = await prepaid([MERCHANT_B], ACTORS.merchant);
      expect(errorCodes(other)).toEqual([]);
      expect(other.body.data).toEqual({ _entities: [null] });
      expect(dataOf(await prepaid([MERCHANT_B], ACTORS.otherMerchant))._entities[0]!.prepaidBalance).toBe(
        '7.00',
      );
    });

    it('loads the wallets of many merchants in a constant number of statements', async () => {
      const statementsFor = async (n: number) => {
        const ids = Array.from({ length: n }, (_, i) => (i === 0 ? MERCHANT_A : 6_000_000 + i));
        const before = sqlStatementCount();
        const data = dataOf(await prepaid(ids));
        expect(data._entities[0]!.prepaidBalance).toBe('120.00');
        return sqlStatementCount() - before;
      };
      expect(await statementsFor(20)).toBe(await statementsFor(2));
    });
  });

  it('leaves the ledger verification clean', async () => {
    const report = await verifyLedger(app.orm.em.fork());
    expect(report).toMatchObject({
      ok: true,
      trialBalance: 0,
      unbalancedPostings: [],
      balanceDrift: [],
      runningBalanceDrift: [],
      duplicateKeys: [],
      negativeBalances: [],
    });
    expect(report.postings).toBeGreaterThan(20);
  });
});

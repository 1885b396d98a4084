import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ACTOR_HEADER,
  dataOf,
  errorCodes,
  sqlStatementCount,
  verifyActorHeader,
  type Actor,
} from '@pay/common';
import { AccountPurpose } from '../../src/modules/account/account-purpose';
import { PostingType } from '../../src/modules/posting/posting-type';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import { deliver, expectError, MERCHANT_A, MERCHANT_B, paidOrder } from '../support/money-fixtures';
import {
  ADD_CARD,
  approvedCard,
  CANCEL,
  cardNumber,
  FREEZE,
  fund,
  legsOf,
  MARK_PAID,
  merchantFen,
  platformFen,
  REQUEST,
  WITHDRAWAL,
  WITHDRAWALS,
  withdrawalTableCounts,
  type BankCardView,
  type RequestView,
  type WithdrawalView,
} from '../support/withdrawal-fixtures';

/** Fee rule of these tests: 2.00 fixed + 0.5 % of the amount, at least 1.00 per withdrawal. */
const RULE = { feeFixed: 200, feeRatePpm: 5000, minAmount: 100 };
/** 100.00 withdrawn costs 100.00 + 2.00 + 0.50. */
const TOTAL_OF_100 = 10_250;

const merchantActor = (merchantId: number): Actor => ({
  sub: `merchant:${merchantId}`,
  role: 'MERCHANT',
  merchantId,
});

describe('withdrawals', () => {
  let app: LedgerTestApp;
  let nextMerchant = 3_000_000;

  beforeAll(async () => {
    app = await startLedgerTestApp({ withdrawal: RULE });
  });

  afterAll(async () => {
    await app.close();
  });

  /** A fresh merchant with an approved card and `fen` available. */
  async function merchantWith(fen: number): Promise<{ id: number; actor: Actor; card: BankCardView }> {
    nextMerchant += 1;
    const id = nextMerchant;
    const card = await approvedCard(app, id);
    if (fen > 0) await fund(app, id, fen);
    return { id, actor: merchantActor(id), card };
  }

  async function request(actor: Actor, input: Record<string, unknown>): Promise<RequestView> {
    return dataOf(await app.gql<{ requestWithdrawal: RequestView }>(REQUEST, { input }, actor))
      .requestWithdrawal;
  }

  describe('requesting', () => {
    it('debits amount + fee from available into pending and answers everything /sendmoney returns', async () => {
      const m = await merchantWith(50_000);
      await deliver(app, paidOrder(m.id, 'W-FROZEN-1', 10_000)); // 88.50 of today's income stays frozen
      const result = await request(m.actor, { amount: '100.00' });
      expect(result).toMatchObject({
        balanceAfter: '397.50',
        pendingWithdrawal: '102.50',
        frozenToday: '88.50',
        fee: '2.50',
      });
      const w = result.withdrawal;
      expect(w.withdrawNo).toMatch(/^qzf\d{13}\d{3}$/);
      expect(w).toMatchObject({
        merchantId: m.id,
        amount: '100.00',
        fee: '2.50',
        status: 'APPLIED',
        statusCode: 0,
        statusName: 'pending',
        agentPayStatus: 'NOT_SUBMITTED',
        agentPayStatusCode: 0,
        agentPayStatusName: 'not_submitted',
        notifyStatus: 'PENDING',
        notifyStatusCode: 0,
        notifyStatusName: 'pending',
        bankCardId: m.card.id,
        accountName: 'jl888',
        maskedAccountNumber: m.card.maskedNumber,
        bankName: '中国建设银行',
        branch: '深圳福田支行',
        province: '广东省',
        city: '深圳市',
        unionpayCode: '105584000017',
        extend: [],
        notifyLogs: [],
        upstreamRecords: [],
      });
      expect(w.maskedAccountNumber).toMatch(/^\d{6}\*{6}\d{4}$/);
      expect(JSON.stringify(result)).not.toContain(cardNumber(m.id));
      expect(w.logs).toEqual([
        expect.objectContaining({
          fromStatus: null,
          toStatus: 'APPLIED',
          actor: `merchant:${m.id}`,
          note: null,
        }),
      ]);
      expect(await merchantFen(app, m.id)).toEqual({ available: 39_750, frozen: 8_850, pending: 10_250 });
      expect(await legsOf(app, `withdraw:${w.withdrawNo}`)).toEqual([
        {
          type: PostingType.WITHDRAWAL,
          ownerId: String(m.id),
          purpose: 'MERCHANT_AVAILABLE',
          amount: -10_250,
        },
        {
          type: PostingType.WITHDRAWAL,
          ownerId: String(m.id),
          purpose: 'MERCHANT_PENDING_WITHDRAWAL',
          amount: 10_250,
        },
      ]);
    });

    it('applies the fee rule: fixed part plus the rate, rounded once half-up', async () => {
      const m = await merchantWith(100_000);
      // 1.01 × 0.5 % = 0.00505 → 0.01; 333.33 × 0.5 % = 1.66665 → 1.67
      expect((await request(m.actor, { amount: '1.01' })).fee).toBe('2.01');
      expect((await request(m.actor, { amount: '333.33' })).fee).toBe('3.67');
      expect((await merchantFen(app, m.id)).available).toBe(100_000 - (101 + 201) - (33_333 + 367));
    });

    it('uses the named approved card, or the first approved one', async () => {
      const m = await merchantWith(100_000);
      const second = await approvedCard(app, m.id, {
        accountNumber: cardNumber(m.id, 2),
        bankName: '招商银行',
      });
      // A newer unapproved card is never picked.
      await app.gql(
        ADD_CARD,
        { input: { accountName: 'x', accountNumber: cardNumber(m.id, 3), bankName: 'y' } },
        m.actor,
      );
      const first = (await request(m.actor, { amount: '10.00' })).withdrawal;
      expect(first.bankCardId).toBe(m.card.id);
      const named = (await request(m.actor, { amount: '10.00', bankCardId: second.id })).withdrawal;
      expect(named).toMatchObject({
        bankCardId: second.id,
        bankName: '招商银行',
        maskedAccountNumber: second.maskedNumber,
      });
    });

    it('lets an operator request for a named merchant; refuses analysts', async () => {
      const m = await merchantWith(10_000);
      const w = (await request(ACTORS.operator, { merchantId: m.id, amount: '10.00' })).withdrawal;
      expect(w.logs[0]!.actor).toBe(ACTORS.operator.sub);
      expectError(
        await app.gql(REQUEST, { input: { merchantId: m.id, amount: '1.00' } }, ACTORS.analyst),
        'FORBIDDEN',
      );
      expectError(await app.gql(REQUEST, { input: { amount: '1.00' } }, ACTORS.operator), 'BAD_USER_INPUT');
    });

    it('withdraws only available money: frozen income does not count', async () => {
      const m = await merchantWith(1_000);
      await deliver(app, paidOrder(m.id, 'W-FROZEN-2', 100_000));
      const before = await withdrawalTableCounts(app);
      const result = await app.gql(REQUEST, { input: { amount: '10.00' } }, m.actor);
      expectError(result, 'INSUFFICIENT_BALANCE');
      expect(result.body.errors![0]!.message).toBe('余额不足');
      expect(await withdrawalTableCounts(app)).toEqual(before);
      expect(await merchantFen(app, m.id)).toEqual({ available: 1_000, frozen: 88_500, pending: 0 });
      // Exactly what is available (amount + fee) passes and leaves zero.
      expect((await request(m.actor, { amount: '7.96' })).balanceAfter).toBe('0.00'); // 7.96 + 2.04
    });
  });

  describe('a retried request (the same requestId)', () => {
    it('returns the first withdrawal and debits once, even when the retries arrive at once', async () => {
      const m = await merchantWith(100_000);
      const first = await request(m.actor, { amount: '100.00', requestId: 'retry-1' });
      const again = await request(m.actor, { amount: '100.00', requestId: 'retry-1' });
      expect(again.withdrawal.id).toBe(first.withdrawal.id);
      expect(again.balanceAfter).toBe(first.balanceAfter);
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => request(m.actor, { amount: '50.00', requestId: 'retry-2' })),
      );
      expect(new Set(burst.map((b) => b.withdrawal.id)).size).toBe(1);
      const fen = await merchantFen(app, m.id);
      const charged = 100_000 - fen.available;
      expect(fen.pending).toBe(charged);
      // Exactly two withdrawals were charged (100.00 and 50.00, each with its fee).
      expect(charged).toBe(
        Number(first.withdrawal.amount.replace('.', '')) +
          Number(first.withdrawal.fee.replace('.', '')) +
          Number(burst[0]!.withdrawal.amount.replace('.', '')) +
          Number(burst[0]!.withdrawal.fee.replace('.', '')),
      );
    });

    it('refuses the same key for another amount, changing nothing', async () => {
      const m = await merchantWith(100_000);
      await request(m.actor, { amount: '10.00', requestId: 'retry-3' });
      const before = await merchantFen(app, m.id);
      expectError(
        await app.gql(REQUEST, { input: { amount: '11.00', requestId: 'retry-3' } }, m.actor),
        'BAD_USER_INPUT',
      );
      expect(await merchantFen(app, m.id)).toEqual(before);
    });
  });

  describe('income from before today', () => {
    it('is released at the request when the nightly release has not run, and may be withdrawn', async () => {
      const m = await merchantWith(0);
      const yesterday = paidOrder(m.id, 'W-OLD-1', 100_000);
      await deliver(app, {
        ...yesterday,
        payload: { ...yesterday.payload, paidAt: new Date(Date.now() - 36 * 3600_000).toISOString() },
      });
      await deliver(app, paidOrder(m.id, 'W-NEW-1', 10_000)); // today's 88.50 stays frozen
      expect(await merchantFen(app, m.id)).toEqual({ available: 0, frozen: 88_500 + 8_850, pending: 0 });
      const result = await request(m.actor, { amount: '500.00' });
      expect(result.frozenToday).toBe('88.50');
      expect(await merchantFen(app, m.id)).toMatchObject({ frozen: 8_850 });
    });
  });

  describe('bad input is refused with a typed error and changes nothing', () => {
    let m: { id: number; actor: Actor; card: BankCardView };
    let otherCard: BankCardView;
    let unapproved: BankCardView;

    beforeAll(async () => {
      m = await merchantWith(1_000_000);
      otherCard = await approvedCard(app, MERCHANT_B);
      unapproved = dataOf(
        await app.gql<{ addBankCard: BankCardView }>(
          ADD_CARD,
          { input: { accountName: 'n', accountNumber: cardNumber(m.id, 4), bankName: 'b' } },
          m.actor,
        ),
      ).addBankCard;
    });

    async function expectRefused(input: Record<string, unknown>, code: string, actor: Actor = m.actor) {
      const before = await withdrawalTableCounts(app);
      const balances = await merchantFen(app, m.id);
      const result = await app.gql(REQUEST, { input }, actor);
      expectError(result, code);
      expect(JSON.stringify(result.body)).not.toMatch(/stack|select |insert /i);
      expect(await withdrawalTableCounts(app)).toEqual(before);
      expect(await merchantFen(app, m.id)).toEqual(balances);
      return result;
    }

    it.each([
      '0',
      '0.00',
      '-1',
      '-0.01',
      '1.234',
      '0.001',
      'abc',
      '',
      ' ',
      '1e5',
      '1,000.00',
      'NaN',
      'Infinity',
      '0x10',
      '0.99',
      '10000000.01',
      '99999999999.99',
      '100000000000.00',
      '1000000000000000000000',
    ])('amount %p → INVALID_AMOUNT', async (amount) => {
      await expectRefused({ amount }, 'INVALID_AMOUNT');
    });

    it('shows the legacy message for a malformed amount', async () => {
      const result = await expectRefused({ amount: 'abc' }, 'INVALID_AMOUNT');
      expect(result.body.errors![0]!.extensions!.details).toEqual({ argument: 'amount' });
    });

    it('refuses a non-string amount at the GraphQL layer', async () => {
      await expectRefused({ amount: 100 }, 'BAD_USER_INPUT');
      await expectRefused({ amount: null }, 'BAD_USER_INPUT');
    });

    it('refuses an amount over the balance with INSUFFICIENT_BALANCE', async () => {
      await expectRefused({ amount: '9990.00' }, 'INSUFFICIENT_BALANCE'); // + 51.95 fee > 10000.00
    });

    it('accepts the largest amount in format but not in balance', async () => {
      await expectRefused({ amount: '10000000.00' }, 'INSUFFICIENT_BALANCE');
    });

    it.each<[string, string, () => string]>([
      ['an unknown card', 'NOT_FOUND', () => '987654321'],
      ["someone else's card", 'NOT_FOUND', () => otherCard.id],
      ['an unapproved card', 'NO_BANK_CARD', () => unapproved.id],
      ['a non-numeric card id', 'BAD_USER_INPUT', () => 'abc'],
      ['a zero card id', 'BAD_USER_INPUT', () => '0'],
    ])('%s → %s', async (_what, code, bankCardId) => {
      await expectRefused({ amount: '10.00', bankCardId: bankCardId() }, code);
    });

    it('refuses a merchant without an approved card with NO_BANK_CARD (未绑定银行卡)', async () => {
      nextMerchant += 1;
      const bare = merchantActor(nextMerchant);
      await fund(app, nextMerchant, 10_000);
      const result = await app.gql(REQUEST, { input: { amount: '10.00' } }, bare);
      expectError(result, 'NO_BANK_CARD');
    });

    it('refuses a merchant naming another merchant', async () => {
      await expectRefused({ merchantId: MERCHANT_B, amount: '10.00' }, 'FORBIDDEN');
    });
  });

  describe('operator decisions', () => {
    async function applied(fen = 20_000): Promise<{ m: { id: number; actor: Actor }; w: WithdrawalView }> {
      const m = await merchantWith(fen);
      const w = (await request(m.actor, { amount: '100.00' })).withdrawal;
      return { m, w };
    }

    it('pays out: pending → payout account (amount) and platform revenue (fee), logged with the note', async () => {
      const { m, w } = await applied();
      const payoutBefore = await platformFen(app, AccountPurpose.WITHDRAWAL_PAYOUT);
      const revenueBefore = await platformFen(app, AccountPurpose.PLATFORM_REVENUE);
      const paid = dataOf(
        await app.gql<{ markWithdrawalPaid: WithdrawalView }>(MARK_PAID, {
          input: { withdrawNo: w.withdrawNo, note: 'bank ref 123' },
        }),
      ).markWithdrawalPaid;
      expect(paid).toMatchObject({ status: 'PAID', statusCode: 1, statusName: 'paid' });
      expect(paid.logs.map((l) => [l.fromStatus, l.toStatus, l.actor, l.note])).toEqual([
        [null, 'APPLIED', `merchant:${m.id}`, null],
        ['APPLIED', 'PAID', ACTORS.operator.sub, 'bank ref 123'],
      ]);
      expect(await merchantFen(app, m.id)).toEqual({
        available: 20_000 - TOTAL_OF_100,
        frozen: 0,
        pending: 0,
      });
      expect((await platformFen(app, AccountPurpose.WITHDRAWAL_PAYOUT)) - payoutBefore).toBe(10_000);
      expect((await platformFen(app, AccountPurpose.PLATFORM_REVENUE)) - revenueBefore).toBe(250);
      const legs = await legsOf(app, `withdraw:${w.withdrawNo}:paid`);
      expect(legs.map((l) => [l.purpose, l.amount])).toEqual([
        ['MERCHANT_PENDING_WITHDRAWAL', -TOTAL_OF_100],
        ['PLATFORM_REVENUE', 250],
        ['WITHDRAWAL_PAYOUT', 10_000],
      ]);
      expect(legs[0]!.type).toBe(PostingType.WITHDRAWAL_PAYOUT);
    });

    it('cancels an applied withdrawal: amount + fee back to available', async () => {
      const { m, w } = await applied();
      const cancelled = dataOf(
        await app.gql<{ cancelWithdrawal: WithdrawalView }>(CANCEL, {
          input: { id: w.id, note: 'wrong card' },
        }),
      ).cancelWithdrawal;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', statusCode: 3, statusName: 'cancelled' });
      expect(await merchantFen(app, m.id)).toEqual({ available: 20_000, frozen: 0, pending: 0 });
      const legs = await legsOf(app, `withdraw:${w.withdrawNo}:cancel`);
      expect(legs.map((l) => [l.type, l.purpose, l.amount])).toEqual([
        [PostingType.WITHDRAWAL_RETURN, 'MERCHANT_AVAILABLE', TOTAL_OF_100],
        [PostingType.WITHDRAWAL_RETURN, 'MERCHANT_PENDING_WITHDRAWAL', -TOTAL_OF_100],
      ]);
    });

    it('freezes without moving money, then cancels or pays from frozen', async () => {
      const a = await applied();
      const frozen = dataOf(
        await app.gql<{ freezeWithdrawal: WithdrawalView }>(FREEZE, {
          input: { id: a.w.id, note: 'risk review' },
        }),
      ).freezeWithdrawal;
      expect(frozen).toMatchObject({ status: 'FROZEN', statusCode: 2, statusName: 'frozen' });
      expect(await merchantFen(app, a.m.id)).toEqual({
        available: 20_000 - TOTAL_OF_100,
        frozen: 0,
        pending: TOTAL_OF_100,
      });
      dataOf(await app.gql(CANCEL, { input: { id: a.w.id } }));
      expect(await merchantFen(app, a.m.id)).toEqual({ available: 20_000, frozen: 0, pending: 0 });

      const b = await applied();
      dataOf(await app.gql(FREEZE, { input: { id: b.w.id } }));
      const paid = dataOf(
        await app.gql<{ markWithdrawalPaid: WithdrawalView }>(MARK_PAID, { input: { id: b.w.id } }),
      ).markWithdrawalPaid;
      expect(paid.logs.map((l) => l.toStatus)).toEqual(['APPLIED', 'FROZEN', 'PAID']);
      expect(await merchantFen(app, b.m.id)).toEqual({
        available: 20_000 - TOTAL_OF_100,
        frozen: 0,
        pending: 0,
      });
    });

    it.each([
      ['paid', MARK_PAID, [CANCEL, FREEZE, MARK_PAID]],
      ['cancelled', CANCEL, [CANCEL, FREEZE, MARK_PAID]],
      ['frozen', FREEZE, [FREEZE]],
    ])(
      'refuses illegal moves from %s with ILLEGAL_TRANSITION, changing nothing',
      async (_from, first, illegal) => {
        const { m, w } = await applied();
        dataOf(await app.gql(first, { input: { id: w.id } }));
        for (const mutation of illegal) {
          const before = await withdrawalTableCounts(app);
          const balances = await merchantFen(app, m.id);
          expectError(await app.gql(mutation, { input: { id: w.id } }), 'ILLEGAL_TRANSITION');
          expect(await withdrawalTableCounts(app)).toEqual(before);
          expect(await merchantFen(app, m.id)).toEqual(balances);
        }
      },
    );

    it('lets only operators decide', async () => {
      const { m, w } = await applied();
      for (const actor of [m.actor, ACTORS.analyst]) {
        for (const mutation of [MARK_PAID, FREEZE, CANCEL]) {
          expectError(await app.gql(mutation, { input: { id: w.id } }, actor), 'FORBIDDEN');
        }
      }
      expect((await merchantFen(app, m.id)).pending).toBe(TOTAL_OF_100);
    });

    it.each([
      [{ id: '987654321' }, 'NOT_FOUND'],
      [{ withdrawNo: 'qzf0000000000000000' }, 'NOT_FOUND'],
      [{ id: 'x1' }, 'BAD_USER_INPUT'],
      [{}, 'BAD_USER_INPUT'],
    ])('refuses %p with %s', async (input, code) => {
      const before = await withdrawalTableCounts(app);
      expectError(await app.gql(MARK_PAID, { input }), code);
      expect(await withdrawalTableCounts(app)).toEqual(before);
    });

    it('pays a withdrawal once when two operators race', async () => {
      const { m, w } = await applied();
      const results = await Promise.all([
        app.gql(MARK_PAID, { input: { id: w.id } }),
        app.gql(MARK_PAID, { input: { id: w.id } }),
        app.gql(CANCEL, { input: { id: w.id } }),
      ]);
      const codes = results.map((r) => errorCodes(r)[0] ?? 'OK').sort();
      expect(codes).toEqual(['ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION', 'OK']);
      const logs = dataOf(await app.gql<{ withdrawal: WithdrawalView }>(WITHDRAWAL, { id: w.id })).withdrawal
        .logs;
      expect(logs).toHaveLength(2);
      expect((await merchantFen(app, m.id)).pending).toBe(0);
    });
  });

  describe('listing and detail', () => {
    let m: { id: number; actor: Actor; card: BankCardView };
    let ws: WithdrawalView[];

    beforeAll(async () => {
      m = await merchantWith(1_000_000);
      ws = [];
      for (let i = 0; i < 5; i += 1) ws.push((await request(m.actor, { amount: `${10 + i}.00` })).withdrawal);
      dataOf(await app.gql(MARK_PAID, { input: { id: ws[0]!.id } }));
      dataOf(await app.gql(FREEZE, { input: { id: ws[1]!.id } }));
      dataOf(await app.gql(CANCEL, { input: { id: ws[2]!.id } }));
      // Spread them over time: the first two were requested last week.
      const conn = app.orm.em.fork().getConnection();
      await conn.execute(`update withdrawal set created_at = now() - interval '7 days' where id in (?, ?)`, [
        ws[0]!.id,
        ws[1]!.id,
      ]);
    });

    type Page = {
      totalCount: number;
      totalPages: number;
      page: number;
      pageSize: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { id: string; withdrawNo: string; statusCode: number; createdAt: string }[];
    };
    const list = async (variables: Record<string, unknown>, actor: Actor = m.actor) =>
      dataOf(await app.gql<{ withdrawals: Page }>(WITHDRAWALS, variables, actor)).withdrawals;

    it('lists newest first with totals', async () => {
      const page = await list({});
      expect(page.totalCount).toBe(5);
      expect(page.nodes.map((n) => n.withdrawNo)).toEqual(
        [ws[4], ws[3], ws[2], ws[1], ws[0]].map((w) => w!.withdrawNo),
      );
    });

    it.each([
      [0, 2],
      [1, 1],
      [2, 1],
      [3, 1],
    ])('filters by legacy status %p', async (statusCode, count) => {
      const page = await list({ statusCode });
      expect(page.totalCount).toBe(count);
      expect(page.nodes.every((n) => n.statusCode === statusCode)).toBe(true);
    });

    it('filters by lifecycle status and refuses contradictions or unknown codes', async () => {
      expect((await list({ status: 'FROZEN' })).nodes.map((n) => n.id)).toEqual([ws[1]!.id]);
      expect((await list({ status: 'FROZEN', statusCode: 2 })).totalCount).toBe(1);
      expectError(await app.gql(WITHDRAWALS, { status: 'PAID', statusCode: 0 }, m.actor), 'BAD_USER_INPUT');
      expectError(await app.gql(WITHDRAWALS, { statusCode: 4 }, m.actor), 'BAD_USER_INPUT');
    });

    it('filters by time range (inclusive)', async () => {
      const dayAgo = new Date(Date.now() - 24 * 3600_000).toISOString();
      expect((await list({ startTime: dayAgo })).totalCount).toBe(3);
      expect((await list({ endTime: dayAgo })).nodes.map((n) => n.id).sort()).toEqual(
        [ws[0]!.id, ws[1]!.id].sort(),
      );
      const recent = (await list({ startTime: dayAgo })).nodes;
      expect(
        (await list({ startTime: recent[2]!.createdAt, endTime: recent[2]!.createdAt })).totalCount,
      ).toBe(1);
      expectError(
        await app.gql(WITHDRAWALS, { startTime: new Date().toISOString(), endTime: dayAgo }, m.actor),
        'BAD_USER_INPUT',
      );
    });

    it('pages by page/pageSize and by cursor, at most 100 a page', async () => {
      const second = await list({ page: 2, pageSize: 2 });
      expect(second).toMatchObject({ totalCount: 5, totalPages: 3, page: 2, pageSize: 2 });
      expect(second.nodes.map((n) => n.id)).toEqual([ws[2]!.id, ws[1]!.id]);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await list({ first: 2, after });
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(seen).toEqual([ws[4], ws[3], ws[2], ws[1], ws[0]].map((w) => w!.id));
      expect((await list({ pageSize: 100 })).totalCount).toBe(5);
      expectError(await app.gql(WITHDRAWALS, { pageSize: 101 }, m.actor), 'BAD_USER_INPUT');
      expectError(await app.gql(WITHDRAWALS, { page: 0 }, m.actor), 'BAD_USER_INPUT');
    });

    it('continues by keyset: a withdrawal arriving between pages repeats nothing; count only when asked', async () => {
      const k = await merchantWith(1_000_000);
      const own: string[] = [];
      for (let i = 0; i < 4; i += 1)
        own.push((await request(k.actor, { amount: `${20 + i}.00` })).withdrawal.id);
      const first = await list({ first: 2 }, k.actor);
      expect(first.nodes.map((n) => n.id)).toEqual([own[3], own[2]]);
      await request(k.actor, { amount: '30.00' });
      const second = await list({ first: 2, after: first.pageInfo.endCursor }, k.actor);
      // An offset cursor would have shifted by the newcomer and repeated own[2].
      expect(second.nodes.map((n) => n.id)).toEqual([own[1], own[0]]);
      expect(second.pageInfo.hasNextPage).toBe(false);

      const SLIM = `query { withdrawals(first: 2) { nodes { id } } }`;
      const statementsOf = async (query: string) => {
        let fewest = Infinity;
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const before = sqlStatementCount();
          dataOf(await app.gql(query, {}, k.actor));
          fewest = Math.min(fewest, sqlStatementCount() - before);
        }
        return fewest;
      };
      expect(await statementsOf(SLIM.replace('nodes {', 'totalCount nodes {'))).toBe(
        (await statementsOf(SLIM)) + 1,
      );
    });

    it("keeps merchants apart: another merchant sees none of them and can't name this one", async () => {
      expect((await list({}, ACTORS.otherMerchant)).nodes.map((n) => n.id)).not.toContain(ws[0]!.id);
      expectError(await app.gql(WITHDRAWALS, { merchantId: m.id }, ACTORS.otherMerchant), 'FORBIDDEN');
      expect(dataOf(await app.gql(WITHDRAWAL, { id: ws[0]!.id }, ACTORS.otherMerchant))).toEqual({
        withdrawal: null,
      });
      expect(
        dataOf(await app.gql(WITHDRAWAL, { withdrawNo: ws[0]!.withdrawNo }, ACTORS.otherMerchant)),
      ).toEqual({ withdrawal: null });
      // Platform roles see every merchant's, or one merchant's.
      expect((await list({ merchantId: m.id }, ACTORS.analyst)).totalCount).toBe(5);
      expect((await list({}, ACTORS.operator)).totalCount).toBeGreaterThan(5);
    });

    it('finds one by withdraw number or id, with its logs', async () => {
      const byNo = dataOf(
        await app.gql<{ withdrawal: WithdrawalView }>(WITHDRAWAL, { withdrawNo: ws[2]!.withdrawNo }, m.actor),
      ).withdrawal;
      const byId = dataOf(
        await app.gql<{ withdrawal: WithdrawalView }>(WITHDRAWAL, { id: ws[2]!.id }, m.actor),
      ).withdrawal;
      expect(byNo).toEqual(byId);
      expect(byNo).toMatchObject({ status: 'CANCELLED', notifyLogs: [], upstreamRecords: [] });
      expect(byNo.logs.map((l) => [l.fromStatus, l.toStatus, l.actor])).toEqual([
        [null, 'APPLIED', `merchant:${m.id}`],
        ['APPLIED', 'CANCELLED', 'platform'],
      ]);
      // Platform roles see who acted.
      const asOperator = dataOf(
        await app.gql<{ withdrawal: WithdrawalView }>(WITHDRAWAL, { id: ws[2]!.id }),
      ).withdrawal;
      expect(asOperator.logs[1]!.actor).toBe(ACTORS.operator.sub);
      expect(dataOf(await app.gql(WITHDRAWAL, { withdrawNo: 'qzf1' }, m.actor))).toEqual({
        withdrawal: null,
      });
      expectError(await app.gql(WITHDRAWAL, {}, m.actor), 'BAD_USER_INPUT');
      expectError(await app.gql(WITHDRAWAL, { id: 'abc' }, m.actor), 'BAD_USER_INPUT');
    });

    it('resolves Withdrawal and Merchant.withdrawals through federation, batched', async () => {
      const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Withdrawal { withdrawNo logs { toStatus } }
        ... on Merchant { id withdrawals(pageSize: 2, statusCode: 0) { totalCount nodes { withdrawNo logs { toStatus } } }
          bankCards { maskedNumber } }
      } }`;
      const representations = [
        { __typename: 'Withdrawal', id: ws[0]!.id },
        { __typename: 'Withdrawal', id: ws[1]!.id },
        { __typename: 'Merchant', id: m.id },
        { __typename: 'Merchant', id: MERCHANT_A },
      ];
      const before = sqlStatementCount();
      const data = dataOf(await app.gql<{ _entities: unknown[] }>(ENTITIES, { r: representations }));
      const statements = sqlStatementCount() - before;
      expect(data._entities).toEqual([
        { withdrawNo: ws[0]!.withdrawNo, logs: [{ toStatus: 'APPLIED' }, { toStatus: 'PAID' }] },
        { withdrawNo: ws[1]!.withdrawNo, logs: [{ toStatus: 'APPLIED' }, { toStatus: 'FROZEN' }] },
        {
          id: m.id,
          withdrawals: {
            totalCount: 2,
            nodes: [ws[4], ws[3]].map((w) => ({
              withdrawNo: w!.withdrawNo,
              logs: [{ toStatus: 'APPLIED' }],
            })),
          },
          bankCards: [{ maskedNumber: m.card.maskedNumber }],
        },
        { id: MERCHANT_A, withdrawals: { totalCount: 0, nodes: [] }, bankCards: [] },
      ]);
      // withdrawals by id, their logs, the merchants' pages, their cards: a fixed number of queries.
      expect(statements).toBeLessThanOrEqual(5);
      // A merchant resolves only its own withdrawals.
      const mine = await app.gql<{ _entities: unknown[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Withdrawal { withdrawNo } } }`,
        { r: [{ __typename: 'Withdrawal', id: ws[0]!.id }] },
        ACTORS.otherMerchant,
      );
      expect(mine.body.data).toEqual({ _entities: [null] });
    });

    it('continues Merchant.withdrawals after a keyset cursor: every withdrawal once, newest first', async () => {
      const PAGE = `query ($r: [_Any!]!, $after: String) { _entities(representations: $r) {
        ... on Merchant { withdrawals(first: 2, after: $after) {
          pageInfo { hasNextPage hasPreviousPage endCursor } nodes { withdrawNo } } } } }`;
      type Page = {
        _entities: {
          withdrawals: {
            pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
            nodes: { withdrawNo: string }[];
          };
        }[];
      };
      const all = dataOf(
        await app.gql<{ withdrawals: { nodes: { withdrawNo: string }[] } }>(
          `query ($m: Int) { withdrawals(merchantId: $m, first: 100) { nodes { withdrawNo } } }`,
          { m: m.id },
        ),
      ).withdrawals.nodes.map((n) => n.withdrawNo);
      expect(all.length).toBeGreaterThan(2);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const data: Page = dataOf(
          await app.gql<Page>(PAGE, { r: [{ __typename: 'Merchant', id: m.id }], after }),
        );
        const page = data._entities[0]!.withdrawals;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.nodes.map((n) => n.withdrawNo));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        // Keyset cursors (k:<ms>:<id>), not offsets.
        expect(Buffer.from(after!, 'base64url').toString('utf8')).toMatch(/^k:\d+:\d+$/);
      }
      expect(seen).toEqual(all);
    });
  });

  describe('under concurrency', () => {
    it('50 parallel withdrawals at a balance that covers exactly 10: 10 succeed, the balance ends at 0, never below', async () => {
      const m = await merchantWith(10 * TOTAL_OF_100);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => app.gql(REQUEST, { input: { amount: '100.00' } }, m.actor)),
      );
      const codes = results.map((r) => errorCodes(r)[0] ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
      expect(codes.filter((c) => c !== 'OK')).toEqual(Array(40).fill('INSUFFICIENT_BALANCE'));
      expect(await merchantFen(app, m.id)).toEqual({ available: 0, frozen: 0, pending: 10 * TOTAL_OF_100 });
      const conn = app.orm.em.fork().getConnection();
      const [counts] = (await conn.execute(
        `select (select count(*)::int from withdrawal where merchant_id = ?) as withdrawals,
                (select count(distinct withdraw_no)::int from withdrawal where merchant_id = ?) as numbers,
                (select min(l.balance_after)::bigint from leg l join account a on a.id = l.account_id
                  where a.owner_id = ? and a.purpose = 'MERCHANT_AVAILABLE') as lowest`,
        [m.id, m.id, String(m.id)],
      )) as { withdrawals: number; numbers: number; lowest: string }[];
      expect(counts).toEqual({ withdrawals: 10, numbers: 10, lowest: '0' });
    });
  });

  describe('two-factor codes (checked by the orders service)', () => {
    let totpApp: LedgerTestApp;
    let orders: Server;
    const asked: { merchantId: string; code: string; actor: Actor | null }[] = [];
    let answer: 'normal' | 'down' = 'normal';
    const TWO_FACTOR = 4_000_001;
    const PLAIN = 4_000_002;

    beforeAll(async () => {
      // Stands in for the orders service's internal endpoint (the e2e test uses the real one).
      orders = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          const actor = verifyActorHeader(
            req.headers[ACTOR_HEADER] as string,
            totpApp.config.auth.internalSecret,
          );
          const match = /^\/internal\/merchants\/(\d+)\/verify-totp$/.exec(req.url ?? '');
          const { code } = JSON.parse(body || '{}') as { code: string };
          asked.push({ merchantId: match?.[1] ?? '', code, actor });
          const reply = (status: number, json: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(json));
          };
          if (answer === 'down') return reply(500, { code: 'INTERNAL_SERVER_ERROR' });
          if (actor?.role !== 'SYSTEM' || !match) return reply(401, { code: 'UNAUTHENTICATED' });
          if (Number(match[1]) === TWO_FACTOR)
            return reply(200, { required: true, valid: code === '123456' });
          if (Number(match[1]) === PLAIN) return reply(200, { required: false, valid: false });
          return reply(404, { code: 'NOT_FOUND' });
        });
      });
      await new Promise<void>((resolve) => orders.listen(0, '127.0.0.1', resolve));
      const { port } = orders.address() as AddressInfo;
      totpApp = await startLedgerTestApp({ withdrawal: RULE, ordersUrl: `http://127.0.0.1:${port}/` });
      for (const id of [TWO_FACTOR, PLAIN, 4_000_003]) {
        await approvedCard(totpApp, id);
        await fund(totpApp, id, 100_000);
      }
    });

    afterAll(async () => {
      await totpApp.close();
      await new Promise<void>((resolve) => orders.close(() => resolve()));
    });

    const requestOn = (merchantId: number, input: Record<string, unknown>) =>
      totpApp.gql<{ requestWithdrawal: RequestView }>(REQUEST, { input }, merchantActor(merchantId));

    it.each([
      ['no code', {}, 'a two-factor code is required'],
      ['a wrong code', { totpCode: '654321' }, 'the two-factor code is wrong, expired or already used'],
      ['an empty code', { totpCode: '' }, 'a two-factor code is required'],
    ])('refuses %s with TOTP_INVALID and changes nothing', async (_what, extra, message) => {
      const before = await withdrawalTableCounts(totpApp);
      const result = await requestOn(TWO_FACTOR, { amount: '10.00', ...extra });
      expectError(result, 'TOTP_INVALID');
      expect(result.body.errors![0]!.message).toBe(message);
      expect(await withdrawalTableCounts(totpApp)).toEqual(before);
      expect((await merchantFen(totpApp, TWO_FACTOR)).available).toBe(100_000);
    });

    it('accepts the right code, asking as a signed SYSTEM actor', async () => {
      asked.length = 0;
      const result = dataOf(
        await requestOn(TWO_FACTOR, { amount: '10.00', totpCode: ' 123456 ' }),
      ).requestWithdrawal;
      expect(result.withdrawal.statusCode).toBe(0);
      expect(asked).toEqual([
        {
          merchantId: String(TWO_FACTOR),
          code: '123456',
          actor: expect.objectContaining({ role: 'SYSTEM' }),
        },
      ]);
    });

    it('needs no code from a merchant without two-factor', async () => {
      expect(dataOf(await requestOn(PLAIN, { amount: '10.00' })).requestWithdrawal.fee).toBe('2.05');
    });

    it('checks the code only after the amount and the card', async () => {
      asked.length = 0;
      expectError(await requestOn(TWO_FACTOR, { amount: 'abc', totpCode: '123456' }), 'INVALID_AMOUNT');
      expectError(
        await requestOn(TWO_FACTOR, { amount: '1.00', bankCardId: '987654321', totpCode: '123456' }),
        'NOT_FOUND',
      );
      // A code is used up when checked: none was sent to the orders service.
      expect(asked).toEqual([]);
      // Without a code, the card is still the error reported first.
      expectError(await requestOn(TWO_FACTOR, { amount: '1.00', bankCardId: '987654321' }), 'NOT_FOUND');
    });

    it('refuses a merchant the orders service does not know', async () => {
      expectError(await requestOn(4_000_003, { amount: '10.00' }), 'NOT_FOUND');
    });

    it('refuses with DEPENDENCY_UNAVAILABLE while the orders service fails, changing nothing', async () => {
      answer = 'down';
      try {
        const before = await withdrawalTableCounts(totpApp);
        expectError(await requestOn(PLAIN, { amount: '10.00' }), 'DEPENDENCY_UNAVAILABLE');
        expect(await withdrawalTableCounts(totpApp)).toEqual(before);
      } finally {
        answer = 'normal';
      }
    });
  });
});

import { addDays, dataOf, sqlStatementCount, startOfChinaDay, type Actor } from '@pay/common';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import {
  adjust,
  backdate,
  deliver,
  expectError,
  MERCHANT_A,
  MERCHANT_B,
  paidOrder,
} from '../support/money-fixtures';
import { clampHistoryDays, historyCutoff } from '../../src/modules/balance/balance.service';

const BALANCE = `query ($merchantId: Int, $days: Int) {
  merchantBalance(merchantId: $merchantId) {
    merchantId available frozen pendingWithdrawal currency updatedAt
    historyBalance(days: $days) { days at balance }
  }
}`;
const DEFAULT_DAYS = `query ($merchantId: Int) {
  merchantBalance(merchantId: $merchantId) { historyBalance { days balance } }
}`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Merchant { id balance { merchantId available frozen historyBalance(days: 2) { balance } } }
} }`;

interface BalanceView {
  merchantId: number;
  available: string;
  frozen: string;
  pendingWithdrawal: string;
  currency: string;
  updatedAt: string | null;
  historyBalance: { days: number; at: string; balance: string };
}

describe('merchant balances (/balance)', () => {
  let app: LedgerTestApp;
  const today = startOfChinaDay(new Date());
  const balance = async (
    days: number | null,
    merchantId: number = MERCHANT_A,
    actor: Actor = ACTORS.operator,
  ) =>
    dataOf(await app.gql<{ merchantBalance: BalanceView }>(BALANCE, { merchantId, days }, actor))
      .merchantBalance;

  beforeAll(async () => {
    app = await startLedgerTestApp();
    // Available money of merchant A: +25 two days ago, +100 in the last millisecond of
    // yesterday, +50 at today's midnight (China time), each with its running balance.
    await backdate(
      app,
      await adjust(app, MERCHANT_A, '25.00'),
      new Date(addDays(today, -2).getTime() + 12 * 3600_000),
    );
    await backdate(app, await adjust(app, MERCHANT_A, '100.00'), new Date(today.getTime() - 1));
    await backdate(app, await adjust(app, MERCHANT_A, '50.00'), today);
    // Today's income is frozen.
    await deliver(app, paidOrder(MERCHANT_A, 'BAL-1', 10000));
    await adjust(app, MERCHANT_B, '7.00');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers available, frozen, pending withdrawal, CNY and the last change', async () => {
    const b = await balance(null);
    expect(b).toMatchObject({
      merchantId: MERCHANT_A,
      available: '175.00',
      frozen: '88.50',
      pendingWithdrawal: '0.00',
      currency: 'CNY',
    });
    expect(Date.now() - new Date(b.updatedAt!).getTime()).toBeLessThan(60_000);
  });

  it('answers zeros and no update time for a merchant without money', async () => {
    const b = await balance(null, 9999999);
    expect(b).toMatchObject({
      available: '0.00',
      frozen: '0.00',
      pendingWithdrawal: '0.00',
      updatedAt: null,
    });
    expect(b.historyBalance).toMatchObject({ days: 1, balance: '0.00' });
  });

  it('takes the end of yesterday for history_days 1 (by default too)', async () => {
    expect((await balance(1)).historyBalance).toEqual({
      days: 1,
      at: today.toISOString(),
      balance: '125.00',
    });
    const byDefault = dataOf(
      await app.gql<{ merchantBalance: { historyBalance: { days: number; balance: string } } }>(
        DEFAULT_DAYS,
        {
          merchantId: MERCHANT_A,
        },
      ),
    );
    expect(byDefault.merchantBalance.historyBalance).toEqual({ days: 1, balance: '125.00' });
  });

  it('counts a change in the last instant of a day to that day, one at midnight to the next', async () => {
    // Midnight belongs to today: the +50 at 00:00:00.000 is not in yesterday's closing balance,
    // the +100 at 23:59:59.999 is; the day before closed at 25.00; before that there was nothing.
    expect((await balance(1)).historyBalance.balance).toBe('125.00');
    expect((await balance(2)).historyBalance).toMatchObject({ days: 2, balance: '25.00' });
    expect((await balance(3)).historyBalance).toMatchObject({ days: 3, balance: '0.00' });
  });

  it('clamps history_days to 1–365', async () => {
    expect((await balance(0)).historyBalance).toMatchObject({ days: 1, balance: '125.00' });
    expect((await balance(-7)).historyBalance).toMatchObject({ days: 1 });
    expect((await balance(400)).historyBalance).toEqual({
      days: 365,
      at: addDays(today, -364).toISOString(),
      balance: '0.00',
    });
    expect((await balance(365)).historyBalance.days).toBe(365);
  });

  it('clamps and cuts off by China days in the pure helpers', () => {
    expect([null, undefined, 0, 1, 2, 365, 366, 400, -1].map(clampHistoryDays)).toEqual([
      1, 1, 1, 1, 2, 365, 365, 365, 1,
    ]);
    // 2025-11-17 00:30 China time is 2025-11-16T16:30Z: its day began at 2025-11-16T16:00Z.
    const now = new Date('2025-11-16T16:30:00Z');
    expect(historyCutoff(1, now).toISOString()).toBe('2025-11-16T16:00:00.000Z');
    expect(historyCutoff(2, now).toISOString()).toBe('2025-11-15T16:00:00.000Z');
    // 23:59 China time on the 16th is still the 16th.
    expect(historyCutoff(1, new Date('2025-11-16T15:59:00Z')).toISOString()).toBe('2025-11-15T16:00:00.000Z');
  });

  describe('merchant isolation', () => {
    it("a merchant gets its own balances and may not name another's", async () => {
      const own = dataOf(
        await app.gql<{ merchantBalance: BalanceView }>(BALANCE, { days: 1 }, ACTORS.merchant),
      );
      expect(own.merchantBalance).toMatchObject({ merchantId: MERCHANT_A, available: '175.00' });
      expectError(await app.gql(BALANCE, { merchantId: MERCHANT_B, days: 1 }, ACTORS.merchant), 'FORBIDDEN');
      const b = dataOf(
        await app.gql<{ merchantBalance: BalanceView }>(BALANCE, { days: 1 }, ACTORS.otherMerchant),
      );
      expect(b.merchantBalance).toMatchObject({ merchantId: MERCHANT_B, available: '7.00', frozen: '0.00' });
    });

    it("resolves another merchant's entity to null for a merchant", async () => {
      const result = dataOf(
        await app.gql<{ _entities: ({ id: number; balance: { available: string } } | null)[] }>(
          ENTITIES,
          {
            representations: [
              { __typename: 'Merchant', id: MERCHANT_B },
              { __typename: 'Merchant', id: MERCHANT_A },
            ],
          },
          ACTORS.merchant,
        ),
      );
      expect(result._entities[0]).toBeNull();
      expect(result._entities[1]).toMatchObject({ id: MERCHANT_A, balance: { available: '175.00' } });
    });

    it('a platform role needs to name the merchant', async () => {
      expectError(await app.gql(BALANCE, { days: 1 }, ACTORS.analyst), 'BAD_USER_INPUT');
    });
  });

  it('resolves balances and history balances of many merchants in a constant number of statements', async () => {
    const statementsFor = async (count: number) => {
      const representations = Array.from({ length: count }, (_, i) => ({
        __typename: 'Merchant',
        id: i === 0 ? MERCHANT_A : 5000000 + i,
      }));
      const before = sqlStatementCount();
      const data = dataOf(
        await app.gql<{ _entities: { balance: { historyBalance: { balance: string } } }[] }>(ENTITIES, {
          representations,
        }),
      );
      expect(data._entities[0]!.balance.historyBalance.balance).toBe('25.00');
      return sqlStatementCount() - before;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(2));
  });
});

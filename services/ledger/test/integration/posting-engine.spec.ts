import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError, seededRandom } from '@pay/common';
import {
  AccountPurpose,
  ADJUSTMENT,
  merchantAccount,
  PLATFORM_REVENUE,
  type AccountRef,
} from '../../src/modules/account/account-purpose';
import { post, type LegInput } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { verifyLedger } from '../../src/modules/verify/ledger-verify';
import { openTestLedgerDatabase } from '../support/ledger-app';

const key = (ref: AccountRef) => `${ref.ownerType}/${ref.ownerId}/${ref.purpose}`;

async function balanceOf(orm: MikroORM, ref: AccountRef): Promise<number> {
  const [row] = (await orm.em
    .fork()
    .getConnection()
    .execute(`select balance from account_balance where owner_type = ? and owner_id = ? and purpose = ?`, [
      ref.ownerType,
      ref.ownerId,
      ref.purpose,
    ])) as {
    balance: string;
  }[];
  return Number(row?.balance ?? 0);
}

async function count(orm: MikroORM, table: 'posting' | 'leg'): Promise<number> {
  const [row] = (await orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`)) as {
    n: number;
  }[];
  return row!.n;
}

const transfer = (uniqueNo: string, from: AccountRef, to: AccountRef, amount: number) => ({
  uniqueNo,
  type: PostingType.ADJUSTMENT,
  description: 'test transfer',
  actor: 'test',
  legs: [
    { ...from, amount: -amount },
    { ...to, amount },
  ] satisfies LegInput[],
});

describe('post_entry: the posting engine', () => {
  let orm: MikroORM;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ orm, close } = await openTestLedgerDatabase());
  });
  afterAll(async () => {
    await close();
  });

  it('keeps every posting balanced and every balance equal to the sum of its legs over a random sequence (property)', async () => {
    const random = seededRandom(20261121);
    const merchants = [1, 2, 3, 4, 5].map((id) =>
      merchantAccount(900_000 + id, AccountPurpose.MERCHANT_AVAILABLE),
    );
    const all = [...merchants, ADJUSTMENT, PLATFORM_REVENUE];
    const model = new Map<string, number>(all.map((a) => [key(a), 0]));
    let refused = 0;
    for (let i = 0; i < 400; i += 1) {
      const from = all[Math.floor(random() * all.length)]!;
      let to = all[Math.floor(random() * all.length)]!;
      if (to === from) to = ADJUSTMENT === from ? merchants[0]! : ADJUSTMENT;
      const amount = 1 + Math.floor(random() * 50_000);
      try {
        await post(orm.em.fork(), transfer(`prop-${i}`, from, to, amount));
        model.set(key(from), model.get(key(from))! - amount);
        model.set(key(to), model.get(key(to))! + amount);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('INSUFFICIENT_BALANCE');
        // Only accounts that may not go negative refuse, and only when it would.
        expect(merchants).toContain(from);
        expect(model.get(key(from))! - amount).toBeLessThan(0);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
    for (const account of all) expect(await balanceOf(orm, account)).toBe(model.get(key(account)));
    for (const merchant of merchants) expect(model.get(key(merchant))).toBeGreaterThanOrEqual(0);
    const report = await verifyLedger(orm.em.fork());
    expect(report.ok).toBe(true);
    expect(report.trialBalance).toBe(0);
  });

  it('posts an idempotency key once, however often and however concurrently it is sent', async () => {
    const merchant = merchantAccount(910_001, AccountPurpose.MERCHANT_AVAILABLE);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(orm.em.fork(), transfer('idem-1', ADJUSTMENT, merchant, 1234))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.postingId)).size).toBe(1);
    expect(await balanceOf(orm, merchant)).toBe(1234);
  });

  it('refuses unbalanced legs and writes nothing', async () => {
    const before = [await count(orm, 'posting'), await count(orm, 'leg')];
    await expect(
      post(orm.em.fork(), {
        uniqueNo: 'unbalanced-1',
        type: PostingType.ADJUSTMENT,
        description: 'x',
        actor: 'test',
        legs: [
          { ...ADJUSTMENT, amount: -100 },
          { ...merchantAccount(910_002, AccountPurpose.MERCHANT_AVAILABLE), amount: 99 },
        ],
      }),
    ).rejects.toThrow(/LEDGER_UNBALANCED/);
    expect([await count(orm, 'posting'), await count(orm, 'leg')]).toEqual(before);
  });

  it('leaves no trace of a transaction that fails half-way', async () => {
    const merchant = merchantAccount(910_003, AccountPurpose.MERCHANT_AVAILABLE);
    const before = [await count(orm, 'posting'), await count(orm, 'leg')];
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await post(tx, transfer('half-1', ADJUSTMENT, merchant, 500));
        await post(tx, transfer('half-2', merchant, ADJUSTMENT, 501)); // more than it has
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect([await count(orm, 'posting'), await count(orm, 'leg')]).toEqual(before);
    expect(await balanceOf(orm, merchant)).toBe(0);
  });

  it('never takes a merchant account below zero under 50 concurrent debits that 10 can cover', async () => {
    const merchant = merchantAccount(910_004, AccountPurpose.MERCHANT_AVAILABLE);
    await post(orm.em.fork(), transfer('fund-4', ADJUSTMENT, merchant, 10 * 700));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        post(orm.em.fork(), transfer(`race-${i}`, merchant, ADJUSTMENT, 700)),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect((o.reason as AppError).code).toBe('INSUFFICIENT_BALANCE');
    }
    expect(await balanceOf(orm, merchant)).toBe(0);
  });

  it('spreads a hot account over slots and still reads its exact balance', async () => {
    const before = await balanceOf(orm, PLATFORM_REVENUE);
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        post(orm.em.fork(), transfer(`hot-${i}`, ADJUSTMENT, PLATFORM_REVENUE, 100 + i)),
      ),
    );
    expect(await balanceOf(orm, PLATFORM_REVENUE)).toBe(before + 64 * 100 + (63 * 64) / 2);
    const [slots] = (await orm.em
      .fork()
      .getConnection()
      .execute(
        `select count(*)::int as n from account_slot s join account a on a.id = s.account_id where a.purpose = 'PLATFORM_REVENUE' and s.balance <> 0`,
      )) as { n: number }[];
    expect(slots!.n).toBeGreaterThan(1);
    expect((await verifyLedger(orm.em.fork())).ok).toBe(true);
  });

  it('reports drift when a balance no longer matches its legs', async () => {
    const merchant = merchantAccount(910_005, AccountPurpose.MERCHANT_AVAILABLE);
    await post(orm.em.fork(), transfer('fund-5', ADJUSTMENT, merchant, 1000));
    const em = orm.em.fork();
    await em.getConnection().execute(`update account set balance = balance + 1 where owner_id = '910005'`);
    const report = await verifyLedger(orm.em.fork());
    expect(report.ok).toBe(false);
    expect(report.balanceDrift.map((d) => d.balance - d.sumOfLegs)).toEqual([1]);
    expect(report.runningBalanceDrift).toHaveLength(1);
    await em.getConnection().execute(`update account set balance = balance - 1 where owner_id = '910005'`);
    expect((await verifyLedger(orm.em.fork())).ok).toBe(true);
  });
});

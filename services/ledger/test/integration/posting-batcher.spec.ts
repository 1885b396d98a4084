import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError, monthlyPartitionsOf } from '@pay/common';
import { Client } from 'pg';
import {
  AccountPurpose,
  ADJUSTMENT,
  merchantAccount,
  PLATFORM_REVENUE,
  type AccountRef,
} from '../../src/modules/account/account-purpose';
import {
  attachPostingBatcher,
  detachPostingBatcher,
  POSTING_BATCHER_APPLICATION,
  PostingBatcher,
  PostingBatchFailed,
} from '../../src/modules/posting/posting-batcher';
import { PostingRefused } from '../../src/modules/posting/posting-entry';
import { post, type LegInput, type PostingInput } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { verifyLedger } from '../../src/modules/verify/ledger-verify';
import { openTestLedgerDatabase } from '../support/ledger-app';

const transfer = (uniqueNo: string, from: AccountRef, to: AccountRef, amount: number): PostingInput => ({
  uniqueNo,
  type: PostingType.ADJUSTMENT,
  description: 'batcher test',
  actor: 'test',
  legs: [
    { ...from, amount: -amount },
    { ...to, amount },
  ] satisfies LegInput[],
});

describe('PostingBatcher: group commit through post_entries', () => {
  let orm: MikroORM;
  let url: string;
  let close: () => Promise<void>;
  let sql: Client;

  const balanceOf = async (ref: AccountRef): Promise<number> => {
    const { rows } = await sql.query<{ balance: string }>(
      'select balance from ledger.account_balance where owner_type = $1 and owner_id = $2 and purpose = $3',
      [ref.ownerType, ref.ownerId, ref.purpose],
    );
    return Number(rows[0]?.balance ?? 0);
  };
  const postingsKeyed = async (keys: string[]): Promise<Map<string, number>> => {
    const { rows } = await sql.query<{ unique_no: string; id: string }>(
      'select unique_no, id from ledger.posting where unique_no = any($1)',
      [keys],
    );
    return new Map(rows.map((r) => [r.unique_no, Number(r.id)]));
  };
  const expectClean = async () => {
    const report = await verifyLedger(orm.em.fork());
    expect(report.ok).toBe(true);
    expect(report.trialBalance).toBe(0);
  };

  beforeAll(async () => {
    ({ orm, url, close } = await openTestLedgerDatabase());
    sql = new Client({ connectionString: url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await close();
  });

  it('answers each of many concurrent callers with its own posting, in few calls', async () => {
    const batcher = new PostingBatcher({ url, connections: 2 });
    try {
      const keys = Array.from({ length: 20 }, (_, i) => `own-${i}`);
      const results = await Promise.all(
        keys.map((key, i) =>
          batcher.post(
            transfer(
              key,
              ADJUSTMENT,
              merchantAccount(920_000 + i, AccountPurpose.MERCHANT_AVAILABLE),
              100 + i,
            ),
          ),
        ),
      );
      // Twenty callers in one tick, two connections: two calls.
      expect(batcher.stats).toMatchObject({ batches: 2, entries: 20 });
      expect(results.every((r) => r.created)).toBe(true);
      const posted = await postingsKeyed(keys);
      keys.forEach((key, i) => expect(results[i]!.postingId).toBe(posted.get(key)));
      for (let i = 0; i < 20; i += 1)
        expect(await balanceOf(merchantAccount(920_000 + i, AccountPurpose.MERCHANT_AVAILABLE))).toBe(
          100 + i,
        );
    } finally {
      await batcher.close();
    }
    await expectClean();
  });

  it('fails only the caller whose entry overdraws or is refused; the rest of the batch posts', async () => {
    const merchant = merchantAccount(921_000, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    try {
      await batcher.post(transfer('fund-921', ADJUSTMENT, merchant, 1000));
      const before = batcher.stats.batches;
      const outcomes = await Promise.allSettled([
        batcher.post(transfer('ok-1', merchant, PLATFORM_REVENUE, 300)),
        batcher.post(transfer('overdraft-1', merchant, PLATFORM_REVENUE, 800)), // 700 left: refused
        batcher.post(transfer('ok-2', merchant, PLATFORM_REVENUE, 700)),
        batcher.post({
          ...transfer('unbalanced-1', ADJUSTMENT, merchant, 5),
          legs: [
            { ...ADJUSTMENT, amount: -5 },
            { ...merchant, amount: 4 },
          ],
        }),
      ]);
      expect(batcher.stats.batches - before).toBe(1);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
      const overdraft = (outcomes[1] as PromiseRejectedResult).reason as unknown;
      expect(overdraft).toBeInstanceOf(AppError);
      expect(overdraft).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
      const unbalanced = (outcomes[3] as PromiseRejectedResult).reason as unknown;
      expect(unbalanced).toBeInstanceOf(PostingRefused);
      expect((unbalanced as PostingRefused).message).toMatch(/LEDGER_UNBALANCED/);
      expect(await balanceOf(merchant)).toBe(0);
      expect(
        [...(await postingsKeyed(['ok-1', 'overdraft-1', 'ok-2', 'unbalanced-1'])).keys()].sort(),
      ).toEqual(['ok-1', 'ok-2']);
    } finally {
      await batcher.close();
    }
    await expectClean();
  });

  it("claims each posting's key in posting_key, gives a refused entry's key back, keeps postings by month", async () => {
    const merchant = merchantAccount(921_450, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    try {
      const outcomes = await Promise.allSettled([
        batcher.post(transfer('key-fund', ADJUSTMENT, merchant, 100)),
        batcher.post(transfer('key-overdraft', merchant, PLATFORM_REVENUE, 500)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
      const { rows } = await sql.query<{ unique_no: string }>(
        'select unique_no from ledger.posting_key where unique_no = any($1) order by 1',
        [['key-fund', 'key-overdraft']],
      );
      expect(rows.map((r) => r.unique_no)).toEqual(['key-fund']);
      // The refused entry's key is free again: with the money there, it posts.
      await batcher.post(transfer('key-fund-2', ADJUSTMENT, merchant, 500));
      expect(await batcher.post(transfer('key-overdraft', merchant, PLATFORM_REVENUE, 500))).toMatchObject({
        created: true,
      });
    } finally {
      await batcher.close();
    }
    const { rows: counts } = await sql.query<{ postings: number; keys: number }>(
      'select (select count(*)::int from ledger.posting) as postings, (select count(*)::int from ledger.posting_key) as keys',
    );
    expect(counts[0]!.keys).toBe(counts[0]!.postings);
    const state = await monthlyPartitionsOf(orm.em.getConnection(), 'posting');
    expect(state).toMatchObject({ partitioned: true, monthsAheadReady: true });
    expect(state.rowsThisMonth).toBeGreaterThan(0);
    await expectClean();
  });

  it('records each leg with the balance it left, entry after entry, when one batch moves an account several times', async () => {
    const merchant = merchantAccount(921_500, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    try {
      await batcher.post(transfer('fund-9215', ADJUSTMENT, merchant, 1000));
      const before = batcher.stats.batches;
      await Promise.allSettled([
        batcher.post(transfer('step-1', merchant, PLATFORM_REVENUE, 100)),
        batcher.post(transfer('step-2', ADJUSTMENT, merchant, 50)),
        batcher.post(transfer('step-3', merchant, PLATFORM_REVENUE, 2000)), // refused: 950 there
        batcher.post(transfer('step-4', merchant, PLATFORM_REVENUE, 950)),
      ]);
      expect(batcher.stats.batches - before).toBe(1);
      const { rows } = await sql.query<{ unique_no: string; amount: string; balance_after: string }>(
        `select p.unique_no, l.amount, l.balance_after from ledger.leg l
           join ledger.posting p on p.id = l.posting_id
           join ledger.account a on a.id = l.account_id
          where a.owner_id = $1 and a.purpose = $2 order by l.id`,
        [merchant.ownerId, merchant.purpose],
      );
      expect(rows.map((r) => [r.unique_no, Number(r.amount), Number(r.balance_after)])).toEqual([
        ['fund-9215', 1000, 1000],
        ['step-1', -100, 900],
        ['step-2', 50, 950],
        ['step-4', -950, 0],
      ]);
      expect(await balanceOf(merchant)).toBe(0);
    } finally {
      await batcher.close();
    }
    await expectClean();
  });

  it('fails alone an entry PostgreSQL refuses for a reason no check foresaw (a leg text too long)', async () => {
    const merchant = merchantAccount(921_600, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    try {
      const before = batcher.stats.batches;
      const outcomes = await Promise.allSettled([
        batcher.post(transfer('long-ok-1', ADJUSTMENT, merchant, 10)),
        batcher.post({
          ...transfer('long-text', ADJUSTMENT, merchant, 20),
          legs: [
            { ...ADJUSTMENT, amount: -20 },
            { ...merchant, amount: 20, description: '长'.repeat(301) },
          ],
        }),
        batcher.post(transfer('long-ok-2', ADJUSTMENT, merchant, 30)),
      ]);
      expect(batcher.stats.batches - before).toBe(1);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ sqlState: '22001' });
      expect(await balanceOf(merchant)).toBe(40);
      expect([...(await postingsKeyed(['long-ok-1', 'long-text', 'long-ok-2'])).keys()].sort()).toEqual([
        'long-ok-1',
        'long-ok-2',
      ]);
    } finally {
      await batcher.close();
    }
    await expectClean();
  });

  it('posts a key once when it comes twice in one batch and again in a later batch', async () => {
    const merchant = merchantAccount(922_000, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    try {
      const same = await Promise.all([
        batcher.post(transfer('dup-1', ADJUSTMENT, merchant, 250)),
        batcher.post(transfer('dup-1', ADJUSTMENT, merchant, 250)),
        batcher.post(transfer('dup-1', ADJUSTMENT, merchant, 250)),
      ]);
      expect(batcher.stats.batches).toBe(1);
      expect(same.map((r) => r.created)).toEqual([true, false, false]);
      expect(new Set(same.map((r) => r.postingId)).size).toBe(1);
      const later = await batcher.post(transfer('dup-1', ADJUSTMENT, merchant, 250));
      expect(later).toEqual({ postingId: same[0]!.postingId, created: false });
      expect(await balanceOf(merchant)).toBe(250);
    } finally {
      await batcher.close();
    }
    await expectClean();
  });

  it('rejects every caller of a batch whose connection dies, with nothing half-posted', async () => {
    const merchant = merchantAccount(923_000, AccountPurpose.MERCHANT_AVAILABLE);
    const other = merchantAccount(923_001, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    const locker = new Client({ connectionString: url });
    await locker.connect();
    try {
      await batcher.post(transfer('fund-923', ADJUSTMENT, merchant, 1000));
      // Hold the merchant's account so the next batch waits on it, then kill its connection.
      await locker.query('begin');
      await locker.query(
        `select id from ledger.account where owner_type = $1 and owner_id = $2 and purpose = $3 for update`,
        [merchant.ownerType, merchant.ownerId, merchant.purpose],
      );
      const keys = ['crash-1', 'crash-2', 'crash-3'];
      const outcomes = Promise.allSettled([
        batcher.post(transfer(keys[0]!, merchant, ADJUSTMENT, 100)),
        batcher.post(transfer(keys[1]!, ADJUSTMENT, other, 100)),
        batcher.post(transfer(keys[2]!, merchant, other, 100)),
      ]);
      let killed = 0;
      for (let attempt = 0; attempt < 500 && killed === 0; attempt += 1) {
        const { rows } = await sql.query<{ killed: boolean }>(
          `select pg_terminate_backend(pid) as killed from pg_stat_activity
            where application_name = $1 and wait_event_type = 'Lock'`,
          [POSTING_BATCHER_APPLICATION],
        );
        killed = rows.filter((r) => r.killed).length;
      }
      expect(killed).toBe(1);
      const settled = await outcomes;
      expect(settled.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const errors = settled.map((o) => (o as PromiseRejectedResult).reason as unknown);
      for (const error of errors) expect(error).toBeInstanceOf(PostingBatchFailed);
      expect(new Set(errors).size).toBe(1);
      expect((errors[0] as PostingBatchFailed).entries).toBe(3);
      await locker.query('rollback');

      expect((await postingsKeyed(keys)).size).toBe(0);
      expect(await balanceOf(merchant)).toBe(1000);
      expect(await balanceOf(other)).toBe(0);
      // The pool replaced the dead connection: the same callers can simply retry.
      const retried = await batcher.post(transfer(keys[1]!, ADJUSTMENT, other, 100));
      expect(retried.created).toBe(true);
    } finally {
      await locker.end();
      await batcher.close();
    }
    await expectClean();
  });

  it("routes post() outside a transaction through the ORM's batcher, and keeps it inside a transaction", async () => {
    const merchant = merchantAccount(924_000, AccountPurpose.MERCHANT_AVAILABLE);
    const batcher = new PostingBatcher({ url, connections: 1 });
    attachPostingBatcher(orm, batcher);
    try {
      const outside = await post(orm.em.fork(), transfer('route-1', ADJUSTMENT, merchant, 10));
      expect(outside.created).toBe(true);
      expect(batcher.stats.entries).toBe(1);
      await expect(
        orm.em.fork().transactional(async (tx) => {
          await post(tx, transfer('route-2', ADJUSTMENT, merchant, 20));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(batcher.stats.entries).toBe(1);
      expect([...(await postingsKeyed(['route-1', 'route-2'])).keys()]).toEqual(['route-1']);
      await expect(post(orm.em.fork(), transfer('route-3', merchant, ADJUSTMENT, 11))).rejects.toMatchObject({
        code: 'INSUFFICIENT_BALANCE',
      });
    } finally {
      detachPostingBatcher(orm);
      await batcher.close();
    }
    await expectClean();
  });
});

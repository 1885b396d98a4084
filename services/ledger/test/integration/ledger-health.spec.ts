import { dataOf, type Actor } from '@pay/common';
import { AccountPurpose, ADJUSTMENT, merchantAccount } from '../../src/modules/account/account-purpose';
import { post } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { LedgerHealthCache } from '../../src/modules/verify/ledger-health';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';

const HEALTH = `query { ledgerHealth { findings checkedAt checks { name count } } }`;

interface Health {
  findings: number;
  checkedAt: string;
  checks: { name: string; count: number }[];
}

/** Corrupts the ledger outside its API: every credit leg duplicated (unbalanced posting, balance drift). */
const DUPLICATE_CREDIT_LEGS = `insert into leg (posting_id, account_id, amount, balance_after, type, description)
  select posting_id, account_id, amount, balance_after, type, description from leg where amount > 0`;

describe('ledgerHealth', () => {
  let app: LedgerTestApp;

  beforeAll(async () => {
    app = await startLedgerTestApp();
    await post(app.orm.em.fork(), {
      uniqueNo: 'health-1',
      type: PostingType.ADJUSTMENT,
      description: 'fund',
      actor: 'test',
      legs: [
        { ...ADJUSTMENT, amount: -5000 },
        { ...merchantAccount(4242, AccountPurpose.MERCHANT_AVAILABLE), amount: 5000 },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const health = async (actor: Actor = ACTORS.operator) =>
    dataOf(await app.gql<{ ledgerHealth: Health }>(HEALTH, {}, actor)).ledgerHealth;

  it('reports every check of the verify command, clean, and reuses the result for a minute', async () => {
    const clean = await health();
    expect(clean.findings).toBe(0);
    expect(clean.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['postings that do not balance', 'idempotency keys used twice']),
    );
    expect(clean.checks.some((c) => /child accounts/.test(c.name))).toBe(true); // a registered module check
    expect(clean.checks.every((c) => c.count === 0)).toBe(true);
    expect(Date.now() - Date.parse(clean.checkedAt)).toBeLessThan(60_000);

    await app.orm.em.fork().getConnection().execute(DUPLICATE_CREDIT_LEGS);
    // Within the minute the dashboard sees the cached run, not a new one.
    expect(await health(ACTORS.analyst)).toEqual(clean);
  });

  it('runs the checks again once the cached result is older than its time to live', async () => {
    let now = Date.parse('2026-12-06T08:00:00Z');
    const cache = new LedgerHealthCache(60_000, () => now);
    const first = await cache.get(app.orm.em.fork());
    expect(first.findings).toBeGreaterThan(0); // the corruption of the test above
    expect(first.checks).toEqual(
      expect.arrayContaining([
        { name: 'postings that do not balance', count: 1 },
        { name: 'accounts whose balance is not the sum of their legs', count: 1 },
      ]),
    );
    await app.orm.em.fork().getConnection().execute('delete from leg where id = (select max(id) from leg)');
    now += 59_000;
    expect(await cache.get(app.orm.em.fork())).toBe(await cache.get(app.orm.em.fork()));
    expect((await cache.get(app.orm.em.fork())).checkedAt).toEqual(first.checkedAt);
    now += 2_000;
    const second = await cache.get(app.orm.em.fork());
    expect(second.findings).toBe(0);
    expect(second.checkedAt).toEqual(new Date(now));
  });

  it('is for platform roles: a merchant is FORBIDDEN', async () => {
    const result = await app.gql(HEALTH, {}, ACTORS.merchant);
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

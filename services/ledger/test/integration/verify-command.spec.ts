import { AccountPurpose, ADJUSTMENT, merchantAccount } from '../../src/modules/account/account-purpose';
import { post } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { runVerification } from '../../src/modules/verify/run-verification';
import { openTestLedgerDatabase } from '../support/ledger-app';

describe('the verify command', () => {
  it('prints a clean report, then the drift it finds', async () => {
    const db = await openTestLedgerDatabase();
    try {
      await post(db.orm.em.fork(), {
        uniqueNo: 'verify-cmd-1',
        type: PostingType.ADJUSTMENT,
        description: 'fund',
        actor: 'test',
        legs: [
          { ...ADJUSTMENT, amount: -5000 },
          { ...merchantAccount(4242, AccountPurpose.MERCHANT_AVAILABLE), amount: 5000 },
        ],
      });
      const clean = await runVerification(db.url);
      expect(clean.ok).toBe(true);
      expect(clean.text).toContain('result: clean');
      expect(clean.text).toMatch(/ledger: 1 postings, 2 legs/);

      // Simulate corruption outside the ledger's API: a duplicated leg.
      await db.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into leg (posting_id, account_id, amount, balance_after, type, description) select posting_id, account_id, amount, balance_after, type, description from leg where amount > 0`,
        );
      const drifted = await runVerification(db.url);
      expect(drifted.ok).toBe(false);
      expect(drifted.text).toMatch(/FAIL postings that do not balance/);
      expect(drifted.text).toMatch(/FAIL accounts whose balance is not the sum of their legs/);
      expect(drifted.report.unbalancedPostings).toEqual([
        { postingId: expect.any(Number), sum: 5000, legs: 3 },
      ]);

      // A key claimed without its posting: a retry would be answered "posted" with nothing posted.
      await db.orm.em
        .fork()
        .getConnection()
        .execute(`insert into posting_key (unique_no) values ('orphan-key')`);
      const orphaned = await runVerification(db.url);
      expect(orphaned.text).toMatch(/FAIL posting keys without their posting, or postings without their key/);
      expect(orphaned.report.extra.find((c) => c.name.startsWith('posting keys'))?.findings).toEqual([
        { id: expect.any(Number), keyUniqueNo: 'orphan-key', postingUniqueNo: null },
      ]);
    } finally {
      await db.close();
    }
  });
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { Gauge } from 'prom-client';
import { logger, metricsRegistry } from '@pay/common';

export interface VerifyReport {
  postings: number;
  legs: number;
  accounts: number;
  /** Sum of every account's balance: zero when every posting balances. */
  trialBalance: number;
  /** Postings whose legs do not sum to zero, or that have fewer than two legs. */
  unbalancedPostings: { postingId: number; sum: number; legs: number }[];
  /** Accounts whose balance differs from the sum of their legs. */
  balanceDrift: { accountId: number; purpose: string; balance: number; sumOfLegs: number }[];
  /** Non-hot accounts whose last leg's balance_after differs from the balance. */
  runningBalanceDrift: { accountId: number; balance: number; lastBalanceAfter: number }[];
  /** Idempotency keys used by more than one posting. */
  duplicateKeys: { uniqueNo: string; count: number }[];
  /** Accounts below zero that may not be. */
  negativeBalances: { accountId: number; purpose: string; balance: number }[];
  /** Extra checks other modules register (e.g. the clearing invariant). */
  extra: { name: string; findings: unknown[] }[];
  ok: boolean;
}

/** A module's own invariant, run with the ledger's (e.g. clearing's unshared + fee + shared = received). */
export interface LedgerCheck {
  name: string;
  run: (em: EntityManager) => Promise<unknown[]>;
}

const checks: LedgerCheck[] = [];

export function registerLedgerCheck(check: LedgerCheck): void {
  if (!checks.some((c) => c.name === check.name)) checks.push(check);
}

async function rows<T>(em: EntityManager, sql: string): Promise<T[]> {
  return (await em.getConnection().execute(sql)) as T[];
}

/**
 * Checks the ledger's invariants with set-based SQL: every posting balances, every
 * account's balance equals the sum of its legs (and its last running balance), no
 * idempotency key was used twice, no account is below zero that may not be, and the
 * registered module checks. Read-only.
 */
export async function verifyLedger(em: EntityManager): Promise<VerifyReport> {
  const [counts] = await rows<{ postings: number; legs: number; accounts: number; trial: string }>(
    em,
    `select (select count(*)::int from posting) as postings, (select count(*)::int from leg) as legs,
            (select count(*)::int from account) as accounts, (select coalesce(sum(balance), 0) from account_balance) as trial`,
  );
  const unbalanced = await rows<{ posting_id: string; sum: string; legs: number }>(
    em,
    `select p.id as posting_id, coalesce(sum(l.amount), 0) as sum, count(l.id)::int as legs
       from posting p left join leg l on l.posting_id = p.id
      group by p.id having coalesce(sum(l.amount), 0) <> 0 or count(l.id) < 2`,
  );
  const drift = await rows<{ id: string; purpose: string; balance: string; sum: string }>(
    em,
    `with sums as (select account_id, sum(amount) as s from leg group by account_id)
     select ab.id, ab.purpose, ab.balance, coalesce(s.s, 0) as sum
       from account_balance ab left join sums s on s.account_id = ab.id
      where ab.balance <> coalesce(s.s, 0)`,
  );
  const running = await rows<{ account_id: string; balance: string; balance_after: string }>(
    em,
    `select a.id as account_id, a.balance, last.balance_after
       from account a
       join lateral (select balance_after from leg where account_id = a.id order by id desc limit 1) last on true
      where last.balance_after is not null and last.balance_after <> a.balance`,
  );
  const duplicates = await rows<{ unique_no: string; count: number }>(
    em,
    `select unique_no, count(*)::int as count from posting group by unique_no having count(*) > 1`,
  );
  const negative = await rows<{ id: string; purpose: string; balance: string }>(
    em,
    `select ab.id, ab.purpose, ab.balance from account_balance ab
       join account_purpose ap on ap.purpose = ab.purpose
      where not ap.allow_negative and ab.balance < 0`,
  );
  const extra = [];
  for (const check of checks) extra.push({ name: check.name, findings: await check.run(em) });
  const report: VerifyReport = {
    postings: counts!.postings,
    legs: counts!.legs,
    accounts: counts!.accounts,
    trialBalance: Number(counts!.trial),
    unbalancedPostings: unbalanced.map((r) => ({
      postingId: Number(r.posting_id),
      sum: Number(r.sum),
      legs: r.legs,
    })),
    balanceDrift: drift.map((r) => ({
      accountId: Number(r.id),
      purpose: r.purpose,
      balance: Number(r.balance),
      sumOfLegs: Number(r.sum),
    })),
    runningBalanceDrift: running.map((r) => ({
      accountId: Number(r.account_id),
      balance: Number(r.balance),
      lastBalanceAfter: Number(r.balance_after),
    })),
    duplicateKeys: duplicates.map((r) => ({ uniqueNo: r.unique_no, count: r.count })),
    negativeBalances: negative.map((r) => ({
      accountId: Number(r.id),
      purpose: r.purpose,
      balance: Number(r.balance),
    })),
    extra,
    ok: false,
  };
  report.ok = findingCount(report) === 0;
  return report;
}

export function findingCount(report: VerifyReport): number {
  return (
    (report.trialBalance === 0 ? 0 : 1) +
    report.unbalancedPostings.length +
    report.balanceDrift.length +
    report.runningBalanceDrift.length +
    report.duplicateKeys.length +
    report.negativeBalances.length +
    report.extra.reduce((n, c) => n + c.findings.length, 0)
  );
}

/** A human-readable summary, one line per check. */
export function formatReport(report: VerifyReport): string {
  const line = (name: string, findings: unknown[]) =>
    `${findings.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${findings.length === 0 ? 'none' : JSON.stringify(findings.slice(0, 10))}`;
  return [
    `ledger: ${report.postings} postings, ${report.legs} legs, ${report.accounts} accounts`,
    `${report.trialBalance === 0 ? 'ok  ' : 'FAIL'} trial balance (sum of all balances): ${report.trialBalance}`,
    line('postings that do not balance', report.unbalancedPostings),
    line('accounts whose balance is not the sum of their legs', report.balanceDrift),
    line('accounts whose last running balance differs', report.runningBalanceDrift),
    line('idempotency keys used twice', report.duplicateKeys),
    line('accounts below zero that may not be', report.negativeBalances),
    ...report.extra.map((c) => line(c.name, c.findings)),
    report.ok ? 'result: clean' : `result: ${findingCount(report)} finding(s)`,
  ].join('\n');
}

export const ledgerDriftFindings = new Gauge({
  name: 'ledger_drift_findings',
  help: 'Findings of the last scheduled ledger verification (0 = clean)',
  registers: [metricsRegistry],
});

/** The scheduled check: sets the metric and logs one line. */
export async function runScheduledVerification(em: EntityManager): Promise<VerifyReport> {
  const report = await verifyLedger(em);
  const findings = findingCount(report);
  ledgerDriftFindings.set(findings);
  if (findings === 0) logger().info({ postings: report.postings }, 'ledger verification clean');
  else logger().error({ findings, report }, 'LEDGER DRIFT: verification found problems');
  return report;
}

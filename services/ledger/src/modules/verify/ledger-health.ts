import type { EntityManager } from '@mikro-orm/postgresql';
import { findingCount, verifyLedger, type VerifyReport } from './ledger-verify';

export interface LedgerCheckCount {
  name: string;
  /** Findings of the check: 0 when it holds. */
  count: number;
}

export interface LedgerHealthSummary {
  /** Findings of every check together: 0 = clean. */
  findings: number;
  checkedAt: Date;
  checks: LedgerCheckCount[];
}

/** The report as counts per check, in the order the verify command prints them. */
export function summariseReport(report: VerifyReport, checkedAt: Date): LedgerHealthSummary {
  return {
    findings: findingCount(report),
    checkedAt,
    checks: [
      { name: 'trial balance (sum of all balances) is not zero', count: report.trialBalance === 0 ? 0 : 1 },
      { name: 'postings that do not balance', count: report.unbalancedPostings.length },
      { name: 'accounts whose balance is not the sum of their legs', count: report.balanceDrift.length },
      { name: 'accounts whose last running balance differs', count: report.runningBalanceDrift.length },
      { name: 'idempotency keys used twice', count: report.duplicateKeys.length },
      { name: 'accounts below zero that may not be', count: report.negativeBalances.length },
      ...report.extra.map((c) => ({ name: c.name, count: c.findings.length })),
    ],
  };
}

/**
 * The last verification's summary, kept for `ttlMs` so that dashboards loading it do not
 * re-run the whole-ledger checks on every request; concurrent callers share one run.
 * One per server process.
 */
export class LedgerHealthCache {
  private cached: { at: number; summary: Promise<LedgerHealthSummary> } | null = null;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(em: EntityManager): Promise<LedgerHealthSummary> {
    const at = this.now();
    if (this.cached && at - this.cached.at < this.ttlMs) return this.cached.summary;
    const summary = verifyLedger(em).then((report) => summariseReport(report, new Date(at)));
    const entry = { at, summary };
    this.cached = entry;
    // A failed run is not remembered: the next caller tries again.
    summary.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return summary;
  }
}

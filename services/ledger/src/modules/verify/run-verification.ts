import { openDatabase } from '@pay/common';
import { ledgerEntities } from '../../db/entities';
import { ledgerMigrations } from '../../db/migrations';
import { formatReport, verifyLedger, type VerifyReport } from './ledger-verify';
import './registered-checks';

/** Opens the ledger database at `url`, verifies it and returns the report and its printout. */
export async function runVerification(
  url: string,
): Promise<{ ok: boolean; report: VerifyReport; text: string }> {
  const orm = await openDatabase({
    url,
    schema: 'ledger',
    entities: ledgerEntities,
    migrations: ledgerMigrations,
    migrate: false,
  });
  try {
    const report = await verifyLedger(orm.em.fork());
    return { ok: report.ok, report, text: formatReport(report) };
  } finally {
    await orm.close();
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { formatChinaDate, pgArray } from '@pay/common';
import { Statement } from '../statement/statement.entity';

/**
 * Records which statements a run used, in its transaction: the source's current
 * statements of a China day of the period, and any other current statement with lines
 * traded in the period. One index probe per statement of the source
 * (statement_line (statement_id, trade_time)), not a pass over the lines.
 */
export async function recordRunStatements(
  em: EntityManager,
  run: { id: number; source: string; periodStart: Date; periodEnd: Date },
): Promise<void> {
  await em.getConnection().execute(
    `insert into reconciliation_run_statement (run_id, statement_id)
     select ?, s.id from statement s
     where s.source = ? and s.superseded_at is null
       and (s.bill_date between ?::date and ?::date
         or exists (select 1 from statement_line l where l.statement_id = s.id
                      and l.trade_time >= ?::timestamptz and l.trade_time < ?::timestamptz))`,
    [
      run.id,
      run.source,
      formatChinaDate(run.periodStart),
      formatChinaDate(new Date(run.periodEnd.getTime() - 1)),
      run.periodStart.toISOString(),
      run.periodEnd.toISOString(),
    ],
    'run',
    em.getTransactionContext(),
  );
}

/** The statements each run used, by bill date then id (one query for every run asked). */
export async function statementsOfRuns(
  em: EntityManager,
  runIds: readonly number[],
): Promise<Map<number, Statement[]>> {
  const links = (await em
    .getConnection()
    .execute(
      'select run_id, statement_id from reconciliation_run_statement where run_id = any(?::bigint[])',
      [pgArray(runIds)],
      'all',
      em.getTransactionContext(),
    )) as { run_id: string | number; statement_id: string | number }[];
  const ids = [...new Set(links.map((l) => Number(l.statement_id)))];
  const statements = new Map(
    (ids.length > 0 ? await em.find(Statement, { id: { $in: ids } }) : []).map((s) => [s.id, s]),
  );
  const byRun = new Map<number, Statement[]>(runIds.map((id) => [id, []]));
  for (const link of links) {
    const statement = statements.get(Number(link.statement_id));
    if (statement) byRun.get(Number(link.run_id))?.push(statement);
  }
  for (const list of byRun.values())
    list.sort((a, b) => (a.billDate < b.billDate ? -1 : a.billDate > b.billDate ? 1 : a.id - b.id));
  return byRun;
}

import { Counter } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics';

/**
 * Counts every SQL statement this process sends (ORM and raw). Exposed at /metrics so
 * the benchmark can show that one GraphQL request costs a constant number of statements.
 */
export const sqlStatements = new Counter({
  name: 'sql_statements_total',
  help: 'SQL statements sent to PostgreSQL by this process',
  registers: [metricsRegistry],
});

let local = 0;

export function countSqlStatement(): void {
  local += 1;
  sqlStatements.inc();
}

/** The running count, for tests and the benchmark in-process. */
export function sqlStatementCount(): number {
  return local;
}

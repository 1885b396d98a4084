import {
  listMonthPartitions,
  monthPartitionOf,
  PARTITION_MONTHS_AHEAD,
  type SqlExecutor,
} from '../db/monthly-partitions';

/**
 * How a table monthly partitioned by `partitionByMonthSql` stands, for tests: whether it
 * is partitioned, whether this month's partition and the ones ahead exist, and how many
 * rows this month's partition holds.
 */
export async function monthlyPartitionsOf(
  connection: SqlExecutor,
  table: string,
): Promise<{ partitioned: boolean; monthsAheadReady: boolean; rowsThisMonth: number }> {
  const [kind] = (await connection.execute(`select relkind from pg_class where oid = ?::regclass`, [
    table,
  ])) as { relkind: string }[];
  const partitions = await listMonthPartitions(connection, table);
  const now = new Date();
  const months = Array.from({ length: PARTITION_MONTHS_AHEAD + 1 }, (_, ahead) =>
    monthPartitionOf(table, now, ahead),
  );
  const [placed] = (await connection.execute(
    `select count(*)::int as n from "${table.replace(/[^a-z_]/g, '')}" where tableoid = ?::regclass`,
    [months[0]],
  )) as { n: number }[];
  return {
    partitioned: kind?.relkind === 'p',
    monthsAheadReady: months.every((month) => partitions.includes(month)),
    rowsThisMonth: placed?.n ?? 0,
  };
}

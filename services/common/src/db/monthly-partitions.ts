import { CHINA_TIME_ZONE, toChinaWallClock } from '../time/china-time';

/**
 * A table partitioned by month (PostgreSQL declarative partitioning, `partition by range`)
 * of one timestamp column, months in China time: a partition per month named
 * `<table>_pYYYYMM`, plus `<table>_default` for rows no month partition takes (a clock far
 * off), so an insert never fails for want of a partition.
 */
export interface MonthlyPartitioning {
  table: string;
  /** The timestamptz column rows are placed by. */
  column: string;
  /** Months kept (the current one included); older partitions are dropped. null: kept forever. */
  retentionMonths: number | null;
}

/** Months created ahead of the current one, so a month's first insert never waits on DDL. */
export const PARTITION_MONTHS_AHEAD = 2;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The partition of the China-time month `monthIndex` (months since year 0) of `table`. */
function partitionName(table: string, monthIndex: number): string {
  return `${table}_p${Math.floor(monthIndex / 12)}${pad((monthIndex % 12) + 1)}`;
}

/** The instant a China-time month starts, as PostgreSQL reads it. */
function monthStart(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}-01 00:00:00+08`;
}

/** Months since year 0 of the China-time month holding `instant`. */
function monthIndexOf(instant: Date): number {
  const wall = toChinaWallClock(instant);
  return wall.getUTCFullYear() * 12 + wall.getUTCMonth();
}

/** The month partition of `table` that holds `instant`, `offset` months later (e.g. `notify_log_p202612`). */
export function monthPartitionOf(table: string, instant: Date, offset = 0): string {
  return partitionName(table, monthIndexOf(instant) + offset);
}

function createPartitionSql(parent: string, table: string, monthIndex: number): string {
  return `create table if not exists ${ident(partitionName(table, monthIndex))} partition of ${ident(parent)}
    for values from ('${monthStart(monthIndex)}') to ('${monthStart(monthIndex + 1)}')`;
}

/**
 * SQL (for one migration) that turns an existing table into one partitioned by month of
 * `column`, keeping its rows, ids and sequence: a partitioned copy is made with the same
 * columns and defaults (`like … including defaults`, so the id sequence carries on), a
 * partition for every month from the oldest row to PARTITION_MONTHS_AHEAD ahead, the rows
 * copied, the old table dropped and the copy renamed. The primary key gains the partition
 * column (PostgreSQL requires it in every unique key); `recreate` gives the indexes and
 * foreign keys to make again on the new table. Nothing may reference the table by a
 * foreign key.
 */
export function partitionByMonthSql(options: {
  table: string;
  column: string;
  primaryKey: string[];
  recreate: string[];
}): string[] {
  const { table, column } = options;
  const staging = `${table}_partitioned`;
  const sequence = `${table}_${options.primaryKey[0]}_seq`;
  return [
    `create table ${ident(staging)} (like ${ident(table)} including defaults including constraints)
       partition by range (${ident(column)})`,
    `alter table ${ident(staging)} add constraint ${ident(`${table}_pkey_p`)}
       primary key (${[...options.primaryKey, column].map(ident).join(', ')})`,
    `create table ${ident(`${table}_default`)} partition of ${ident(staging)} default`,
    `do $$
     declare
       month timestamp;
     begin
       for month in
         select generate_series(
           date_trunc('month', coalesce((select min(${ident(column)}) from ${ident(table)}), now()) at time zone '${CHINA_TIME_ZONE}'),
           date_trunc('month', now() at time zone '${CHINA_TIME_ZONE}') + interval '${PARTITION_MONTHS_AHEAD} months',
           interval '1 month')
       loop
         execute format('create table %I partition of %I for values from (%L) to (%L)',
           '${table}_p' || to_char(month, 'YYYYMM'), '${staging}',
           month at time zone '${CHINA_TIME_ZONE}', (month + interval '1 month') at time zone '${CHINA_TIME_ZONE}');
       end loop;
     end $$`,
    `insert into ${ident(staging)} select * from ${ident(table)}`,
    `alter sequence if exists ${ident(sequence)} owned by ${ident(staging)}.${ident(options.primaryKey[0]!)}`,
    `drop table ${ident(table)}`,
    `alter table ${ident(staging)} rename to ${ident(table)}`,
    `alter table ${ident(table)} rename constraint ${ident(`${table}_pkey_p`)} to ${ident(`${table}_pkey`)}`,
    ...options.recreate,
  ];
}

/** What `maintainMonthlyPartitions` needs of a connection (MikroORM's has it). */
export interface SqlExecutor {
  execute(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Creates the partitions from the current month to PARTITION_MONTHS_AHEAD ahead (those
 * missing), and drops the month partitions older than the retention (detached first, so
 * inserts into the table never wait on the drop). Idempotent; run at start-up and daily.
 */
export async function maintainMonthlyPartitions(
  connection: SqlExecutor,
  spec: MonthlyPartitioning,
  now = new Date(),
): Promise<{ created: string[]; dropped: string[] }> {
  const current = monthIndexOf(now);
  const existing = new Set(await listMonthPartitions(connection, spec.table));
  const created: string[] = [];
  for (let month = current; month <= current + PARTITION_MONTHS_AHEAD; month += 1) {
    const name = partitionName(spec.table, month);
    if (existing.has(name)) continue;
    await connection.execute(createPartitionSql(spec.table, spec.table, month));
    created.push(name);
  }
  const dropped: string[] = [];
  if (spec.retentionMonths !== null) {
    const oldestKept = partitionName(spec.table, current - spec.retentionMonths + 1);
    // Names sort by month: `<table>_pYYYYMM`.
    for (const name of [...existing].sort()) {
      if (name >= oldestKept) break;
      await connection.execute(`alter table ${ident(spec.table)} detach partition ${ident(name)}`);
      await connection.execute(`drop table ${ident(name)}`);
      dropped.push(name);
    }
  }
  return { created, dropped };
}

/** The month partitions of `table` in the current schema (`<table>_pYYYYMM`), oldest first. */
export async function listMonthPartitions(connection: SqlExecutor, table: string): Promise<string[]> {
  const rows = (await connection.execute(
    `select child.relname as name
       from pg_inherits i
       join pg_class parent on parent.oid = i.inhparent
       join pg_class child on child.oid = i.inhrelid
      where parent.relname = ? and parent.relnamespace = current_schema()::regnamespace`,
    [table],
  )) as { name: string }[];
  const pattern = new RegExp(`^${table}_p\\d{6}$`);
  return rows
    .map((row) => row.name)
    .filter((name) => pattern.test(name))
    .sort();
}

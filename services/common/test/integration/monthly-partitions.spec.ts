import 'reflect-metadata';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  listMonthPartitions,
  maintainMonthlyPartitions,
  partitionByMonthSql,
  PARTITION_MONTHS_AHEAD,
} from '../../src/db/monthly-partitions';
import { openDatabase } from '../../src/db/orm';
import { createTestDatabase } from '../../src/testkit/test-database';

class CreateAttempts extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "parent" ("id" int primary key)');
    this.addSql(`insert into "parent" values (1), (2)`);
    this.addSql(`create table "attempt" (
      "id" bigserial primary key,
      "parent_id" int not null references "parent" ("id"),
      "note" text not null default 'none',
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "attempt_parent_index" on "attempt" ("parent_id", "id")`);
    // Three months apart, one a minute before a China-time month starts (UTC+8).
    this.addSql(`insert into "attempt" ("parent_id", "note", "created_at") values
      (1, 'old', '2026-09-15 12:00:00+08'),
      (2, 'edge', '2026-10-31 23:59:00+08'),
      (1, 'new', '2026-11-01 00:00:00+08')`);
  }
}

class PartitionAttempts extends Migration {
  override async up(): Promise<void> {
    for (const sql of partitionByMonthSql({
      table: 'attempt',
      column: 'created_at',
      primaryKey: ['id'],
      recreate: [
        `alter table "attempt" add constraint "attempt_parent_id_fkey" foreign key ("parent_id") references "parent" ("id")`,
        `create index "attempt_parent_index" on "attempt" ("parent_id", "id")`,
      ],
    }))
      this.addSql(sql);
  }
}

describe('monthly partitions', () => {
  let db: { url: string; drop: () => Promise<void> };
  let orm: MikroORM;
  const sql = <T>(query: string, params: unknown[] = []) =>
    orm.em.getConnection().execute(query, params) as Promise<T[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openDatabase({
      url: db.url,
      schema: 'parts',
      entities: [],
      migrations: [
        { name: 'Migration1_attempts', class: CreateAttempts },
        { name: 'Migration2_partition_attempts', class: PartitionAttempts },
      ],
    });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('turns a table into monthly partitions (China time) keeping its rows, ids and sequence', async () => {
    const [kind] = await sql<{ relkind: string }>(
      `select relkind from pg_class where oid = 'parts.attempt'::regclass`,
    );
    expect(kind!.relkind).toBe('p');
    const rows = await sql<{ id: string; note: string; partition: string }>(
      `select id, note, tableoid::regclass::text as partition from attempt order by id`,
    );
    expect(rows.map((r) => [Number(r.id), r.note, r.partition])).toEqual([
      [1, 'old', 'attempt_p202609'],
      [2, 'edge', 'attempt_p202610'],
      [3, 'new', 'attempt_p202611'],
    ]);
    // Every month from the oldest row to PARTITION_MONTHS_AHEAD past the current one.
    const partitions = await listMonthPartitions(orm.em.getConnection(), 'attempt');
    expect(partitions[0]).toBe('attempt_p202609');
    expect(partitions.length).toBeGreaterThanOrEqual(3 + PARTITION_MONTHS_AHEAD);
    const [inserted] = await sql<{ id: string; partition: string }>(
      `insert into attempt (parent_id) values (2) returning id, tableoid::regclass::text as partition`,
    );
    expect(Number(inserted!.id)).toBe(4);
    expect(inserted!.partition).toMatch(/^attempt_p\d{6}$/);
  });

  it('keeps the foreign keys and indexes it was told to make again', async () => {
    await expect(sql(`insert into attempt (parent_id) values (99)`)).rejects.toMatchObject({ code: '23503' });
    const indexes = await sql<{ indexname: string }>(
      `select indexname from pg_indexes where schemaname = 'parts' and tablename = 'attempt' order by 1`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['attempt_parent_index', 'attempt_pkey']);
  });

  it('puts a row no month takes into the default partition instead of failing', async () => {
    const [row] = await sql<{ partition: string }>(
      `insert into attempt (parent_id, created_at) values (1, '2099-01-01') returning tableoid::regclass::text as partition`,
    );
    expect(row!.partition).toBe('attempt_default');
    await sql(`delete from attempt where created_at >= '2099-01-01'`);
  });

  it('creates the months ahead and drops the months past the retention, idempotently', async () => {
    const spec = { table: 'attempt', column: 'created_at', retentionMonths: 3 };
    const january = new Date('2027-01-20T00:00:00+08:00');
    const before = await listMonthPartitions(orm.em.getConnection(), 'attempt');
    const first = await maintainMonthlyPartitions(orm.em.getConnection(), spec, january);
    // January and PARTITION_MONTHS_AHEAD months after it; the migration made some already.
    expect(first.created).toEqual(
      ['attempt_p202701', 'attempt_p202702', 'attempt_p202703'].filter((name) => !before.includes(name)),
    );
    // Kept: November, December, January (three months, the current one included).
    expect(first.dropped).toEqual(['attempt_p202609', 'attempt_p202610']);
    const partitions = await listMonthPartitions(orm.em.getConnection(), 'attempt');
    expect(partitions[0]).toBe('attempt_p202611');
    expect(partitions).toContain('attempt_p202703');
    const notes = await sql<{ note: string }>(`select note from attempt where note <> 'none' order by id`);
    expect(notes.map((n) => n.note)).toEqual(['new']);

    const again = await maintainMonthlyPartitions(orm.em.getConnection(), spec, january);
    expect(again).toEqual({ created: [], dropped: [] });
    const forever = await maintainMonthlyPartitions(
      orm.em.getConnection(),
      { ...spec, retentionMonths: null },
      new Date('2030-01-01T00:00:00+08:00'),
    );
    expect(forever.dropped).toEqual([]);
    expect(forever.created).toEqual(['attempt_p203001', 'attempt_p203002', 'attempt_p203003']);
  });
});

import { createHash } from 'node:crypto';
import { LEDGER_FUNCTIONS } from '../../src/db/functions';
import { ledgerMigrations } from '../../src/db/migrations';
import { openTestLedgerDatabase } from '../support/ledger-app';

/** The body between a `create function`'s dollar quotes, as PostgreSQL keeps it (`prosrc`). */
function bodyOf(sql: string): string {
  const start = sql.indexOf('$$');
  const end = sql.lastIndexOf('$$');
  if (start < 0 || end <= start) throw new Error('no $$-quoted body');
  return sql.slice(start + 2, end);
}

describe('ledger functions: the files in src/db/functions are what the migrated database runs', () => {
  let db: Awaited<ReturnType<typeof openTestLedgerDatabase>>;

  beforeAll(async () => {
    db = await openTestLedgerDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('every source is the one the latest reloading migration recorded (edit a source, add a migration)', () => {
    const reloads = ledgerMigrations.filter((m) => 'functionChecksums' in m.class);
    const latest = reloads.at(-1);
    expect(latest).toBeDefined();
    const recorded = (latest!.class as unknown as { functionChecksums: Record<string, string> })
      .functionChecksums;
    const current = Object.fromEntries(
      LEDGER_FUNCTIONS.map((fn) => [fn.name, createHash('md5').update(fn.sql).digest('hex')]),
    );
    expect({ migration: latest!.name, checksums: current }).toEqual({
      migration: latest!.name,
      checksums: recorded,
    });
  });

  it.each(LEDGER_FUNCTIONS.map((fn) => [fn.name, fn.sql]))('%s', async (name, sql) => {
    const rows = (await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = current_schema() and p.proname = ?`,
        [name],
      )) as { prosrc: string }[];
    // One definition (no stale overload left behind), with the file's body.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.prosrc).toBe(bodyOf(sql));
  });
});

import 'reflect-metadata';
import { Migration } from '@mikro-orm/migrations';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/orm';
import { createTestDatabase } from '../../src/testkit/test-database';

/** Slow on purpose: the second replica arrives while the first is still migrating. */
class CreateAccounts extends Migration {
  override async up(): Promise<void> {
    this.addSql('select pg_sleep(0.3)');
    this.addSql('create table "account" ("id" bigserial primary key, "name" text not null)');
  }
}

class AddAccountNote extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "account" add column "note" text');
  }
}

const migrations = [
  { name: 'Migration1_create_accounts', class: CreateAccounts },
  { name: 'Migration2_add_account_note', class: AddAccountNote },
];

describe('openDatabase migrations under an advisory lock', () => {
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('lets replicas that start together migrate one at a time, each migration applied once', async () => {
    const open = () => openDatabase({ url: db.url, schema: 'replicas', entities: [], migrations });
    const orms = await Promise.all([open(), open(), open()]);
    await Promise.all(orms.map((orm) => orm.close(true)));

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: number }>(
        'select name, count(*)::int as n from replicas.mikro_orm_migrations group by name order by name',
      );
      expect(rows).toEqual([
        { name: 'Migration1_create_accounts', n: 1 },
        { name: 'Migration2_add_account_note', n: 1 },
      ]);
      const { rows: locks } = await client.query(
        "select 1 from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())",
      );
      expect(locks).toHaveLength(0);
    } finally {
      await client.end();
    }
  });

  it('takes the lock on DATABASE_DIRECT_URL when given (PgBouncer transaction pooling would lose it)', async () => {
    // A port nothing listens on: taken from the system, then let go.
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const direct = new URL(db.url);
    direct.port = String(closedPort);
    await expect(
      openDatabase({ url: db.url, directUrl: direct.toString(), schema: 'direct', entities: [], migrations }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

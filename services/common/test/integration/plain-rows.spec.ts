import 'reflect-metadata';
import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fenColumn } from '../../src/db/fen-column';
import { openDatabase } from '../../src/db/orm';
import {
  findByKeys,
  mapPlainRow,
  queryPlainRows,
  qualifiedTable,
  whereConditions,
} from '../../src/db/plain-rows';
import { sqlStatementCount } from '../../src/db/sql-statements';
import { createTestDatabase } from '../../src/testkit/test-database';

@Entity({ tableName: 'shop' })
class Shop {
  @PrimaryKey()
  id!: number;

  @Property()
  name!: string;

  @Property({ lazy: true, nullable: true })
  secret?: string | null;
}

@Entity({ tableName: 'sale' })
class Sale {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Shop)
  shop!: Rel<Shop>;

  @Property({ ...fenColumn() })
  amount!: number;

  @Property()
  soldAt!: Date;
}

class CreateSales extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "shop" ("id" int primary key, "name" text not null, "secret" text null)');
    this.addSql(
      'create table "sale" ("id" int primary key, "shop_id" int not null references "shop", "amount" bigint not null, "sold_at" timestamptz not null)',
    );
    this.addSql(`insert into "shop" values (1, 'north', 's1'), (2, 'south', 's2')`);
    this.addSql(
      `insert into "sale" values (1, 1, 100, '2026-12-01T00:00:00.123Z'), (2, 1, 250, '2026-12-02T00:00:00Z'), (3, 2, 900, '2026-12-03T00:00:00Z')`,
    );
  }
}

describe('plain rows: read statements straight through the driver', () => {
  let db: { url: string; drop: () => Promise<void> };
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openDatabase({
      url: db.url,
      schema: 'plain',
      entities: [Shop, Sale],
      migrations: [{ name: 'Migration1_sales', class: CreateSales }],
    });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  const ids = async (where: Record<string, unknown>) => {
    const em = orm.em.fork();
    const meta = em.getMetadata(Sale);
    const values: unknown[] = [];
    const conditions = whereConditions(meta, where, 's', values);
    const rows = await queryPlainRows(
      em,
      `select s.id from ${qualifiedTable(em, meta)} s ${conditions.length ? `where ${conditions.join(' and ')}` : ''} order by s.id`,
      values,
    );
    return rows.map((row) => row.id);
  };

  it('translates equality, references, $in and ranges into parameters', async () => {
    expect(await ids({})).toEqual([1, 2, 3]);
    expect(await ids({ shop: 1 })).toEqual([1, 2]);
    expect(await ids({ id: { $in: [1, 3, 7] } })).toEqual([1, 3]);
    expect(await ids({ amount: { $gte: 250, $lte: 900 } })).toEqual([2, 3]);
    expect(await ids({ soldAt: { $gt: new Date('2026-12-01T00:00:00.123Z') }, shop: 1 })).toEqual([2]);
    expect(await ids({ amount: { $lt: 100 } })).toEqual([]);
  });

  it('refuses a filter it cannot translate instead of ignoring it', () => {
    const meta = orm.em.getMetadata(Sale);
    expect(() => whereConditions(meta, { amount: { $ne: 100 } }, 's', [])).toThrow(/\$ne/);
    expect(() => whereConditions(meta, { missing: 1 }, 's', [])).toThrow(/not a column/);
  });

  it('maps rows as the ORM does (properties, dates) and counts each statement', async () => {
    const em = orm.em.fork();
    const before = sqlStatementCount();
    const rows = await queryPlainRows(
      em,
      `select * from ${qualifiedTable(em, em.getMetadata(Sale))} s where s.id = $1`,
      [1],
    );
    expect(sqlStatementCount()).toBe(before + 1);
    const sale = mapPlainRow(em, em.getMetadata(Sale), rows[0]);
    expect(sale).toMatchObject({ id: 1, shop: 1, amount: '100' });
    expect(sale.soldAt).toEqual(new Date('2026-12-01T00:00:00.123Z'));
  });

  it("reads inside the EntityManager's transaction", async () => {
    await orm.em
      .fork()
      .transactional(async (em) => {
        await em
          .getConnection()
          .execute(`insert into plain.sale values (4, 2, 5, now())`, [], 'run', em.getTransactionContext());
        const rows = await queryPlainRows(em, 'select count(*)::int as n from plain.sale', []);
        expect(rows[0].n).toBe(4);
        throw Object.assign(new Error('roll back'), { rollback: true });
      })
      .catch((error: { rollback?: boolean }) => {
        if (!error.rollback) throw error;
      });
    const rows = await queryPlainRows(orm.em.fork(), 'select count(*)::int as n from plain.sale', []);
    expect(rows[0].n).toBe(3);
  });

  it('finds managed entities by key as find would, lazy columns left out', async () => {
    const em = orm.em.fork();
    const before = sqlStatementCount();
    const shops = await findByKeys(em, Shop, 'id', [2, 1, 9]);
    expect(sqlStatementCount()).toBe(before + 1);
    expect(shops.map((shop) => [shop.id, shop.name]).sort()).toEqual([
      [1, 'north'],
      [2, 'south'],
    ]);
    expect(shops.every((shop) => shop.secret === undefined)).toBe(true);
    // In the identity map: a later find answers the same objects.
    expect(await em.findOne(Shop, 1)).toBe(shops.find((shop) => shop.id === 1));
    const sales = await findByKeys(em, Sale, 'shop', [1]);
    expect(sales.map((sale) => sale.id).sort()).toEqual([1, 2]);
    expect(sales[0]!.shop).toBe(shops.find((shop) => shop.id === 1));
  });
});

import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, openDatabase } from '@pay/common';
import { ordersEntities } from '../../src/db/entities';
import { ordersMigrations } from '../../src/db/migrations';

/** A fresh database with the orders schema migrated, for one test file. */
export async function openTestOrdersDatabase(): Promise<{
  orm: MikroORM;
  url: string;
  close: () => Promise<void>;
}> {
  const db = await createTestDatabase();
  const orm = await openDatabase({
    url: db.url,
    schema: 'orders',
    entities: ordersEntities,
    migrations: ordersMigrations,
  });
  return {
    orm,
    url: db.url,
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}

import type { Constructor, MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase } from '../db/orm';
import { createTestDatabase } from './test-database';

/** A fresh database with one service's schema migrated, for one test file. */
export async function openTestServiceDatabase(options: {
  schema: string;
  entities: Constructor[];
  migrations: MigrationObject[];
}): Promise<{ orm: MikroORM; url: string; close: () => Promise<void> }> {
  const db = await createTestDatabase();
  const orm = await openDatabase({ url: db.url, ...options });
  return {
    orm,
    url: db.url,
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}

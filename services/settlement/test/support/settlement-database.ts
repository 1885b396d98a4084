import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, migrateService, openDatabase } from '@pay/common';
import { settlementEntities } from '../../src/db/entities';
import { settlementMigrations } from '../../src/db/migrations';
import { startLedgerProcess, type LedgerProcess } from './ledger-process';

/**
 * What settlement runs on in its tests: a fresh database with the orders and
 * reconciliation schemas (made by those services' own `--migrate`: their published views
 * are what settlement reads), the real ledger as its own process on it, and settlement's
 * schema migrated. `drop` stops the ledger, closes the ORM and drops the database.
 */
export async function openSettlementDatabase(internalSecret: string): Promise<{
  url: string;
  orm: MikroORM;
  ledger: LedgerProcess;
  drop: () => Promise<void>;
}> {
  const db = await createTestDatabase();
  const [ledger] = await Promise.all([
    startLedgerProcess(db.url, internalSecret),
    migrateService('orders', db.url),
    migrateService('reconciliation', db.url),
  ]);
  const orm = await openDatabase({
    url: db.url,
    schema: 'settlement',
    entities: settlementEntities,
    migrations: settlementMigrations,
  });
  return {
    url: db.url,
    orm,
    ledger,
    drop: async () => {
      await ledger.stop();
      await orm.close(true);
      await db.drop();
    },
  };
}

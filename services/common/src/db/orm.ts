import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { Constructor, MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import { logger } from '../logging/logger';
import { countSqlStatement } from './sql-statements';

export interface DatabaseOptions {
  /** postgres:// URL. */
  url: string;
  /** The PostgreSQL schema this service owns and writes (`orders`, `ledger`, …). */
  schema: string;
  entities: Constructor[];
  /** Checked-in migrations, in order. */
  migrations: MigrationObject[];
  poolMax?: number;
  /**
   * A read replica (postgres:// URL) for the reads that ask for one (`em.getConnection('read')`:
   * statistics); every other read and every write stays on `url`.
   */
  readUrl?: string;
  /** PostgreSQL itself, for the migration lock, when `url` goes through a transaction-pooling PgBouncer. */
  directUrl?: string;
  /** Apply pending migrations before returning (the default: services migrate on start). */
  migrate?: boolean;
}

/**
 * Opens MikroORM on the service's own schema and applies its migrations. The global
 * EntityManager is never used directly (`allowGlobalContext` stays off): requests and
 * jobs fork it.
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const config: Options = {
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      // Raw SQL (aggregates, outbox, migrations) names tables without a schema: every
      // connection of this service resolves them in its own schema first.
      afterCreate: (
        connection: { query: (sql: string, done: (error?: Error) => void) => void },
        done: (error?: Error) => void,
      ) => {
        connection.query(`set search_path to "${options.schema}", public`, done);
      },
    },
    ...(options.readUrl
      ? { replicas: [{ name: 'read-replica', clientUrl: options.readUrl }], preferReadReplicas: false }
      : {}),
    debug: false,
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      emit: 'ts',
    },
  };
  const orm = await MikroORM.init(config);
  orm.em.getConnection().getKnex().on('query', countSqlStatement);
  if (options.migrate !== false) {
    try {
      await withMigrationLock(options.directUrl ?? options.url, options.schema, async () => {
        await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
        const applied = await orm.getMigrator().up();
        if (applied.length > 0)
          logger().info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      });
    } catch (error) {
      await orm.close(true);
      throw error;
    }
  }
  return orm;
}

/**
 * Runs `work` holding a session-level PostgreSQL advisory lock for `schema`'s migrations,
 * taken on a connection of its own: replicas that start together migrate one at a time,
 * and the later ones find nothing left to apply. (Without it two of them race on
 * `create schema`, the migrations table and each migration's DDL.) If the process dies,
 * its connection closes and PostgreSQL releases the lock.
 */
export async function withMigrationLock<T>(url: string, schema: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [migrationLockKey(schema)]);
    return await work();
  } finally {
    // Ending the session releases the lock too; unlocking first makes it immediate.
    await client
      .query('select pg_advisory_unlock(hashtext($1))', [migrationLockKey(schema)])
      .catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** The advisory lock key of a schema's migrations (hashed with `hashtext`). */
export function migrationLockKey(schema: string): string {
  return `migrations:${schema}`;
}

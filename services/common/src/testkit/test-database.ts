import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../db/database-url';

/**
 * A fresh, empty database on the test run's PostgreSQL (embedded, or DATABASE_URL).
 * One per test file keeps files independent; `drop` removes it afterwards.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_ADMIN_DATABASE_URL;
  if (!admin)
    throw new Error(
      'TEST_ADMIN_DATABASE_URL is not set: run tests through jest (its global setup starts PostgreSQL)',
    );
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    drop: async () => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

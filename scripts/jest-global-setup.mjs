// One PostgreSQL per jest run: DATABASE_URL when set, else an embedded cluster.
// Test files create their own fresh database from it (see @pay/common testkit).
import { startEmbeddedPostgres } from '../services/common/esm/embedded-postgres.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const pg = await startEmbeddedPostgres({ persistent: false });
  process.env.TEST_ADMIN_DATABASE_URL = pg.adminUrl;
  globalThis.__EMBEDDED_PG__ = pg;
}

import { Client } from 'pg';
import { NotifiedCache } from '../../src/db/notified-cache';
import { createTestDatabase } from '../../src/testkit/test-database';

const CHANNEL = 'shop_keys';

/**
 * NotifiedCache against a real PostgreSQL: a table whose trigger notifies the changed
 * row's key, as the orders service's merchant table does.
 */
describe('NotifiedCache', () => {
  let database: { url: string; drop: () => Promise<void> };
  let sql: Client;
  const caches: NotifiedCache<string>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(`create table shop (id int primary key, key text not null)`);
    await sql.query(`create function shop_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then perform pg_notify('${CHANNEL}', '*');
        else perform pg_notify('${CHANNEL}', old.id::text); end if;
        return null;
      end $$`);
    await sql.query(`create trigger shop_changed after update or delete on shop
      for each row execute function shop_changed()`);
    await sql.query(`create trigger shop_truncated after truncate on shop
      for each statement execute function shop_changed()`);
  });

  beforeEach(async () => {
    await sql.query(`delete from shop`);
    await sql.query(`insert into shop values (1, 'one'), (2, 'two')`);
  });

  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.stop()));
  });

  afterAll(async () => {
    await sql.end();
    await database.drop();
  });

  async function startedCache(options: { ttlMs?: number; reconnectMs?: number } = {}) {
    const cache = new NotifiedCache<string>({
      url: database.url,
      channel: CHANNEL,
      ttlMs: options.ttlMs ?? 60_000,
      reconnectMs: options.reconnectMs ?? 50,
    });
    caches.push(cache);
    await cache.start();
    return cache;
  }

  /** A loader that counts its reads of the table. */
  function loader(id: number) {
    const loads = { count: 0 };
    const load = async () => {
      loads.count += 1;
      const { rows } = await sql.query<{ key: string }>('select key from shop where id = $1', [id]);
      return rows[0]?.key ?? null;
    };
    return { loads, load };
  }

  it('reads a row once and answers it from memory after', async () => {
    const cache = await startedCache();
    const { loads, load } = loader(1);
    expect(await cache.read('1', load)).toBe('one');
    expect(await cache.read('1', load)).toBe('one');
    expect(await cache.read('1', load)).toBe('one');
    expect(loads.count).toBe(1);
  });

  it('drops a row when its change commits, and only that row', async () => {
    const cache = await startedCache();
    const one = loader(1);
    const two = loader(2);
    await cache.read('1', one.load);
    await cache.read('2', two.load);
    const notice = cache.nextNotice();
    await sql.query(`update shop set key = 'one-rotated' where id = 1`);
    expect(await notice).toBe('1');
    expect(await cache.read('1', one.load)).toBe('one-rotated');
    expect(await cache.read('2', two.load)).toBe('two');
    expect([one.loads.count, two.loads.count]).toEqual([2, 1]);
  });

  it('notices nothing of a change that does not commit', async () => {
    const cache = await startedCache();
    const { loads, load } = loader(1);
    await cache.read('1', load);
    await sql.query('begin');
    await sql.query(`update shop set key = 'never' where id = 1`);
    await sql.query('rollback');
    // A committed change after it: its notice is the first and only one.
    const notice = cache.nextNotice();
    await sql.query(`update shop set key = 'two-rotated' where id = 2`);
    expect(await notice).toBe('2');
    expect(await cache.read('1', load)).toBe('one');
    expect(loads.count).toBe(1);
  });

  it('drops everything when the table is truncated, and a deleted row is read as missing', async () => {
    const cache = await startedCache();
    const one = loader(1);
    const two = loader(2);
    await cache.read('1', one.load);
    await cache.read('2', two.load);
    let notice = cache.nextNotice();
    await sql.query(`delete from shop where id = 2`);
    expect(await notice).toBe('2');
    expect(await cache.read('2', two.load)).toBeNull();
    notice = cache.nextNotice();
    await sql.query(`truncate shop`);
    expect(await notice).toBe('*');
    expect(await cache.read('1', one.load)).toBeNull();
    expect(one.loads.count).toBe(2);
  });

  it('does not keep a value whose read a notice overtook', async () => {
    const cache = await startedCache();
    let reads = 0;
    const slowLoad = async () => {
      reads += 1;
      const { rows } = await sql.query<{ key: string }>('select key from shop where id = 1');
      // The row changes after this read and before its answer is kept.
      if (reads === 1) {
        const notice = cache.nextNotice();
        await sql.query(`update shop set key = 'changed' where id = 1`);
        await notice;
      }
      return rows[0]!.key;
    };
    expect(await cache.read('1', slowLoad)).toBe('one'); // answered as read…
    expect(await cache.read('1', slowLoad)).toBe('changed'); // …but not kept
    expect(reads).toBe(2);
  });

  it('keeps nothing while it does not listen: before start, after stop, with a ttl passed', async () => {
    const cache = new NotifiedCache<string>({ url: database.url, channel: CHANNEL, ttlMs: 60_000 });
    caches.push(cache);
    const { loads, load } = loader(1);
    await cache.read('1', load);
    await cache.read('1', load);
    expect(loads.count).toBe(2);
    await cache.start();
    expect(cache.listening).toBe(true);
    await cache.read('1', load);
    await cache.read('1', load);
    expect(loads.count).toBe(3);
    await cache.stop();
    expect(cache.listening).toBe(false);
    await cache.read('1', load);
    expect(loads.count).toBe(4);

    const short = await startedCache({ ttlMs: 1 });
    const counted = loader(1);
    await short.read('1', counted.load);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await short.read('1', counted.load);
    expect(counted.loads.count).toBe(2);
  });

  it('empties itself when its session is lost, reads through meanwhile, and listens again', async () => {
    const cache = await startedCache({ reconnectMs: 50 });
    const { loads, load } = loader(1);
    await cache.read('1', load);
    const { rows } = await sql.query<{ pid: number }>(
      `select pid from pg_stat_activity where application_name = '${CHANNEL} listener' and datname = current_database()`,
    );
    expect(rows).toHaveLength(1);
    await sql.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    await waitFor(() => !cache.listening);
    await cache.read('1', load); // not kept: read again
    await cache.whenListening();
    await cache.read('1', load);
    await cache.read('1', load);
    expect(loads.count).toBe(3);
    // Listening again for real: a change is noticed.
    const notice = cache.nextNotice();
    await sql.query(`update shop set key = 'after' where id = 1`);
    expect(await notice).toBe('1');
    expect(await cache.read('1', load)).toBe('after');
  });

  it('starts without PostgreSQL and reads through, never failing a read for it', async () => {
    const cache = new NotifiedCache<string>({
      url: 'postgres://nobody@127.0.0.1:1/none',
      channel: CHANNEL,
      ttlMs: 60_000,
      connectTimeoutMs: 500,
      reconnectMs: 60_000,
    });
    caches.push(cache);
    await cache.start();
    expect(cache.listening).toBe(false);
    const { loads, load } = loader(1);
    expect(await cache.read('1', load)).toBe('one');
    expect(await cache.read('1', load)).toBe('one');
    expect(loads.count).toBe(2);
  });

  it('refuses a channel name it would have to quote', () => {
    expect(
      () => new NotifiedCache({ url: database.url, channel: 'a"; drop table shop; --', ttlMs: 1 }),
    ).toThrow(/not a channel name/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

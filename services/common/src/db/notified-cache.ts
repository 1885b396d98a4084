import { EventEmitter, once } from 'node:events';
import { Client } from 'pg';
import { logger } from '../logging/logger';

export interface NotifiedCacheOptions {
  /** PostgreSQL itself: LISTEN needs a session of its own (not a transaction-pooling PgBouncer). */
  url: string;
  /** The channel the table's trigger notifies, with the changed row's key as payload (`*`: every row). */
  channel: string;
  /** Longest an entry is trusted without a notice: a safety net for a silently dead session. */
  ttlMs: number;
  /** Most entries kept; the oldest go first. */
  maxEntries?: number;
  /** Deadline of connecting and of LISTEN. */
  connectTimeoutMs?: number;
  /** Wait before listening again after the session is lost or could not be opened. */
  reconnectMs?: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Values read from PostgreSQL kept in memory, each dropped the moment PostgreSQL says its
 * row changed: a trigger on the table sends `pg_notify(channel, key)` when a change
 * commits, and this process listens on a session of its own. For reads on every request
 * whose rows rarely change (the merchant API's keys): the database is asked once, not
 * each time, and a change still counts within the notice's delivery (milliseconds).
 *
 * Safe by construction rather than by timing: while the session is not listening
 * (starting, lost, reconnecting, stopped) nothing is kept and every read goes to the
 * loader; a read overtaken by a notice (any key) is answered but not kept, so a value
 * loaded before a change can never outlive its notice; losing the session empties the
 * cache. `ttlMs` bounds an entry's life should a session die without PostgreSQL or the
 * socket saying so. Missing rows (`null`) are never kept.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly events = new EventEmitter();
  /** Moves on every notice and every loss of the session: a load that saw it move is not kept. */
  private generation = 0;
  private client: Client | null = null;
  private live = false;
  private stopped = true;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: NotifiedCacheOptions) {
    if (!CHANNEL_NAME.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  }

  /** Listens; resolves either way (a session that fails is retried, reads load meanwhile). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    this.forgetAll();
    await client?.end().catch(() => undefined);
  }

  /** Whether values are being kept now (the session listens). */
  get listening(): boolean {
    return this.live;
  }

  /** The kept value of `key`, else what `load` answers (kept when it is not null and nothing changed meanwhile). */
  async read(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (!this.live) return load();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > Date.now()) return kept.value;
    const generation = this.generation;
    const value = await load();
    if (value !== null && this.live && generation === this.generation) {
      this.entries.delete(key);
      if (this.entries.size >= (this.options.maxEntries ?? 10_000))
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, expiresAt: Date.now() + this.options.ttlMs });
    }
    return value;
  }

  /** Resolves with the key of the next notice this process receives. */
  nextNotice(): Promise<string> {
    return once(this.events, 'notice').then(([key]) => key as string);
  }

  /** Resolves once the session listens (at once if it does). */
  whenListening(): Promise<void> {
    return this.live ? Promise.resolve() : once(this.events, 'listening').then(() => undefined);
  }

  private async listen(): Promise<void> {
    const { url, channel, connectTimeoutMs = 5000 } = this.options;
    let client: Client | null = null;
    try {
      const session = new Client({
        connectionString: url,
        connectionTimeoutMillis: connectTimeoutMs,
        query_timeout: connectTimeoutMs,
        keepAlive: true,
        application_name: `${channel} listener`,
      });
      client = session;
      session.on('notification', (message) => {
        if (message.channel === channel) this.notice(message.payload ?? '*');
      });
      session.on('error', (error) => {
        logger().warn({ err: error, channel }, 'notification session failed');
        this.lost(session);
      });
      session.on('end', () => this.lost(session));
      await session.connect();
      await session.query(`listen "${channel}"`);
    } catch (error) {
      logger().warn({ err: error, channel }, 'could not listen for notifications; reading without a cache');
      await client?.end().catch(() => undefined);
      this.retryLater();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.live = true;
    this.events.emit('listening');
  }

  private lost(client: Client): void {
    if (client !== this.client) return;
    this.client = null;
    this.forgetAll();
    client.end().catch(() => undefined);
    this.retryLater();
  }

  private retryLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, this.options.reconnectMs ?? 1000);
    this.retry.unref();
  }

  private notice(key: string): void {
    this.generation += 1;
    if (key === '*') this.entries.clear();
    else this.entries.delete(key);
    this.events.emit('notice', key);
  }

  private forgetAll(): void {
    this.live = false;
    this.generation += 1;
    this.entries.clear();
  }
}

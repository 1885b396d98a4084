import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import type { PostingInput, PostingResult } from './posting.service';
import { postingFailure, toPostingEntry, type PostingEntry } from './posting-entry';

/** PostgreSQL's application_name of the batcher's connections (seen in pg_stat_activity). */
export const POSTING_BATCHER_APPLICATION = 'ledger-posting-batcher';

/** Deadlock and serialization failures: nothing was posted, the entry may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 4;

const POST_ENTRIES = {
  name: 'ledger_post_entries',
  text: 'select entry, posting_id, created, error_state, error_message from post_entries($1::jsonb)',
};

export interface PostingBatcherOptions {
  /** postgres:// URL of the ledger's database. */
  url: string;
  /** The ledger's schema (default `ledger`): tables and functions resolve there. */
  schema?: string;
  /** Batches in flight at once, one connection each (default 4: on 2 cores, 2 kept the CPUs idle between calls). */
  connections?: number;
  /** The most entries in one call (default 60: each entry is a subtransaction, and past 64 PostgreSQL's per-backend subtransaction cache overflows, which slows every other session's snapshots). */
  maxBatch?: number;
}

/**
 * The batch call failed as a whole (the connection broke, the server went away, the
 * statement failed outside any entry): every caller of that batch gets this error. The
 * call is one statement, so PostgreSQL posted none of it — unless the connection broke
 * after the commit, which the keys make safe to retry: a retry answers created = false.
 */
export class PostingBatchFailed extends Error {
  constructor(
    readonly entries: number,
    override readonly cause: unknown,
  ) {
    super(
      `a batch of ${entries} posting(s) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'PostingBatchFailed';
  }
}

interface Waiting {
  entry: PostingEntry;
  attempts: number;
  resolve: (result: PostingResult) => void;
  reject: (error: unknown) => void;
}

interface EntryRow {
  entry: number;
  posting_id: string | null;
  created: boolean | null;
  error_state: string | null;
  error_message: string | null;
}

/**
 * Group commit for postings. Callers `post` one entry each and get their own result;
 * whatever is queued when a connection is free goes to PostgreSQL in ONE statement
 * (`post_entries`, a prepared statement on a plain pg pool: no BEGIN/COMMIT round trips,
 * one commit for the batch). Each entry is still all-or-nothing and idempotent on its
 * key: an overdraft fails only its own caller (INSUFFICIENT_BALANCE, as `post` throws),
 * a deadlock victim is re-queued, and a failed call rejects its callers with
 * PostingBatchFailed. Under no load a posting goes out at once (a batch of one); under
 * load the batches grow by themselves while the previous calls run.
 */
export class PostingBatcher {
  private readonly pool: Pool;
  private readonly connections: number;
  private readonly maxBatch: number;
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closed = false;
  private idle: (() => void)[] = [];
  /** Calls made and entries sent, for the bench and the metrics. */
  readonly stats = { batches: 0, entries: 0, retries: 0 };

  constructor(options: PostingBatcherOptions) {
    const schema = options.schema ?? 'ledger';
    this.connections = options.connections ?? 4;
    this.maxBatch = options.maxBatch ?? 60;
    this.pool = new Pool({
      connectionString: options.url,
      max: this.connections,
      application_name: POSTING_BATCHER_APPLICATION,
      options: `-c search_path=${schema},public`,
    });
    // An idle connection that dies (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Posts one entry with the next batch; resolves or rejects with this entry's own outcome. */
  post(input: PostingInput): Promise<PostingResult> {
    if (this.closed)
      return Promise.reject(new PostingBatchFailed(1, new Error('the posting batcher is closed')));
    let entry: PostingEntry;
    try {
      entry = toPostingEntry(input);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, attempts: 1, resolve, reject });
      this.schedule();
    });
  }

  /** Waits for every queued posting, then closes the connections. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.inFlight > 0 || this.queue.length > 0) await new Promise<void>((done) => this.idle.push(done));
    await this.pool.end();
  }

  // Callers that enqueue in the same tick (a route applying a batch of events) share a call.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  // The queue is split evenly over the free connections: callers answered together come
  // back together, and one batch of all of them would leave the other connections (and
  // CPU cores) idle while it runs.
  private pump(): void {
    while (this.inFlight < this.connections && this.queue.length > 0) {
      const share = Math.ceil(this.queue.length / (this.connections - this.inFlight));
      const batch = this.queue.splice(0, Math.min(share, this.maxBatch));
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
        if (this.inFlight === 0 && this.queue.length === 0) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  private async send(batch: Waiting[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.entries += batch.length;
    let rows: EntryRow[];
    try {
      const result = await this.pool.query<EntryRow>({
        ...POST_ENTRIES,
        values: [JSON.stringify(batch.map((w) => w.entry))],
      });
      rows = result.rows;
    } catch (error) {
      const state = (error as { code?: unknown }).code;
      // The batch's up-front account locks lost a deadlock: nothing was posted, run it again.
      if (typeof state === 'string' && RETRYABLE.has(state)) {
        this.requeue(batch, () => new PostingBatchFailed(batch.length, error));
        return;
      }
      const failure = new PostingBatchFailed(batch.length, error);
      for (const w of batch) w.reject(failure);
      return;
    }
    const answered = new Set<number>();
    const retry: Waiting[] = [];
    for (const row of rows) {
      const w = batch[row.entry];
      if (!w || answered.has(row.entry)) continue;
      answered.add(row.entry);
      if (row.error_state === null) {
        w.resolve({ postingId: Number(row.posting_id), created: row.created === true });
      } else if (RETRYABLE.has(row.error_state)) {
        retry.push(w);
      } else {
        w.reject(postingFailure(w.entry.uniqueNo, row.error_state, row.error_message ?? ''));
      }
    }
    batch.forEach((w, i) => {
      if (!answered.has(i))
        w.reject(new PostingBatchFailed(batch.length, new Error(`no result for entry ${i}`)));
    });
    if (retry.length > 0) this.requeue(retry, () => new Error('deadlocked too often'));
  }

  private requeue(waiting: Waiting[], giveUp: () => Error): void {
    const again = waiting.filter((w) => {
      if (w.attempts < MAX_ATTEMPTS) return true;
      w.reject(giveUp());
      return false;
    });
    for (const w of again) w.attempts += 1;
    this.stats.retries += again.length;
    this.queue.unshift(...again);
    this.schedule();
  }
}

const batchers = new WeakMap<object, PostingBatcher>();

/**
 * Makes `post(em, …)` on this ORM's EntityManagers go through `batcher` whenever the
 * EntityManager is not inside a transaction (a posting inside one must stay in it).
 */
export function attachPostingBatcher(orm: MikroORM, batcher: PostingBatcher): void {
  batchers.set(orm.em.getDriver(), batcher);
}

export function detachPostingBatcher(orm: MikroORM): void {
  batchers.delete(orm.em.getDriver());
}

/** The batcher attached to this EntityManager's ORM, if any. */
export function postingBatcherOf(em: EntityManager): PostingBatcher | undefined {
  return batchers.get(em.getDriver());
}

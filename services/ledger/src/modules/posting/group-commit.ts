import type { Pool } from 'pg';

/** Deadlock and serialization failures: nothing was written, the entry may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 4;

/**
 * The call failed as a whole (the connection broke, the server went away, the statement
 * failed outside any entry): every caller of that call gets this error. The call is one
 * statement, so PostgreSQL wrote none of it — unless the connection broke after the
 * commit, which the entries' keys make safe to retry.
 */
export class PostingBatchFailed extends Error {
  constructor(
    readonly entries: number,
    override readonly cause: unknown,
  ) {
    super(
      `a batch of ${entries} entr${entries === 1 ? 'y' : 'ies'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'PostingBatchFailed';
  }
}

/** What every batch function returns per entry besides its own columns. */
export interface BatchRow {
  /** The entry's 0-based index in the call. */
  entry: number;
  /** The SQLSTATE that rolled the entry back (null: it went through). */
  error_state: string | null;
  error_message: string | null;
}

/**
 * A set-returning SQL function taking a JSON array of entries as `$1` and answering one
 * `BatchRow` per entry, each entry in its own subtransaction.
 */
export interface GroupCommitSpec<TEntry, TRow extends BatchRow, TResult> {
  /** Prepared statement name and text, e.g. `select … from post_entries($1::jsonb)`. */
  statement: { name: string; text: string };
  /** Batches in flight at once. */
  connections: number;
  /** The most entries in one call. */
  maxBatch: number;
  /** The caller's answer from its row (error_state null). */
  result(row: TRow, entry: TEntry): TResult;
  /** The caller's error from its row's SQLSTATE and message. */
  failure(entry: TEntry, state: string, message: string): Error;
}

interface Waiting<TEntry, TResult> {
  entry: TEntry;
  attempts: number;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of one batch function: callers `submit` one entry each and get their own
 * answer; whatever is queued when a connection is free goes to PostgreSQL in ONE
 * statement (prepared, no BEGIN/COMMIT round trips, one commit for the batch). A
 * deadlock victim is re-queued; a failed call rejects its callers with
 * PostingBatchFailed. Under no load an entry goes out at once (a batch of one); under
 * load the batches grow by themselves while the previous calls run.
 */
export class GroupCommit<TEntry, TRow extends BatchRow, TResult> {
  private readonly queue: Waiting<TEntry, TResult>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closed = false;
  private idle: (() => void)[] = [];
  /** Calls made and entries sent, for the bench and the metrics. */
  readonly stats = { batches: 0, entries: 0, retries: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly spec: GroupCommitSpec<TEntry, TRow, TResult>,
  ) {}

  /** Sends the entry with the next call; resolves or rejects with this entry's own outcome. */
  submit(entry: TEntry): Promise<TResult> {
    if (this.closed) return Promise.reject(new PostingBatchFailed(1, new Error('the batcher is closed')));
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, attempts: 1, resolve, reject });
      this.schedule();
    });
  }

  /** Stops taking entries and waits for every queued one. */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.inFlight > 0 || this.queue.length > 0) await new Promise<void>((done) => this.idle.push(done));
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
    const { connections, maxBatch } = this.spec;
    while (this.inFlight < connections && this.queue.length > 0) {
      const share = Math.ceil(this.queue.length / (connections - this.inFlight));
      const batch = this.queue.splice(0, Math.min(share, maxBatch));
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
        if (this.inFlight === 0 && this.queue.length === 0) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  private async send(batch: Waiting<TEntry, TResult>[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.entries += batch.length;
    let rows: TRow[];
    try {
      const result = await this.pool.query<TRow>({
        ...this.spec.statement,
        values: [JSON.stringify(batch.map((w) => w.entry))],
      });
      rows = result.rows;
    } catch (error) {
      const state = (error as { code?: unknown }).code;
      // The call's up-front locks lost a deadlock: nothing was written, run it again.
      if (typeof state === 'string' && RETRYABLE.has(state)) {
        this.requeue(batch, () => new PostingBatchFailed(batch.length, error));
        return;
      }
      const failure = new PostingBatchFailed(batch.length, error);
      for (const w of batch) w.reject(failure);
      return;
    }
    const answered = new Set<number>();
    const retry: Waiting<TEntry, TResult>[] = [];
    for (const row of rows) {
      const w = batch[row.entry];
      if (!w || answered.has(row.entry)) continue;
      answered.add(row.entry);
      if (row.error_state === null) {
        try {
          w.resolve(this.spec.result(row, w.entry));
        } catch (error) {
          w.reject(error);
        }
      } else if (RETRYABLE.has(row.error_state)) {
        retry.push(w);
      } else {
        w.reject(this.spec.failure(w.entry, row.error_state, row.error_message ?? ''));
      }
    }
    batch.forEach((w, i) => {
      if (!answered.has(i))
        w.reject(new PostingBatchFailed(batch.length, new Error(`no result for entry ${i}`)));
    });
    if (retry.length > 0) this.requeue(retry, () => new Error('deadlocked too often'));
  }

  private requeue(waiting: Waiting<TEntry, TResult>[], giveUp: () => Error): void {
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

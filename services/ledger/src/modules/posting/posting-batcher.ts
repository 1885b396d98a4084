import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import type { PostingInput, PostingResult } from './posting.service';
import { postingFailure, toPostingEntry, type PostingEntry } from './posting-entry';
import { GroupCommit, type BatchRow, type GroupCommitSpec } from './group-commit';

export { PostingBatchFailed } from './group-commit';

/** PostgreSQL's application_name of the batcher's connections (seen in pg_stat_activity). */
export const POSTING_BATCHER_APPLICATION = 'ledger-posting-batcher';

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

interface EntryRow extends BatchRow {
  posting_id: string | null;
  created: boolean | null;
}

/**
 * Group commit for postings (see GroupCommit): callers `post` one entry each and get
 * their own result, many entries going to PostgreSQL in one `post_entries` call. Each
 * entry is still all-or-nothing and idempotent on its key: an overdraft fails only its
 * own caller (INSUFFICIENT_BALANCE, as `post` throws). Other modules' batch functions
 * (a withdrawal request posts and records in one entry) share its connections through
 * `group`.
 */
export class PostingBatcher {
  private readonly pool: Pool;
  private readonly connections: number;
  private readonly maxBatch: number;
  private readonly postings: GroupCommit<PostingEntry, EntryRow, PostingResult>;
  private readonly groups = new Map<string, GroupCommit<never, BatchRow, unknown>>();

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
    this.postings = this.group({
      statement: POST_ENTRIES,
      result: (row) => ({ postingId: Number(row.posting_id), created: row.created === true }),
      failure: (entry, state, message) => postingFailure(entry.uniqueNo, state, message),
    });
  }

  /** Calls made and postings sent, for the bench and the metrics. */
  get stats(): GroupCommit<PostingEntry, EntryRow, PostingResult>['stats'] {
    return this.postings.stats;
  }

  /** Posts one entry with the next batch; resolves or rejects with this entry's own outcome. */
  post(input: PostingInput): Promise<PostingResult> {
    let entry: PostingEntry;
    try {
      entry = toPostingEntry(input);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.postings.submit(entry);
  }

  /**
   * The group commit of another batch function on the same connections (one per
   * statement name, made on first use), with the batcher's connection count and batch size.
   */
  group<TEntry, TRow extends BatchRow, TResult>(
    spec: Omit<GroupCommitSpec<TEntry, TRow, TResult>, 'connections' | 'maxBatch'>,
  ): GroupCommit<TEntry, TRow, TResult> {
    let group = this.groups.get(spec.statement.name);
    if (!group) {
      group = new GroupCommit(this.pool, {
        ...spec,
        connections: this.connections,
        maxBatch: this.maxBatch,
      }) as unknown as GroupCommit<never, BatchRow, unknown>;
      this.groups.set(spec.statement.name, group);
    }
    return group as unknown as GroupCommit<TEntry, TRow, TResult>;
  }

  /** Waits for every queued entry, then closes the connections. */
  async close(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => group.drain()));
    await this.pool.end();
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

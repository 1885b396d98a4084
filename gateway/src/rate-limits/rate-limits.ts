import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { logger } from '@pay/common';
import type { RateLimitConfig } from '../config';

/** Where the counts live: one table of the gateway's own schema, shared by every replica. */
export const RATE_LIMIT_SCHEMA = 'gateway';
export const RATE_LIMIT_TABLE = 'rate_limits';

/** The request limits: each counts requests of one key per window. */
export type RequestLimit = 'merchant' | 'ip' | 'actor';

/** What a limit answers: `null` — go ahead; a number — refused, retry after that many seconds. */
export type RetryAfter = number | null;

/**
 * The gateway's rate limits (rate-limiter-flexible): requests per merchant, per client IP
 * and per actor, and failures (bad signatures, failed sign-ins, wrong two-factor codes)
 * that block their key for a while once there are too many.
 *
 * Counts are kept in PostgreSQL (`gateway.rate_limits`) so that every gateway replica
 * sees the same numbers. Each limiter has an in-memory `insuranceLimiter` with the same
 * limits: when PostgreSQL does not answer (within a second), this process counts alone
 * until it does. Should even that fail, the request is let through (fail open): the
 * limits protect capacity and slow down guessing, and neither is worth refusing every
 * merchant's payment calls over; with the insurance counting per process, an outage
 * at worst multiplies a limit by the number of replicas while it lasts.
 */
export class RateLimits {
  private constructor(
    private readonly config: RateLimitConfig,
    private readonly requests: Record<RequestLimit, RateLimiterAbstract | null>,
    private readonly failureLimiter: RateLimiterAbstract | null,
    private readonly pool: Pool | null,
    private readonly retryTable: NodeJS.Timeout | null,
  ) {}

  /**
   * Builds the limiters; with a database URL, creates the schema and table first (every
   * replica does, concurrently and idempotently). If PostgreSQL cannot be reached at
   * start-up the gateway still starts, counting in memory until it can.
   */
  static async create(config: RateLimitConfig): Promise<RateLimits> {
    const pool = config.databaseUrl
      ? new Pool({
          connectionString: config.databaseUrl,
          max: 5,
          connectionTimeoutMillis: 1000,
          query_timeout: 1000,
          application_name: 'gateway-rate-limits',
        })
      : null;
    // An idle client's connection error must not crash the process (pg emits it on the pool).
    pool?.on('error', (error) => logger().warn({ err: error }, 'rate limit database connection failed'));
    const retryTable = pool && !(await ensureTable(pool)) ? retryEnsureTable(pool) : null;
    const limiter = (keyPrefix: string, points: number, duration: number, clearExpired = false) => {
      if (points <= 0) return null;
      const insuranceLimiter = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!pool) return insuranceLimiter;
      return new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        schemaName: RATE_LIMIT_SCHEMA,
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        // One limiter sweeps the shared table (rows expired an hour ago, every 5 minutes).
        clearExpiredByTimeout: clearExpired,
        keyPrefix,
        points,
        duration,
        insuranceLimiter,
      });
    };
    const window = config.windowSeconds;
    return new RateLimits(
      config,
      {
        merchant: limiter('merchant', config.perMerchant, window, true),
        ip: limiter('ip', config.perIp, window),
        actor: limiter('actor', config.perActor, window),
      },
      limiter('failures', config.failures, config.failureWindowSeconds),
      pool,
      retryTable,
    );
  }

  /** Counts one request of `key` against `limit`. */
  async hit(limit: RequestLimit, key: string): Promise<RetryAfter> {
    const limiter = this.requests[limit];
    if (!limiter) return null;
    try {
      await limiter.consume(storeKey(key));
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return retryAfterSeconds(rejection);
      logger().error({ err: rejection, limit }, 'rate limit not checked; request let through');
      return null;
    }
  }

  /** Whether `key` has failed too often lately (and for how long it is still refused). */
  async blocked(key: string): Promise<RetryAfter> {
    if (!this.failureLimiter) return null;
    try {
      const state = await this.failureLimiter.get(storeKey(key));
      return state && state.consumedPoints >= this.config.failures ? retryAfterSeconds(state) : null;
    } catch (error) {
      logger().error({ err: error }, 'failure limit not checked; request let through');
      return null;
    }
  }

  /** Counts a failure of `key`; the one that reaches the limit blocks the key for `blockSeconds`. */
  async fail(key: string): Promise<void> {
    if (!this.failureLimiter) return;
    const id = storeKey(key);
    try {
      const state = await this.failureLimiter.consume(id).catch((rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      });
      if (state.consumedPoints === this.config.failures)
        await this.failureLimiter.block(id, this.config.blockSeconds);
    } catch (error) {
      logger().error({ err: error }, 'failure not counted');
    }
  }

  async close(): Promise<void> {
    if (this.retryTable) clearInterval(this.retryTable);
    await this.pool?.end();
  }
}

/** Seconds until `state` lets the key in again, at least 1 (the Retry-After header's value). */
const retryAfterSeconds = (state: RateLimiterRes): number =>
  Math.max(1, Math.ceil(state.msBeforeNext / 1000));

/** Keys fit the table's varchar(255) with the limiter's prefix: long ones (OIDC subjects) are hashed. */
function storeKey(key: string): string {
  return key.length <= 160 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The table of RateLimiterPostgres, in the gateway's own schema (the library creates no
 * schema). False when PostgreSQL did not answer: the limiters count in memory meanwhile.
 */
async function ensureTable(pool: Pool): Promise<boolean> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"."${RATE_LIMIT_TABLE}" (
         key varchar(255) PRIMARY KEY,
         points integer NOT NULL DEFAULT 0,
         expire bigint
       )`,
    );
    return true;
  } catch (error) {
    // Two replicas starting together race on IF NOT EXISTS (unique_violation): the other one made it.
    if ((error as { code?: string }).code === '23505') return true;
    logger().error(
      { err: error },
      'rate limit table not created; counting in memory until PostgreSQL answers',
    );
    return false;
  }
}

/** Tries to create the table every 30 s until it exists. */
function retryEnsureTable(pool: Pool): NodeJS.Timeout {
  const timer: NodeJS.Timeout = setInterval(() => {
    void ensureTable(pool).then((done) => done && clearInterval(timer));
  }, 30_000);
  timer.unref();
  return timer;
}

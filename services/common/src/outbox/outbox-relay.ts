import type { MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../logging/logger';
import { outboxDelivered, outboxPending } from '../metrics/metrics';
import { pgArray } from '../db/pg-array';
import { inEventTraces, type TraceCarrier } from './event-trace';

export interface OutboxMessage {
  seq: string;
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** A consumer receives each event of its topics at least once, in `seq` order per batch. */
export interface OutboxConsumer {
  name: string;
  topics: string[];
  /** Must be idempotent on `message.id`; throwing leaves the batch pending for a retry. */
  handle(messages: OutboxMessage[]): Promise<void>;
}

interface Row {
  seq: string;
  id: string;
  topic: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
  trace_context: TraceCarrier | null;
}

export interface OutboxRelayOptions {
  intervalMs?: number;
  batchSize?: number;
  /** Pruning of delivered events; see `OutboxRetention`. */
  retention?: OutboxRetention;
}

/**
 * How long delivered events stay in the outbox. An event is pruned (with its receipts)
 * once every consumer of its topic has a receipt and the last receipt is older than
 * `hours`; an event still pending for any consumer, or whose topic no consumer takes, is
 * kept however old it is. Each pass deletes in batches of `batchSize` rows so no
 * statement holds locks for long.
 */
export interface OutboxRetention {
  /** Hours a delivered event is kept (OUTBOX_RETENTION_HOURS; default 168 = 7 days). */
  hours: number;
  /** How often the relay prunes (default every 10 minutes). */
  intervalMs?: number;
  /** Rows deleted per statement (default 1000). */
  batchSize?: number;
}

/** Seven days: long enough to look into a delivery problem, short enough to keep the tables small. */
export const DEFAULT_OUTBOX_RETENTION_HOURS = 168;

/**
 * Delivers outbox events to in-process consumers (which may forward them to other
 * services). Each consumer is served by one replica at a time (a transaction-scoped
 * advisory lock per consumer: row locks alone would let a second relay, whose snapshot
 * predates the first one's receipts, deliver a batch again), in `seq` order. The
 * receipt is written in the same transaction as the delivery: an event whose handler
 * failed stays pending and is retried; one that succeeded is not re-sent (consumers
 * still de-duplicate on the event id, since a crash between handle and commit
 * re-delivers).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private pruning: Promise<unknown> | undefined;
  private readonly retention: Required<OutboxRetention>;
  private stopped = true;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  /** Consumers whose last delivery failed: timer passes wait (0.5 s doubling, at most 10 s) before trying again. */
  private readonly failures = new Map<string, { count: number; retryAt: number }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly consumers: OutboxConsumer[],
    options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.retention = {
      hours: options.retention?.hours ?? DEFAULT_OUTBOX_RETENTION_HOURS,
      intervalMs: options.retention?.intervalMs ?? 10 * 60_000,
      batchSize: options.retention?.batchSize ?? 1000,
    };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
    this.schedulePrune(this.retention.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pruneTimer) clearTimeout(this.pruneTimer);
    await this.running;
    await this.pruning;
  }

  /**
   * Deletes delivered events older than the retention (and their receipts), batch by
   * batch, until none is left; returns how many events were deleted. Replicas may prune
   * at the same time: each skips the rows another one is deleting.
   */
  async prune(now: Date = new Date()): Promise<number> {
    const pairs = this.consumers.flatMap((c) => c.topics.map((topic) => ({ consumer: c.name, topic })));
    if (pairs.length === 0) return 0;
    const cutoff = new Date(now.getTime() - this.retention.hours * 3_600_000);
    const consumerList = pgArray(pairs.map((p) => p.consumer));
    const topicList = pgArray(pairs.map((p) => p.topic));
    let total = 0;
    for (;;) {
      const em = this.orm.em.fork();
      // Receipts and events go in one statement: the foreign key is checked at its end.
      const [row] = (await em.getConnection().execute(
        `with subscription as (
           select * from unnest(?::text[], ?::text[]) as s(consumer, topic)
         ), prunable as (
           select e.seq from outbox_event e
            where e.created_at < ?
              and e.topic in (select topic from subscription)
              and not exists (
                select 1 from subscription s
                 where s.topic = e.topic
                   and not exists (select 1 from outbox_delivery d where d.consumer = s.consumer and d.event_seq = e.seq))
              and not exists (select 1 from outbox_delivery d where d.event_seq = e.seq and d.delivered_at >= ?)
            order by e.seq
            limit ?
            for update skip locked
         ), receipts as (
           delete from outbox_delivery d using prunable p where d.event_seq = p.seq
         ), events as (
           delete from outbox_event e using prunable p where e.seq = p.seq returning 1
         )
         select count(*)::int as n from events`,
        [consumerList, topicList, cutoff, cutoff, this.retention.batchSize],
      )) as { n: number }[];
      const deleted = row?.n ?? 0;
      total += deleted;
      if (deleted < this.retention.batchSize) break;
    }
    if (total > 0) logger().info({ events: total, retentionHours: this.retention.hours }, 'outbox pruned');
    return total;
  }

  private schedulePrune(delay: number): void {
    this.pruneTimer = setTimeout(() => {
      this.pruning = this.prune()
        .catch((error: unknown) => logger().warn({ err: error }, 'outbox pruning failed; will retry'))
        .finally(() => {
          this.pruning = undefined;
          if (!this.stopped) this.schedulePrune(this.retention.intervalMs);
        });
    }, delay);
    this.pruneTimer.unref();
  }

  /** Asks for a pass soon (after a write), instead of waiting for the interval. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Delivers until nothing is pending for any consumer; returns how many were delivered. */
  async drain(options: { respectBackoff?: boolean } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      let delivered = 0;
      for (const consumer of this.consumers) {
        if (options.respectBackoff && (this.failures.get(consumer.name)?.retryAt ?? 0) > Date.now()) continue;
        delivered += await this.deliverBatch(consumer);
      }
      total += delivered;
      if (delivered === 0) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain({ respectBackoff: true })
        .then(() => this.refreshPendingGauge())
        .catch((error: unknown) => logger().error({ err: error }, 'outbox relay pass failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async deliverBatch(consumer: OutboxConsumer): Promise<number> {
    const em = this.orm.em.fork();
    try {
      const delivered = await em.transactional(async (tx) => {
        const connection = tx.getConnection();
        const ctx = tx.getTransactionContext();
        const [lock] = (await connection.execute(
          `select pg_try_advisory_xact_lock(hashtext(?)) as acquired`,
          [`outbox:${consumer.name}`],
          'all',
          ctx,
        )) as { acquired: boolean }[];
        if (!lock?.acquired) return 0;
        const rows = (await connection.execute(
          `select e.seq, e.id, e.topic, e.aggregate_id, e.payload, e.created_at, e.trace_context
             from outbox_event e
            where e.topic = any(?::text[])
              and not exists (select 1 from outbox_delivery d where d.consumer = ? and d.event_seq = e.seq)
            order by e.seq
            limit ?`,
          [pgArray(consumer.topics), consumer.name, this.batchSize],
          'all',
          ctx,
        )) as Row[];
        if (rows.length === 0) return 0;
        const messages = rows.map((r) => ({
          seq: String(r.seq),
          id: r.id,
          topic: r.topic,
          aggregateId: r.aggregate_id,
          payload: r.payload,
          createdAt: new Date(r.created_at),
        }));
        await inEventTraces(
          `outbox deliver ${consumer.name}`,
          rows.map((r) => r.trace_context),
          () => consumer.handle(messages),
        );
        await connection.execute(
          `insert into outbox_delivery (event_seq, consumer) select unnest(?::bigint[]), ? on conflict do nothing`,
          [pgArray(rows.map((r) => Number(r.seq))), consumer.name],
          'run',
          ctx,
        );
        outboxDelivered.inc({ consumer: consumer.name }, rows.length);
        return rows.length;
      });
      this.failures.delete(consumer.name);
      return delivered;
    } catch (error) {
      const count = (this.failures.get(consumer.name)?.count ?? 0) + 1;
      this.failures.set(consumer.name, {
        count,
        retryAt: Date.now() + Math.min(10_000, 500 * 2 ** (count - 1)),
      });
      const message = error instanceof Error ? error.message : String(error);
      logger().warn(
        { consumer: consumer.name, failures: count, reason: message },
        'outbox delivery failed; will retry',
      );
      return 0;
    }
  }

  private async refreshPendingGauge(): Promise<void> {
    const em = this.orm.em.fork();
    for (const consumer of this.consumers) {
      const [row] = (await em.getConnection().execute(
        `select count(*)::int as n from outbox_event e
          where e.topic = any(?::text[]) and not exists (select 1 from outbox_delivery d where d.consumer = ? and d.event_seq = e.seq)`,
        [pgArray(consumer.topics), consumer.name],
      )) as { n: number }[];
      outboxPending.set({ consumer: consumer.name }, row?.n ?? 0);
    }
  }
}

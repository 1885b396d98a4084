import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { currentTraceCarrier, type TraceCarrier } from './event-trace';

/**
 * A fact another service must learn about, written in the same transaction as the
 * change it describes (transactional outbox). The relay delivers it at least once;
 * consumers de-duplicate on `id`.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['topic', 'seq'] })
export class OutboxEvent {
  /** Delivery order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  /** The event id consumers de-duplicate on. */
  @Property({ type: 'uuid', unique: true })
  id: string = randomUUID();

  @Property({ length: 100 })
  topic!: string;

  /** The entity the event is about (e.g. the platform order number). */
  @Property({ length: 100 })
  aggregateId!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** The trace of the request that wrote the event (W3C trace context); null untraced. */
  @Property({ type: 'json', nullable: true })
  traceContext: TraceCarrier | null;

  constructor(topic: string, aggregateId: string, payload: Record<string, unknown>) {
    this.topic = topic;
    this.aggregateId = aggregateId;
    this.payload = payload;
    this.traceContext = currentTraceCarrier();
  }
}

/** Per-consumer delivery receipts: an event is pending for a consumer until it has one. */
export const OUTBOX_MIGRATION_SQL = [
  `create table "outbox_event" (
    "seq" bigserial primary key,
    "id" uuid not null unique,
    "topic" varchar(100) not null,
    "aggregate_id" varchar(100) not null,
    "payload" jsonb not null,
    "created_at" timestamptz not null default now()
  )`,
  `create index "outbox_event_topic_seq_index" on "outbox_event" ("topic", "seq")`,
  `create table "outbox_delivery" (
    "event_seq" bigint not null references "outbox_event" ("seq"),
    "consumer" varchar(100) not null,
    "delivered_at" timestamptz not null default now(),
    primary key ("consumer", "event_seq")
  )`,
];

/** The events' trace context (outbox tables made before it get it in a later migration). */
export const OUTBOX_TRACE_CONTEXT_SQL = `alter table "outbox_event" add column if not exists "trace_context" jsonb`;

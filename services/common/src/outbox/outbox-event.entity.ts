import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

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

  constructor(topic: string, aggregateId: string, payload: Record<string, unknown>) {
    this.topic = topic;
    this.aggregateId = aggregateId;
    this.payload = payload;
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

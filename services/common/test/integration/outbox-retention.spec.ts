import 'reflect-metadata';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase } from '../../src/db/orm';
import { pgArray } from '../../src/db/pg-array';
import { createTestDatabase } from '../../src/testkit/test-database';
import {
  OUTBOX_MIGRATION_SQL,
  OUTBOX_TRACE_CONTEXT_SQL,
  OutboxEvent,
} from '../../src/outbox/outbox-event.entity';
import { OutboxRelay, type OutboxConsumer } from '../../src/outbox/outbox-relay';

class OutboxOnly extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...OUTBOX_MIGRATION_SQL, OUTBOX_TRACE_CONTEXT_SQL]) this.addSql(sql);
  }
}

const consumer = (name: string, topics: string[]): OutboxConsumer => ({
  name,
  topics,
  handle: async () => {},
});

describe('OutboxRelay retention', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    orm = await openDatabase({
      url: db.url,
      schema: 'retention_test',
      entities: [OutboxEvent],
      migrations: [{ name: 'outbox', class: OutboxOnly }],
    });
  });
  afterAll(async () => {
    await orm.close(true);
    await drop();
  });

  const sql = (query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params);

  async function write(topic: string, aggregateId: string): Promise<string> {
    const em = orm.em.fork();
    const event = new OutboxEvent(topic, aggregateId, {});
    em.persist(event);
    await em.flush();
    return aggregateId;
  }

  /** Moves events (by aggregate id) and their receipts `hours` into the past. */
  async function age(aggregateIds: string[], hours: number, receiptsToo = true): Promise<void> {
    const ids = pgArray(aggregateIds);
    await sql(
      `update outbox_event set created_at = now() - ? * interval '1 hour' where aggregate_id = any(?::text[])`,
      [hours, ids],
    );
    if (receiptsToo)
      await sql(
        `update outbox_delivery set delivered_at = now() - ? * interval '1 hour'
          where event_seq in (select seq from outbox_event where aggregate_id = any(?::text[]))`,
        [hours, ids],
      );
  }

  const remaining = async () =>
    ((await sql('select aggregate_id from outbox_event order by seq')) as { aggregate_id: string }[]).map(
      (r) => r.aggregate_id,
    );

  it('deletes delivered events past the retention in bounded batches and keeps everything else', async () => {
    const ledger = consumer('ledger', ['order.paid', 'order.refunded']);
    const notifications = consumer('notifications', ['order.paid']);
    const oldDelivered = [];
    for (let i = 0; i < 5; i += 1) oldDelivered.push(await write('order.paid', `old-delivered-${i}`));
    oldDelivered.push(await write('order.refunded', 'old-refund-delivered'));
    await write('order.paid', 'recent-delivered');
    await write('order.paid', 'old-receipt-recent');
    await write('order.unrouted', 'old-no-consumer');
    // Delivered to both consumers, then a pending one: only the ledger has caught up on it.
    await new OutboxRelay(orm, [ledger, notifications]).drain();
    await write('order.paid', 'old-pending');
    await new OutboxRelay(orm, [ledger]).drain();

    await age([...oldDelivered, 'old-pending', 'old-no-consumer'], 24 * 8);
    await age(['old-receipt-recent'], 24 * 8, false);
    await age(['recent-delivered'], 24 * 6);

    const relay = new OutboxRelay(orm, [ledger, notifications], {
      retention: { hours: 24 * 7, batchSize: 2 },
    });
    expect(await relay.prune()).toBe(6);
    expect(await remaining()).toEqual([
      'recent-delivered',
      'old-receipt-recent',
      'old-no-consumer',
      'old-pending',
    ]);
    const receipts = (await sql(
      'select count(*)::int as n from outbox_delivery d where not exists (select 1 from outbox_event e where e.seq = d.event_seq)',
    )) as { n: number }[];
    expect(receipts[0]?.n).toBe(0);
    // Nothing more to do on the next pass; delivering the pending one makes it prunable once old.
    expect(await relay.prune()).toBe(0);
    await relay.drain();
    await age(['old-pending'], 24 * 8);
    expect(await relay.prune()).toBe(1);
    expect(await remaining()).toEqual(['recent-delivered', 'old-receipt-recent', 'old-no-consumer']);
  });
});

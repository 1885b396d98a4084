import 'reflect-metadata';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase } from '../../src/db/orm';
import { createTestDatabase } from '../../src/testkit/test-database';
import {
  OUTBOX_MIGRATION_SQL,
  OUTBOX_TRACE_CONTEXT_SQL,
  OutboxEvent,
} from '../../src/outbox/outbox-event.entity';
import { OutboxRelay, type OutboxConsumer, type OutboxMessage } from '../../src/outbox/outbox-relay';

class OutboxOnly extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...OUTBOX_MIGRATION_SQL, OUTBOX_TRACE_CONTEXT_SQL]) this.addSql(sql);
  }
}

function recordingConsumer(
  name: string,
  topics: string[],
  failTimes = 0,
): OutboxConsumer & { seen: OutboxMessage[]; calls: number } {
  const consumer = {
    name,
    topics,
    seen: [] as OutboxMessage[],
    calls: 0,
    async handle(messages: OutboxMessage[]) {
      consumer.calls += 1;
      if (consumer.calls <= failTimes) throw new Error('consumer is down');
      consumer.seen.push(...messages);
    },
  };
  return consumer;
}

describe('OutboxRelay', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    orm = await openDatabase({
      url: db.url,
      schema: 'relay_test',
      entities: [OutboxEvent],
      migrations: [{ name: 'outbox', class: OutboxOnly }],
    });
  });
  afterAll(async () => {
    await orm.close(true);
    await drop();
  });

  async function write(topic: string, n: number): Promise<string[]> {
    const em = orm.em.fork();
    const events = Array.from({ length: n }, (_, i) => new OutboxEvent(topic, `agg-${topic}-${i}`, { i }));
    for (const e of events) em.persist(e);
    await em.flush();
    return events.map((e) => e.id);
  }

  it('delivers each event of its topics once per consumer, in order, and survives a restart', async () => {
    const paid = await write('order.paid', 150);
    await write('order.other', 5);
    const notifications = recordingConsumer('notifications', ['order.paid']);
    const ledger = recordingConsumer('ledger', ['order.paid', 'order.other']);
    const first = new OutboxRelay(orm, [notifications, ledger], { batchSize: 40 });
    expect(await first.drain()).toBe(155 + 150);
    expect(notifications.seen.map((m) => m.id)).toEqual(paid);
    expect(ledger.seen).toHaveLength(155);

    // A new relay (a restarted process) finds nothing left for these consumers…
    const restarted = new OutboxRelay(orm, [notifications, ledger]);
    expect(await restarted.drain()).toBe(0);
    // …but a consumer that never ran catches up on everything.
    const late = recordingConsumer('late', ['order.paid']);
    expect(await new OutboxRelay(orm, [late]).drain()).toBe(150);
    expect(new Set(late.seen.map((m) => m.id)).size).toBe(150);
  });

  it('leaves a batch pending while its consumer fails and delivers it once it recovers', async () => {
    await write('order.flaky', 3);
    const flaky = recordingConsumer('flaky', ['order.flaky'], 2);
    const relay = new OutboxRelay(orm, [flaky]);
    expect(await relay.drain()).toBe(0);
    expect(await relay.drain()).toBe(0);
    expect(await relay.drain()).toBe(3);
    expect(flaky.seen).toHaveLength(3);
    expect(await relay.drain()).toBe(0);
  });

  it('never hands the same event to two relays running at once', async () => {
    await write('order.concurrent', 200);
    const a = recordingConsumer('shared', ['order.concurrent']);
    const b = recordingConsumer('shared', ['order.concurrent']);
    const [da, db] = await Promise.all([
      new OutboxRelay(orm, [a], { batchSize: 25 }).drain(),
      new OutboxRelay(orm, [b], { batchSize: 25 }).drain(),
    ]);
    expect(da + db).toBe(200);
    const ids = [...a.seen, ...b.seen].map((m) => m.id);
    expect(new Set(ids).size).toBe(200);
  });
});

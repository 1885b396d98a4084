import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { logger, type Actor, type JobQueue, type OutboxConsumer } from '@pay/common';
import { Merchant } from '../merchant/merchant.entity';
import { Order } from '../order/order.entity';
import { OrderAudit } from '../order/order-audit.entity';
import { CREDITED_STATUSES, NotifyStatus } from '../order/order-status';
import { ORDER_TOPICS } from '../order/order-events';
import { NotifyLog } from './notify-log.entity';
import { buildNotifyPayload, encodeNotifyPayload } from './notify-payload';

export const NOTIFY_QUEUE = 'merchant-notify';
/**
 * An attempt is one HTTP call with a deadline plus a few statements; a job still active
 * well after that belongs to a worker that died mid-attempt (SIGKILL, crash) and is
 * handed out again, instead of waiting out pg-boss's 15-minute default. A loop's whole
 * batch runs at once, so one attempt's bound is the batch's.
 */
export function notifyJobExpirySeconds(settings: Pick<NotifySettings, 'timeoutMs'>): number {
  return Math.ceil(settings.timeoutMs / 1000) * 2 + 5;
}
/**
 * Concurrent fetch loops of the notification worker in one orders process, and jobs a
 * loop takes at once: up to 4 × 20 attempts every half second (pg-boss's shortest
 * polling interval), while a slow merchant holds up only its own loop's batch.
 */
const NOTIFY_WORKERS = 4;
const NOTIFY_BATCH = 20;

export interface NotifyJob {
  orderId: number;
  /** Same for every attempt of one notification, so merchants can de-duplicate. */
  eventId: string;
  attempt: number;
}

export interface NotifySettings {
  /** Delay before attempt n+1 after attempt n failed, in seconds; its length bounds the retries. */
  scheduleSeconds: number[];
  timeoutMs: number;
}

/** Outbox consumer: each paid (or released) order gets its first notification attempt queued. */
export function notificationConsumer(jobs: JobQueue, settings: NotifySettings): OutboxConsumer {
  const expireInSeconds = notifyJobExpirySeconds(settings);
  return {
    name: 'merchant-notifications',
    topics: [ORDER_TOPICS.PAID, ORDER_TOPICS.RELEASED],
    async handle(messages) {
      for (const message of messages) {
        const job: NotifyJob = { orderId: Number(message.payload.orderId), eventId: message.id, attempt: 1 };
        // The event id doubles as the job id: a re-delivered event queues nothing new.
        await jobs.send(NOTIFY_QUEUE, job, {
          id: message.id,
          retryLimit: 3,
          expireInSeconds,
        });
      }
    },
  };
}

const MAX_BODY = 2000;

/**
 * One notification attempt: POST the signed fx* payload to the order's notify URL.
 * The answer `success` means delivered; anything else, an error status or a timeout
 * schedules the next attempt by the back-off, until the schedule runs out and the
 * notification is parked as failed. Every attempt is a notify log.
 */
export async function attemptNotification(
  orm: MikroORM,
  jobs: JobQueue,
  settings: NotifySettings,
  job: NotifyJob,
): Promise<boolean> {
  const em = orm.em.fork();
  const order = await em.findOne(Order, { id: job.orderId });
  if (!order) return false;
  const merchant = await em.findOneOrFail(Merchant, { id: order.merchant.id }, { populate: ['signingKey'] });
  const payload = buildNotifyPayload(order, merchant.signingKey);
  const { body, contentType } = encodeNotifyPayload(payload, order.notifyStyle);
  const started = Date.now();
  let httpStatus: number | null = null;
  let responseBody = '';
  try {
    const response = await fetch(order.notifyUrl, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-event-id': job.eventId,
        'x-event-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-notify-attempt': String(job.attempt),
        'user-agent': 'payoffice-notifier/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    httpStatus = response.status;
    responseBody = (await response.text()).slice(0, MAX_BODY);
  } catch (error) {
    responseBody = `transport error: ${error instanceof Error ? error.message : String(error)}`.slice(
      0,
      MAX_BODY,
    );
  }
  const delivered = httpStatus !== null && httpStatus < 300 && responseBody.trim() === 'success';
  em.create(NotifyLog, {
    order,
    eventId: job.eventId,
    attempt: job.attempt,
    callbackUrl: order.notifyUrl,
    requestPayload: payload,
    httpStatus,
    responseBody,
    delivered,
    durationMs: Date.now() - started,
  });
  await em.flush();
  // A plain update: notification bookkeeping must not race the order's version.
  await em
    .getConnection()
    .execute(`update "order" set notify_attempts = notify_attempts + 1, notify_status = ? where id = ?`, [
      delivered ? NotifyStatus.SUCCESS : NotifyStatus.FAILED,
      order.id,
    ]);
  if (!delivered) {
    const delay = settings.scheduleSeconds[job.attempt - 1];
    if (delay !== undefined) {
      await jobs.send(
        NOTIFY_QUEUE,
        { ...job, attempt: job.attempt + 1 },
        {
          startAfter: new Date(Date.now() + delay * 1000),
          retryLimit: 3,
          expireInSeconds: notifyJobExpirySeconds(settings),
        },
      );
    } else {
      logger().warn({ orderId: order.id, attempts: job.attempt }, 'merchant notification parked as failed');
    }
  }
  return delivered;
}

/** Starts the worker that makes notification attempts. */
export async function startNotificationWorker(
  orm: MikroORM,
  jobs: JobQueue,
  settings: NotifySettings,
): Promise<void> {
  // Several fetch loops: one loop waits for its whole batch (the slowest merchant in it)
  // and then for the rest of its polling interval, which capped a process at about ten
  // notifications a second while payments came in faster (bench/payment-e2e.mjs).
  for (let i = 0; i < NOTIFY_WORKERS; i += 1) {
    await jobs.work<NotifyJob>(
      NOTIFY_QUEUE,
      { batchSize: NOTIFY_BATCH, pollingIntervalSeconds: 0.5 },
      async (batch) => {
        await Promise.all(batch.map((job) => attemptNotification(orm, jobs, settings, job.data)));
      },
    );
  }
}

/** Queues a fresh round of attempts for paid orders (operators' "resend"). */
export async function resendNotifications(
  em: EntityManager,
  jobs: JobQueue,
  settings: NotifySettings,
  platformOrderNos: string[],
  actor: Actor,
): Promise<{ queued: number; skipped: string[] }> {
  const orders = await em.find(Order, {
    platformOrderNo: { $in: platformOrderNos },
    status: { $in: [...CREDITED_STATUSES] },
  });
  const found = new Set(orders.map((o) => o.platformOrderNo));
  // Re-use each order's last event id so merchants see the same notification again.
  const lastEventIds = new Map<number, string>();
  const logs = await em.find(
    NotifyLog,
    { order: { $in: orders.map((o) => o.id) } },
    { orderBy: { id: 'asc' }, fields: ['eventId', 'order'] },
  );
  for (const log of logs) lastEventIds.set(log.order.id, log.eventId);
  for (const order of orders) {
    const job: NotifyJob = {
      orderId: order.id,
      eventId: lastEventIds.get(order.id) ?? randomUUID(),
      attempt: 1,
    };
    await jobs.send(NOTIFY_QUEUE, job, { retryLimit: 3, expireInSeconds: notifyJobExpirySeconds(settings) });
    em.create(OrderAudit, {
      order,
      action: 'RESEND_NOTIFICATION',
      actor: actor.sub,
      actorRole: actor.role,
      fromStatus: order.status,
      toStatus: order.status,
    });
  }
  await em.flush();
  return { queued: orders.length, skipped: platformOrderNos.filter((no) => !found.has(no)) };
}

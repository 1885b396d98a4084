import {
  ACTOR_HEADER,
  AppError,
  isErrorCode,
  signActorHeader,
  type OutboxConsumer,
  type OutboxMessage,
} from '@pay/common';

export type DeliverableEvent = Pick<OutboxMessage, 'id' | 'topic' | 'payload'> & { seq?: string };

/**
 * A service that hears about order events (the ledger, reconciliation): its internal
 * `POST /internal/order-events`, called with a signed SYSTEM actor.
 */
export interface EventSink {
  deliver(events: DeliverableEvent[]): Promise<void>;
}

/**
 * Each delivery is bounded by `timeoutMs` (INTERNAL_CALL_TIMEOUT_MS); no answer in time, no
 * connection or a failure status is DEPENDENCY_UNAVAILABLE (the outbox retries it later).
 */
export function httpEventSink(baseUrl: string, internalSecret: string, timeoutMs = 10_000): EventSink {
  const unavailable = (reason: string) =>
    new AppError('DEPENDENCY_UNAVAILABLE', `${baseUrl} ${reason}`, { url: baseUrl });
  return {
    async deliver(events) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/internal/order-events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [ACTOR_HEADER]: signActorHeader({ sub: 'service:orders', role: 'SYSTEM' }, internalSecret),
          },
          body: JSON.stringify({
            events: events.map((e) => ({ id: e.id, seq: e.seq, topic: e.topic, payload: e.payload })),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw unavailable(
          (error as Error).name === 'TimeoutError'
            ? `did not answer within ${timeoutMs} ms`
            : `could not be reached: ${(error as Error).message}`,
        );
      }
      if (response.ok) return;
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      // A business refusal (e.g. the merchant's balance cannot cover a reversal) is typed;
      // anything else is the receiver being unavailable.
      if (response.status === 409 && isErrorCode(body.code)) throw new AppError(body.code, body.message);
      throw unavailable(`answered ${response.status}: ${body.message ?? ''}`);
    },
  };
}

/** Outbox consumer forwarding the given topics to a sink, at least once. */
export function forwardingConsumer(name: string, topics: string[], sink: EventSink): OutboxConsumer {
  return { name, topics, handle: (messages) => sink.deliver(messages) };
}

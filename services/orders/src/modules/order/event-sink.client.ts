import {
  createInternalClient,
  orderEventsDeliveryContract,
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
 * Delivers to `service`'s `POST /internal/order-events` through the one internal client
 * (signed SYSTEM actor, request id, a deadline of `timeoutMs`, INTERNAL_CALL_TIMEOUT_MS):
 * a business refusal (e.g. the merchant's balance cannot cover a reversal) keeps its
 * code; no answer in time, no connection or a failure status is DEPENDENCY_UNAVAILABLE
 * (the outbox retries it later).
 */
export function httpEventSink(
  service: string,
  baseUrl: string,
  internalSecret: string,
  timeoutMs = 10_000,
): EventSink {
  const call = createInternalClient({
    service,
    baseUrl,
    caller: { sub: 'service:orders', role: 'SYSTEM' },
    internalSecret,
    timeoutMs,
  });
  return {
    async deliver(events) {
      await call(orderEventsDeliveryContract, {
        events: events.map((e) => ({ id: e.id, seq: e.seq, topic: e.topic, payload: e.payload })),
      });
    },
  };
}

/** Outbox consumer forwarding the given topics to a sink, at least once. */
export function forwardingConsumer(name: string, topics: string[], sink: EventSink): OutboxConsumer {
  return { name, topics, handle: (messages) => sink.deliver(messages) };
}

import {
  ACTOR_HEADER,
  AppError,
  isErrorCode,
  signActorHeader,
  type OutboxConsumer,
  type OutboxMessage,
} from '@pay/common';
import { ORDER_TOPICS } from './order-events';

/** Where the ledger hears about order events: its internal endpoint, called with a signed SYSTEM actor. */
export interface LedgerClient {
  deliver(events: Pick<OutboxMessage, 'id' | 'topic' | 'payload'>[]): Promise<void>;
}

export function httpLedgerClient(
  ledgerUrl: string,
  internalSecret: string,
  timeoutMs = 10_000,
): LedgerClient {
  return {
    async deliver(events) {
      const response = await fetch(`${ledgerUrl}/internal/order-events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader({ sub: 'service:orders', role: 'SYSTEM' }, internalSecret),
        },
        body: JSON.stringify({
          events: events.map((e) => ({ id: e.id, topic: e.topic, payload: e.payload })),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return;
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      // A business refusal (e.g. the merchant's balance cannot cover a reversal) is typed;
      // anything else is the ledger being unavailable.
      if (response.status === 409 && isErrorCode(body.code)) throw new AppError(body.code, body.message);
      throw new Error(`ledger answered ${response.status}: ${body.message ?? ''}`);
    },
  };
}

/** Outbox consumer: every money-moving order event goes to the ledger, at least once. */
export function ledgerConsumer(ledger: LedgerClient): OutboxConsumer {
  return {
    name: 'ledger',
    topics: Object.values(ORDER_TOPICS),
    handle: (messages) => ledger.deliver(messages),
  };
}

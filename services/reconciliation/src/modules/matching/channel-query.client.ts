import { z } from 'zod';
import { ACTOR_HEADER, requestIdHeader, signActorHeader } from '@pay/common';

/** What the channel says about one order (the sandbox upstream's `GET /sandbox/query/:platformOrderNo`). */
export interface ChannelAnswer {
  /** SUCCESS, NOTPAY, NOT_FOUND, REFUND — or FAILED when the query itself failed. */
  tradeState: string;
  /** Amount in fen, when the channel knows the order. */
  amount: number | null;
  transactionId: string | null;
  /** Why the query failed (FAILED only). */
  error?: string;
}

/** Asks the channel about an order. */
export interface ChannelQuery {
  query(platformOrderNo: string): Promise<ChannelAnswer>;
}

const answerSchema = z.object({
  trade_state: z.string().min(1).max(20),
  amount: z.number().int().nonnegative().nullable().optional(),
  transaction_id: z.string().max(64).nullable().optional(),
});

/**
 * The sandbox upstream inside the orders service answers order queries as a channel
 * would. Calls carry a signed SYSTEM actor: the endpoint is not open to the world.
 */
export function sandboxChannelQuery(
  ordersUrl: string,
  internalSecret: string,
  timeoutMs = 5000,
): ChannelQuery {
  const base = ordersUrl.replace(/\/graphql$/, '').replace(/\/$/, '');
  return {
    async query(platformOrderNo) {
      try {
        const response = await fetch(`${base}/sandbox/query/${encodeURIComponent(platformOrderNo)}`, {
          headers: {
            [ACTOR_HEADER]: signActorHeader({ sub: 'reconciliation', role: 'SYSTEM' }, internalSecret),
            ...requestIdHeader(),
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok && response.status !== 404) {
          return {
            tradeState: 'FAILED',
            amount: null,
            transactionId: null,
            error: `HTTP ${response.status}`,
          };
        }
        const parsed = answerSchema.safeParse(await response.json());
        if (!parsed.success) {
          return { tradeState: 'FAILED', amount: null, transactionId: null, error: 'unreadable answer' };
        }
        return {
          tradeState: parsed.data.trade_state,
          amount: parsed.data.amount ?? null,
          transactionId: parsed.data.transaction_id ?? null,
        };
      } catch (error) {
        return {
          tradeState: 'FAILED',
          amount: null,
          transactionId: null,
          error: error instanceof Error ? error.name : 'network error',
        };
      }
    },
  };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

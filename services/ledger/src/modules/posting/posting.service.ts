import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Fen } from '@pay/common';
import type { AccountRef } from '../account/account-purpose';
import type { PostingType } from './posting-type';

export interface LegInput extends AccountRef {
  /** Signed change of the account's balance in fen; a posting's legs sum to zero. */
  amount: Fen;
  /** This leg's money-log text; the posting's description when absent. */
  description?: string;
  /** This leg's money-log type; the posting's type when absent (e.g. an agent's commission leg). */
  type?: PostingType;
}

export interface PostingInput {
  /** The idempotency key (`unique_no`): the same key never posts twice. */
  uniqueNo: string;
  type: PostingType;
  description: string;
  orderNo?: string | null;
  /** The platform order number of the order that caused the posting (`Order.postings`). */
  platformOrderNo?: string | null;
  /** When what the posting records happened (an order's payment); now when absent. T+1 release counts from it. */
  effectiveAt?: Date | null;
  actor: string;
  /** The posting this one corrects. */
  reverses?: number | null;
  legs: LegInput[];
}

export interface PostingResult {
  postingId: number;
  /** False when a posting with this key existed: nothing was posted again. */
  created: boolean;
}

/**
 * Writes one double-entry posting through `post_entry` (one round trip): balanced
 * legs, idempotent on the key, all or nothing. A debit that would take an account that
 * may not go negative below zero fails with INSUFFICIENT_BALANCE and posts nothing.
 */
export async function post(em: EntityManager, input: PostingInput): Promise<PostingResult> {
  const legs = input.legs.filter((leg) => leg.amount !== 0);
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amount))
      throw new RangeError(`leg amount ${leg.amount} is not an integer number of fen`);
  }
  try {
    const [row] = (await em
      .getConnection()
      .execute(
        'select posting_id, created from post_entry(?, ?, ?, ?, ?, ?, ?::jsonb, ?::text, ?::timestamptz)',
        [
          input.uniqueNo,
          input.type,
          input.description,
          input.orderNo ?? null,
          input.actor,
          input.reverses ?? null,
          JSON.stringify(legs),
          input.platformOrderNo ?? null,
          input.effectiveAt ?? null,
        ],
        'all',
        em.getTransactionContext(),
      )) as { posting_id: string; created: boolean }[];
    return { postingId: Number(row!.posting_id), created: row!.created };
  } catch (error) {
    if (error instanceof Error && error.message.includes('INSUFFICIENT_BALANCE')) {
      throw new AppError('INSUFFICIENT_BALANCE', '余额不足');
    }
    throw error;
  }
}

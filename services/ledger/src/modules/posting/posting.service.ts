import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Fen } from '@pay/common';
import type { AccountRef } from '../account/account-purpose';
import type { PostingType } from './posting-type';
import { postingBatcherOf } from './posting-batcher';
import { toPostingEntry } from './posting-entry';

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
 * Writes one double-entry posting: balanced legs, idempotent on the key, all or
 * nothing. A debit that would take an account that may not go negative below zero fails
 * with INSUFFICIENT_BALANCE and posts nothing.
 *
 * Inside a transaction the posting is one `post_entry` call in it. Outside one, when the
 * ORM has a PostingBatcher attached (the service does), it goes with the next group
 * commit; otherwise it is one `post_entry` call on its own (one round trip).
 */
export async function post(em: EntityManager, input: PostingInput): Promise<PostingResult> {
  const trx = em.getTransactionContext();
  const batcher = trx ? undefined : postingBatcherOf(em);
  if (batcher) return batcher.post(input);
  const entry = toPostingEntry(input);
  try {
    const [row] = (await em
      .getConnection()
      .execute(
        'select posting_id, created from post_entry(?, ?, ?, ?, ?, ?, ?::jsonb, ?::text, ?::timestamptz)',
        [
          entry.uniqueNo,
          entry.type,
          entry.description,
          entry.orderNo,
          entry.actor,
          entry.reverses,
          JSON.stringify(entry.legs),
          entry.platformOrderNo,
          entry.effectiveAt,
        ],
        'all',
        trx,
      )) as { posting_id: string; created: boolean }[];
    return { postingId: Number(row!.posting_id), created: row!.created };
  } catch (error) {
    if (error instanceof Error && error.message.includes('INSUFFICIENT_BALANCE')) {
      throw new AppError('INSUFFICIENT_BALANCE', '余额不足');
    }
    throw error;
  }
}

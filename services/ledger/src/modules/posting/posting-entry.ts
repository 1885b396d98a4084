import { AppError } from '@pay/common';
import type { LegInput, PostingInput } from './posting.service';

/** A posting as `post_entry`'s and `post_entries`' JSON expects it. */
export interface PostingEntry {
  uniqueNo: string;
  type: number;
  description: string;
  orderNo: string | null;
  actor: string;
  reverses: number | null;
  legs: LegInput[];
  platformOrderNo: string | null;
  effectiveAt: string | null;
}

/** The legs that move money (zero legs dropped), each checked to be a whole number of fen. */
export function movingLegs(input: PostingInput): LegInput[] {
  const legs = input.legs.filter((leg) => leg.amount !== 0);
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amount))
      throw new RangeError(`leg amount ${leg.amount} is not an integer number of fen`);
  }
  return legs;
}

export function toPostingEntry(input: PostingInput): PostingEntry {
  return {
    uniqueNo: input.uniqueNo,
    type: input.type,
    description: input.description,
    orderNo: input.orderNo ?? null,
    actor: input.actor,
    reverses: input.reverses ?? null,
    legs: movingLegs(input),
    platformOrderNo: input.platformOrderNo ?? null,
    effectiveAt: input.effectiveAt ? input.effectiveAt.toISOString() : null,
  };
}

/**
 * A posting PostgreSQL refused for a reason other than an overdraft (an unbalanced
 * posting, an unknown account purpose, …): a bug in the caller, masked as
 * INTERNAL_SERVER_ERROR by `formatError`. `sqlState` is PostgreSQL's error code.
 */
export class PostingRefused extends Error {
  constructor(
    readonly uniqueNo: string,
    readonly sqlState: string,
    message: string,
  ) {
    super(`posting ${uniqueNo} refused (${sqlState}): ${message}`);
    this.name = 'PostingRefused';
  }
}

/** The error a caller gets for its entry's failure, overdrafts typed as today. */
export function postingFailure(uniqueNo: string, sqlState: string, message: string): Error {
  if (message.includes('INSUFFICIENT_BALANCE')) return new AppError('INSUFFICIENT_BALANCE', '余额不足');
  return new PostingRefused(uniqueNo, sqlState, message);
}

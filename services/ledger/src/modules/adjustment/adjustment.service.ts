import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Fen, amountArgument } from '@pay/common';
import { ADJUSTMENT, AccountPurpose, merchantAccount, OwnerType } from '../account/account-purpose';
import { post } from '../posting/posting.service';
import { PostingType } from '../posting/posting-type';
import { Leg } from '../posting/leg.entity';

export interface AdjustBalanceCommand {
  merchantId: number;
  /** Signed yuan text, e.g. "-12.50". */
  amount: string;
  reason: string;
  requestId: string;
  /** Who asks (the actor's subject). */
  actor: string;
}

const REQUEST_ID = /^\S{1,100}$/;

/** The idempotency key of an adjustment. */
export const adjustmentKey = (requestId: string) => `adjust:${requestId}`;

function parseAdjustment(command: AdjustBalanceCommand): { amount: Fen; reason: string; requestId: string } {
  if (!Number.isSafeInteger(command.merchantId) || command.merchantId <= 0) {
    throw new AppError('BAD_USER_INPUT', 'merchantId must be a positive integer', { argument: 'merchantId' });
  }
  const amount = amountArgument(command.amount, 'amount', 'nonZero');
  const reason = command.reason.trim();
  if (reason.length < 1 || reason.length > 200) {
    throw new AppError('BAD_USER_INPUT', 'reason is required (1–200 characters)', { argument: 'reason' });
  }
  const requestId = command.requestId.trim();
  if (!REQUEST_ID.test(requestId)) {
    throw new AppError('BAD_USER_INPUT', 'requestId must be 1–100 characters without spaces', {
      argument: 'requestId',
    });
  }
  return { amount, reason, requestId };
}

/**
 * Credits (positive) or debits (negative) a merchant's available balance against the
 * platform's ADJUSTMENT account, as one posting keyed by the caller's requestId. A debit
 * the available balance cannot cover fails with INSUFFICIENT_BALANCE and posts nothing.
 * Repeating a requestId returns the first posting; reusing it for a different merchant
 * or amount is refused.
 */
export async function adjustBalance(
  em: EntityManager,
  command: AdjustBalanceCommand,
): Promise<{ postingId: number; created: boolean }> {
  const { amount, reason, requestId } = parseAdjustment(command);
  const result = await post(em, {
    uniqueNo: adjustmentKey(requestId),
    type: PostingType.ADJUSTMENT,
    description: reason,
    actor: command.actor,
    legs: [
      { ...ADJUSTMENT, amount: -amount },
      { ...merchantAccount(command.merchantId, AccountPurpose.MERCHANT_AVAILABLE), amount },
    ],
  });
  if (!result.created) {
    const legs = await em.find(Leg, { posting: result.postingId }, { populate: ['account'] });
    const mine = legs.find(
      (l) =>
        l.account.ownerType === OwnerType.MERCHANT &&
        l.account.ownerId === String(command.merchantId) &&
        l.account.purpose === AccountPurpose.MERCHANT_AVAILABLE,
    );
    if (!mine || mine.amount !== amount || mine.type !== PostingType.ADJUSTMENT) {
      throw new AppError('BAD_USER_INPUT', 'requestId was already used for a different adjustment', {
        argument: 'requestId',
      });
    }
  }
  return result;
}

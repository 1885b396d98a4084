import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Fen } from '@pay/common';

/*
 * The rules of main and child accounts (account-clearing-api.md):
 *
 * - A PAID incoming payment credits the main account with amount − inFee
 *   (inFee = amount × in-fee rate, half-up); WAITING and FAILED ones move nothing, and a
 *   WAITING one that becomes PAID posts then.
 * - A clearing (清分) takes amount + shareFee from the main account's balance and credits
 *   the child with the amount; it fails with INSUFFICIENT_BALANCE, changing nothing,
 *   when the balance cannot cover both.
 * - A child withdrawal takes amount + withdrawFee from the child's balance and pays the
 *   amount out.
 * - Every fee goes to PLATFORM_REVENUE. Each command writes its record and its posting in
 *   one transaction.
 *
 * Hence, per main account (the spec's 未清分的金额 + 清分的费用 + 已清分金额 = 总计的收款金额,
 * with the received total taken net of the in-fee):
 *
 *   balance + totalShareFee + totalShareAmount = totalInAmount − totalInFee
 *
 * `clearingDrift` (main-account/main-account.query.ts) lists the main accounts that break it.
 *
 * Idempotency: a `clientSn` is used once per main account (per child for withdrawals).
 * Repeating a request with the same clientSn and the same details returns the existing
 * record with `created: false` and posts nothing; the same clientSn with different
 * details (another amount, child or pay way) is DUPLICATE_CLIENT_SN.
 */

export interface Created<T> {
  record: T;
  /** False when the record existed (a repeated request): nothing was written again. */
  created: boolean;
}

/**
 * Creates a record (and its posting) once. A repeat finds the existing record; a
 * concurrent twin loses on the unique key, rolls back, and finds the winner's.
 */
export async function createOnce<T>(
  em: EntityManager,
  find: () => Promise<T | null>,
  sameRequest: (existing: T) => boolean,
  create: (tx: EntityManager) => Promise<T>,
): Promise<Created<T>> {
  const repeat = (existing: T): Created<T> => {
    if (!sameRequest(existing))
      throw new AppError('DUPLICATE_CLIENT_SN', 'clientSn was used before for a different request', {
        argument: 'clientSn',
      });
    return { record: existing, created: false };
  };
  const existing = await find();
  if (existing) return repeat(existing);
  try {
    return { record: await em.transactional(create), created: true };
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return repeat(winner);
  }
}

export interface ChildMoveCommand {
  childPhone: string;
  amount: Fen;
  clientSn: string;
}

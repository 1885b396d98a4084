import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type RatePpm } from '@pay/common';
import { MainAccount } from './main-account.entity';
import { checkUnionId } from '../clearing-rules';

export interface CreateMainAccountCommand {
  /** Generated (the next free number from 100001) when absent. */
  mainAccountUid?: number | null;
  /** Generated when absent. */
  unionId?: string | null;
  merchantId?: number | null;
  inFeeRatePpm: RatePpm;
  shareFeeRatePpm: RatePpm;
  withdrawFeeRatePpm: RatePpm;
  /** Only the demo seeder sets a key; otherwise a random one is generated. */
  apiKey?: string;
}

/** Opens a main account; returns it with its API key, which is never readable again. */
export async function createMainAccount(
  em: EntityManager,
  command: CreateMainAccountCommand,
): Promise<{ mainAccount: MainAccount; apiKey: string }> {
  const uid = command.mainAccountUid;
  if (uid != null && (!Number.isInteger(uid) || uid <= 0))
    throw new AppError('BAD_USER_INPUT', 'mainAccountUid must be a positive integer', {
      argument: 'mainAccountUid',
    });
  if (command.merchantId != null && (!Number.isInteger(command.merchantId) || command.merchantId <= 0))
    throw new AppError('BAD_USER_INPUT', 'merchantId must be a positive integer', { argument: 'merchantId' });
  const unionId = command.unionId ? checkUnionId(command.unionId) : randomBytes(16).toString('hex');
  const apiKey = command.apiKey ?? randomBytes(16).toString('hex');

  return em.transactional(async (tx) => {
    if (uid != null && (await tx.count(MainAccount, { mainAccountUid: uid })) > 0)
      throw new AppError('BAD_USER_INPUT', `main account uid ${uid} is taken`, {
        argument: 'mainAccountUid',
      });
    if ((await tx.count(MainAccount, { unionId })) > 0)
      throw new AppError('BAD_USER_INPUT', 'unionId is taken', { argument: 'unionId' });
    let mainAccountUid = uid;
    if (mainAccountUid == null) {
      const [row] = (await tx
        .getConnection()
        .execute(
          'select coalesce(max(main_account_uid), 100000) + 1 as next from main_account',
          [],
          'all',
          tx.getTransactionContext(),
        )) as { next: number | string }[];
      mainAccountUid = Number(row!.next);
    }
    const mainAccount = tx.create(MainAccount, {
      mainAccountUid,
      unionId,
      apiKey,
      merchantId: command.merchantId ?? null,
      inFeeRatePpm: command.inFeeRatePpm,
      shareFeeRatePpm: command.shareFeeRatePpm,
      withdrawFeeRatePpm: command.withdrawFeeRatePpm,
    });
    try {
      await tx.flush();
    } catch (error) {
      // Two creations at once drew the same uid (or sent the same unionId): one wins.
      if (error instanceof UniqueConstraintViolationException) {
        throw new AppError(
          'CONFLICT',
          'another main account was created with the same uid or unionId; retry',
        );
      }
      throw error;
    }
    return { mainAccount, apiKey };
  });
}

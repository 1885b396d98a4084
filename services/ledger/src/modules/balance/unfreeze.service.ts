import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  formatChinaDate,
  logger,
  startOfChinaDay,
  type Fen,
  type JobQueue,
  CHINA_TIME_ZONE,
} from '@pay/common';
import { AccountPurpose, merchantAccount, OwnerType } from '../account/account-purpose';
import { post } from '../posting/posting.service';
import { PostingType } from '../posting/posting-type';

/** The pg-boss queue of the daily unfreeze. */
export const UNFREEZE_QUEUE = 'unfreeze-merchant-income';
/** 00:05 China time: income of the day before becomes withdrawable (T+1). */
export const UNFREEZE_CRON = '5 0 * * *';

const UNFREEZE_ACTOR = 'system:unfreeze';
const UNFREEZE_DESCRIPTION = '冻结资金解冻';

export interface UnfreezeResult {
  merchantId: number;
  /** Fen moved from frozen to available (0: nothing older than today was frozen). */
  amount: Fen;
  postingId: number | null;
  /** False when nothing was posted now (nothing to move, or already unfrozen today). */
  created: boolean;
}

/** The idempotency key of a merchant's unfreeze on a China day. */
export const unfreezeKey = (merchantId: number, now: Date) =>
  `unfreeze:${merchantId}:${formatChinaDate(now)}`;

/**
 * Moves a merchant's frozen income from before today (China time) to its available
 * balance: one posting FROZEN → AVAILABLE, keyed per merchant and day so it posts at
 * most once a day. Today's frozen legs stay frozen: today's credits and the reversals of
 * today's credits. Reversals of older credits and earlier unfreezes do not count as
 * today's. The frozen account is locked while the amount is computed, so a concurrent
 * reversal cannot make it move more than is there.
 */
export async function unfreezeMerchant(
  em: EntityManager,
  merchantId: number,
  now: Date = new Date(),
): Promise<UnfreezeResult> {
  const uniqueNo = unfreezeKey(merchantId, now);
  const startOfToday = startOfChinaDay(now);
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const trx = tx.getTransactionContext();
    const [account] = (await conn.execute(
      `select id, balance from account where owner_type = ? and owner_id = ? and purpose = ? for update`,
      [OwnerType.MERCHANT, String(merchantId), AccountPurpose.MERCHANT_FROZEN],
      'all',
      trx,
    )) as { id: string; balance: string }[];
    const frozen = account ? Number(account.balance) : 0;
    if (frozen <= 0) return { merchantId, amount: 0, postingId: null, created: false };
    const [release] = (await conn.execute(
      `select unfreezable_amount(?, ?) as amount`,
      [account!.id, startOfToday],
      'all',
      trx,
    )) as { amount: string }[];
    const amount = Number(release!.amount);
    if (amount === 0) return { merchantId, amount: 0, postingId: null, created: false };
    const result = await post(tx, {
      uniqueNo,
      type: PostingType.UNFREEZE,
      description: UNFREEZE_DESCRIPTION,
      actor: UNFREEZE_ACTOR,
      legs: [
        { ...merchantAccount(merchantId, AccountPurpose.MERCHANT_FROZEN), amount: -amount },
        { ...merchantAccount(merchantId, AccountPurpose.MERCHANT_AVAILABLE), amount },
      ],
    });
    return { merchantId, amount: result.created ? amount : 0, ...result };
  });
}

/**
 * The daily run: every merchant with frozen money (found in one query) gets its
 * unfreeze, each in its own transaction so one failure does not hold back the others.
 * Throws after the loop when any failed, so the job is retried (it is idempotent).
 */
export async function unfreezeAllMerchants(
  orm: MikroORM,
  now: Date = new Date(),
): Promise<{ merchants: number; amount: Fen; failed: number }> {
  const rows = (await orm.em
    .fork()
    .getConnection()
    .execute(
      `select owner_id from account where owner_type = ? and purpose = ? and balance > 0 order by id`,
      [OwnerType.MERCHANT, AccountPurpose.MERCHANT_FROZEN],
    )) as { owner_id: string }[];
  let moved = 0;
  let amount = 0;
  let failed = 0;
  for (const { owner_id } of rows) {
    try {
      const result = await unfreezeMerchant(orm.em.fork(), Number(owner_id), now);
      if (result.created) {
        moved += 1;
        amount += result.amount;
      }
    } catch (error) {
      failed += 1;
      logger().error({ err: error, merchantId: owner_id }, 'unfreeze failed');
    }
  }
  logger().info({ merchants: moved, amount, failed, day: formatChinaDate(now) }, 'merchant income unfrozen');
  if (failed > 0) throw new Error(`unfreeze failed for ${failed} merchant(s); see the log`);
  return { merchants: moved, amount, failed };
}

/**
 * Works the unfreeze queue, schedules it daily at 00:05 China time and runs it once now
 * (a service that was down at 00:05 catches up at start-up).
 */
export async function startUnfreezeWorker(orm: MikroORM, jobs: JobQueue): Promise<void> {
  await jobs.work(UNFREEZE_QUEUE, async () => {
    await unfreezeAllMerchants(orm);
  });
  await jobs.schedule(UNFREEZE_QUEUE, UNFREEZE_CRON, {}, { tz: CHINA_TIME_ZONE });
  try {
    await unfreezeAllMerchants(orm);
  } catch (error) {
    // The scheduled run retries; start-up goes on.
    logger().error({ err: error }, 'start-up unfreeze failed');
  }
}

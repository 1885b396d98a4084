import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '@pay/common';
import { ChildWithdrawal } from './child-withdrawal.entity';
import type { TimeRange } from '../clearing-rules';
import { timeFilter, type Page } from '../clearing-sql';

/** Withdrawals of all children of a main account, newest first (`withdraw_detail`). */
export async function listChildWithdrawals(
  em: EntityManager,
  mainAccountId: number,
  range: TimeRange,
  window: PageWindow,
): Promise<Page<ChildWithdrawal>> {
  const genTime = timeFilter(range);
  const [items, total] = await em.findAndCount(
    ChildWithdrawal,
    { child: { mainAccount: mainAccountId }, ...(genTime ? { genTime } : {}) },
    { orderBy: { genTime: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
}

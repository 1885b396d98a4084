import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '@pay/common';
import { Clearing } from './clearing-record.entity';
import type { TimeRange } from '../clearing-rules';
import { timeFilter, type Page } from '../clearing-sql';

/** Clearings of a main account, newest first (`shared_detail`). */
export async function listClearings(
  em: EntityManager,
  mainAccountId: number,
  range: TimeRange,
  window: PageWindow,
): Promise<Page<Clearing>> {
  const genTime = timeFilter(range);
  const [items, total] = await em.findAndCount(
    Clearing,
    { mainAccount: mainAccountId, ...(genTime ? { genTime } : {}) },
    { orderBy: { genTime: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
  );
  return { items, total };
}

import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '@pay/common';
import { IncomingPayment, IncomingPaymentStatus } from './incoming-payment.entity';
import type { TimeRange } from '../clearing-rules';
import { timeFilter, type Page } from '../clearing-sql';

/** Incoming payments of a main account, newest first (`in_detail`). */
export async function listIncomingPayments(
  em: EntityManager,
  mainAccountId: number,
  filter: { range: TimeRange; status?: IncomingPaymentStatus | null },
  window: PageWindow,
): Promise<Page<IncomingPayment>> {
  const genTime = timeFilter(filter.range);
  const where: FilterQuery<IncomingPayment> = {
    mainAccount: mainAccountId,
    ...(genTime ? { genTime } : {}),
    ...(filter.status != null ? { status: filter.status } : {}),
  };
  const [items, total] = await em.findAndCount(IncomingPayment, where, {
    orderBy: { genTime: 'desc', id: 'desc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

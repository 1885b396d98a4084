import type { EntityManager } from '@mikro-orm/postgresql';
import { raw, type ObjectQuery } from '@mikro-orm/core';
import { AppError, type PageWindow } from '@pay/common';
import { Order } from './order.entity';
import { OrderStatus, STATUS_PRESENTATION } from './order-status';

/** Filters of the order list (`/orders`). */
export interface OrderListFilter {
  merchantId?: number;
  /** Legacy status codes: 0 pending (incl. manually cancelled), 1 paid, 2 withheld. */
  statusCode?: number | null;
  statuses?: OrderStatus[] | null;
  merchantOrderNo?: string | null;
  platformOrderNo?: string | null;
  channelCode?: string | null;
  pzid?: number | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  paidFrom?: Date | null;
  paidTo?: Date | null;
  minAmount?: number | null;
  maxAmount?: number | null;
}

export interface OrderSummary {
  orderCount: number;
  grossAmount: number;
  merchantIncome: number;
  agentIncome: number;
}

function statusesFor(filter: OrderListFilter): OrderStatus[] | undefined {
  let statuses = filter.statuses ?? undefined;
  if (filter.statusCode != null) {
    if (![0, 1, 2].includes(filter.statusCode)) {
      throw new AppError('BAD_USER_INPUT', 'status must be 0, 1 or 2', { argument: 'statusCode' });
    }
    const byCode = Object.values(OrderStatus).filter(
      (s) => STATUS_PRESENTATION[s].merchantCode === filter.statusCode,
    );
    statuses = statuses ? statuses.filter((s) => byCode.includes(s)) : byCode;
  }
  return statuses;
}

function range<T>(from: T | null | undefined, to: T | null | undefined): { $gte?: T; $lte?: T } | undefined {
  if (from == null && to == null) return undefined;
  return { ...(from != null ? { $gte: from } : {}), ...(to != null ? { $lte: to } : {}) };
}

export function orderWhere(filter: OrderListFilter): ObjectQuery<Order> {
  if (filter.minAmount != null && filter.maxAmount != null && filter.minAmount > filter.maxAmount) {
    throw new AppError('BAD_USER_INPUT', 'minAmount is greater than maxAmount', { argument: 'minAmount' });
  }
  const where: Record<string, unknown> = {};
  if (filter.merchantId !== undefined) where.merchant = filter.merchantId;
  const statuses = statusesFor(filter);
  if (statuses) where.status = { $in: statuses };
  if (filter.merchantOrderNo) where.merchantOrderNo = filter.merchantOrderNo;
  if (filter.platformOrderNo) where.platformOrderNo = filter.platformOrderNo;
  if (filter.channelCode) where.channel = filter.channelCode;
  if (filter.pzid != null) where.upstreamConfig = filter.pzid;
  const created = range(filter.createdFrom, filter.createdTo);
  if (created) where.createdAt = created;
  const paid = range(filter.paidFrom, filter.paidTo);
  if (paid) where.paidAt = paid;
  const amount = range(filter.minAmount, filter.maxAmount);
  if (amount) where.amount = amount;
  return where as ObjectQuery<Order>;
}

/** One page of orders, newest first, and the total count. */
export async function listOrders(
  em: EntityManager,
  filter: OrderListFilter,
  window: PageWindow,
): Promise<{ items: Order[]; total: number }> {
  const [items, total] = await em.findAndCount(Order, orderWhere(filter), {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: window.limit,
    offset: window.offset,
  });
  return { items, total };
}

/** Totals over every order matching the filter (not just the page): gross, merchant and agent income. */
export async function summarizeOrders(em: EntityManager, filter: OrderListFilter): Promise<OrderSummary> {
  const qb = em
    .createQueryBuilder(Order, 'o')
    // raw(): plain strings would be quoted as column names ("o"."count(*)::int").
    .select([
      raw('count(*)::int as order_count'),
      raw('coalesce(sum(o.amount), 0)::bigint as gross'),
      raw('coalesce(sum(o.merchant_income), 0)::bigint as merchant_income'),
      raw('coalesce(sum(o.agent_income), 0)::bigint as agent_income'),
    ])
    .where(orderWhere(filter));
  const row = (await qb.execute('get', false)) as unknown as {
    order_count: number;
    gross: string;
    merchant_income: string;
    agent_income: string;
  };
  return {
    orderCount: row.order_count,
    grossAmount: Number(row.gross),
    merchantIncome: Number(row.merchant_income),
    agentIncome: Number(row.agent_income),
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent, type Actor } from '@pay/common';
import type { Order } from './order.entity';

/** Outbox topics the orders service publishes; every one moves (or decides) money. */
export const ORDER_TOPICS = {
  /** Paid by callback or manual complete: credit the split. */
  PAID: 'order.paid',
  /** Paid but withheld (扣量): credit nothing until released. */
  WITHHELD: 'order.withheld',
  /** A withheld order released by manual complete: credit the split now. */
  RELEASED: 'order.released',
  /** A paid order cancelled manually: reverse its credit. */
  REVERSED: 'order.reversed',
} as const;

export type OrderTopic = (typeof ORDER_TOPICS)[keyof typeof ORDER_TOPICS];

/** The payload every order event carries: enough for the ledger to post without calling back. */
export function orderEventPayload(order: Order, source: string, actor?: Actor): Record<string, unknown> {
  return {
    orderId: order.id,
    platformOrderNo: order.platformOrderNo,
    merchantId: order.merchant.id,
    merchantOrderNo: order.merchantOrderNo,
    channelCode: order.channel.code,
    pzid: order.upstreamConfig.pzid,
    agentId: order.agentId,
    amount: order.amount,
    merchantIncome: order.merchantIncome,
    agentIncome: order.agentIncome,
    channelFee: order.channelFee,
    upstreamCost: order.upstreamCost,
    platformProfit: order.platformProfit,
    status: order.status,
    paidAt: order.paidAt?.toISOString() ?? null,
    source,
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
  };
}

/** Adds the event to the unit of work, so it commits in the same transaction as the change. */
export function recordOrderEvent(
  em: EntityManager,
  topic: OrderTopic,
  order: Order,
  source: string,
  actor?: Actor,
): OutboxEvent {
  const event = new OutboxEvent(topic, order.platformOrderNo, orderEventPayload(order, source, actor));
  em.persist(event);
  return event;
}

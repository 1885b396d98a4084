import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ORDER_STATE_TOPIC,
  orderMoneyPayloadSchema,
  orderStatePayloadSchema,
  OutboxEvent,
  type Actor,
  type OrderMoneyPayload,
  type OrderMoneyTopic,
} from '@pay/common';
import type { Order } from './order.entity';
import { STATUS_PRESENTATION } from './order-status';

/** Outbox topics the orders service publishes; every one moves (or decides) money (the shared contract's names). */
export const ORDER_TOPICS = {
  /** Paid by callback or manual complete: credit the split. */
  PAID: 'order.paid',
  /** Paid but withheld (扣量): credit nothing until released. */
  WITHHELD: 'order.withheld',
  /** A withheld order released by manual complete: credit the split now. */
  RELEASED: 'order.released',
  /** A paid order cancelled manually: reverse its credit. */
  REVERSED: 'order.reversed',
  /** A credited order refunded by the platform: take its credit back. */
  REFUNDED: 'order.refunded',
} as const satisfies Record<string, OrderMoneyTopic>;

export type OrderTopic = (typeof ORDER_TOPICS)[keyof typeof ORDER_TOPICS];

/** The payload every order event carries: enough for the ledger to post without calling back. */
export function orderEventPayload(
  order: Order,
  source: string,
  actor?: Actor,
  creditSeq = order.creditSeq,
): OrderMoneyPayload {
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
    creditSeq,
    source,
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
  };
}

/**
 * The event for a change, numbered by credit: each credit of an order (paid, released)
 * gets the next `creditSeq`, a reversal names the credit it reverses. The ledger keys
 * its postings on these numbers, so every delivery of one event posts once.
 */
export function orderEvent(topic: OrderTopic, order: Order, source: string, actor?: Actor): OutboxEvent {
  let creditSeq = order.creditSeq;
  if (topic === ORDER_TOPICS.PAID || topic === ORDER_TOPICS.RELEASED) order.creditSeq += 1;
  if (topic === ORDER_TOPICS.REVERSED || topic === ORDER_TOPICS.REFUNDED) creditSeq = order.creditSeq - 1;
  // Checked against the receivers' contract here, in the change's transaction: an event
  // they would refuse must fail the change, not sit in the outbox retried for ever.
  const payload = orderMoneyPayloadSchema.parse(orderEventPayload(order, source, actor, creditSeq));
  return new OutboxEvent(topic, order.platformOrderNo, payload);
}

/** Adds the event to the unit of work, so it commits in the same transaction as the change. */
export function recordOrderEvent(
  em: EntityManager,
  topic: OrderTopic,
  order: Order,
  source: string,
  actor?: Actor,
): OutboxEvent {
  const event = orderEvent(topic, order, source, actor);
  em.persist(event);
  return event;
}

/**
 * Not about money: an order's whole current state (ORDER_STATE_TOPIC), written with every
 * change (creation included) for services that keep a copy — reconciliation matches
 * channel statements against it. Consumers keep the state of the highest outbox `seq`
 * they have seen.
 */
export function recordOrderState(em: EntityManager, order: Order): OutboxEvent {
  const presentation = STATUS_PRESENTATION[order.status];
  const payload = orderStatePayloadSchema.parse({
    platformOrderNo: order.platformOrderNo,
    upstreamOrderNo: order.upstreamOrderNo,
    merchantId: order.merchant.id,
    merchantName: order.merchant.name,
    merchantOrderNo: order.merchantOrderNo,
    channelCode: order.channel.code,
    payType: order.channel.payType,
    amount: order.amount,
    fee: order.channelFee + order.agentIncome,
    status: order.status,
    statusCode: presentation.merchantCode,
    adminStatusCode: presentation.adminCode,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    storeId: order.storeId,
    cashierId: order.cashierId,
    deviceNo: order.deviceNo,
    payerId: order.payerId,
    payerNickname: order.payerNickname,
  });
  const event = new OutboxEvent(ORDER_STATE_TOPIC, order.platformOrderNo, payload);
  em.persist(event);
  return event;
}

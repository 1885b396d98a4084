import { orderMoneyPayloadSchema, ORDER_STATE_TOPIC } from '@pay/common';
import type { Order } from './order.entity';
import { orderEvent, ORDER_TOPICS } from './order-events';

/** Just what an order event reads of an order. */
const order = (overrides: Partial<Record<keyof Order, unknown>> = {}) =>
  ({
    id: 41,
    platformOrderNo: 'H25111623144996156788',
    merchant: { id: 2024164 },
    merchantOrderNo: 'M-1',
    channel: { code: 'zfbwthf' },
    upstreamConfig: { pzid: 332 },
    agentId: null,
    amount: 10000,
    merchantIncome: 8850,
    agentIncome: 0,
    channelFee: 1150,
    upstreamCost: 50,
    platformProfit: 1100,
    status: 'PAID',
    paidAt: new Date('2025-11-16T15:16:49Z'),
    creditSeq: 0,
    ...overrides,
  }) as unknown as Order;

describe('order events as the orders service writes them', () => {
  it('carry the payload the receivers’ shared contract describes, numbered by credit', () => {
    const paid = order();
    const event = orderEvent(ORDER_TOPICS.PAID, paid, 'callback');
    expect(orderMoneyPayloadSchema.parse(event.payload)).toEqual(event.payload);
    expect(event.payload).toMatchObject({
      creditSeq: 0,
      merchantIncome: 8850,
      source: 'callback',
      actor: null,
    });
    expect(paid.creditSeq).toBe(1);
    // A reversal names the credit it reverses.
    expect(orderEvent(ORDER_TOPICS.REVERSED, paid, 'manual-cancel').payload.creditSeq).toBe(0);
    expect(ORDER_STATE_TOPIC).toBe('order.state');
  });

  it('refuses, when written, an event the receivers would refuse (it would block the relay)', () => {
    expect(() => orderEvent(ORDER_TOPICS.PAID, order({ amount: 0 }), 'callback')).toThrow(/amount/);
    expect(() =>
      orderEvent(ORDER_TOPICS.PAID, order({ platformOrderNo: 'X'.repeat(40) }), 'callback'),
    ).toThrow(/platformOrderNo/);
  });
});

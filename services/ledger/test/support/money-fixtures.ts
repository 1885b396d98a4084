import { randomUUID } from 'node:crypto';
import { ACTOR_HEADER, dataOf, errorCodes, signActorHeader, type GraphQLResponse } from '@pay/common';
import type { OrderEvent } from '../../src/modules/order-events/order-event';
import { ACTORS, type LedgerTestApp } from './ledger-app';

export const MERCHANT_A = ACTORS.merchant.merchantId;
export const MERCHANT_B = ACTORS.otherMerchant.merchantId;

let platformSeq = 0;

export interface PaidOrder {
  merchantId: number;
  merchantOrderNo: string;
  platformOrderNo: string;
  /** Fen. */
  amount: number;
  merchantIncome: number;
}

/**
 * A paid order's event with the demo split (merchant 88.5 %, upstream 0.5 %, platform
 * the rest; no agent) unless told otherwise.
 */
export function paidOrder(
  merchantId: number,
  merchantOrderNo: string,
  amount: number,
  overrides: Partial<OrderEvent['payload']> = {},
): OrderEvent {
  platformSeq += 1;
  const merchantIncome = Math.round((amount * 885) / 1000);
  const upstreamCost = Math.round((amount * 5) / 1000);
  const payload: OrderEvent['payload'] = {
    orderId: platformSeq,
    platformOrderNo: `P${Date.now()}${String(platformSeq).padStart(4, '0')}`,
    merchantId,
    merchantOrderNo,
    channelCode: 'alipay_wap',
    pzid: 7,
    agentId: null,
    amount,
    merchantIncome,
    agentIncome: 0,
    channelFee: amount - merchantIncome,
    upstreamCost,
    platformProfit: amount - merchantIncome - upstreamCost,
    creditSeq: 0,
    paidAt: new Date().toISOString(),
    status: 'PAID',
    source: 'callback',
    actor: null,
    ...overrides,
  };
  return { id: randomUUID(), topic: 'order.paid', payload };
}

/** The event that reverses a paid order's credit. */
export const reversalOf = (paid: OrderEvent): OrderEvent => ({
  id: randomUUID(),
  topic: 'order.reversed',
  payload: paid.payload,
});

/** Delivers order events as the orders service's relay does; fails on anything but 200. */
export async function deliver(app: LedgerTestApp, ...events: OrderEvent[]): Promise<void> {
  const response = await fetch(`${app.baseUrl}/internal/order-events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [ACTOR_HEADER]: signActorHeader(ACTORS.system, app.config.auth.internalSecret),
    },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 200) throw new Error(`order events: ${response.status} ${await response.text()}`);
}

/** The credit key of a paid order (`<merchant id><merchant order no>_bd0`). */
export const creditKey = (e: OrderEvent) => `${e.payload.merchantId}${e.payload.merchantOrderNo}_bd0`;

/** Moves a posting and its legs to another instant (tests of day boundaries). */
export async function backdate(app: LedgerTestApp, uniqueNo: string, at: Date): Promise<void> {
  const conn = app.orm.em.fork().getConnection();
  const [row] = (await conn.execute('select id from posting where unique_no = ?', [uniqueNo])) as {
    id: string;
  }[];
  if (!row) throw new Error(`no posting ${uniqueNo}`);
  await conn.execute('update posting set created_at = ?, effective_at = ? where id = ?', [at, at, row.id]);
  await conn.execute('update leg set created_at = ? where posting_id = ?', [at, row.id]);
}

/** Raw counts, to prove that a refused command left no trace. */
export async function ledgerCounts(app: LedgerTestApp): Promise<{ postings: number; legs: number }> {
  const [row] = (await app.orm.em
    .fork()
    .getConnection()
    .execute(
      'select (select count(*)::int from posting) as postings, (select count(*)::int from leg) as legs',
    )) as { postings: number; legs: number }[];
  return row!;
}

/** Fails unless the response carries exactly this error code first. */
export function expectError(result: { status: number; body: GraphQLResponse<unknown> }, code: string): void {
  const codes = errorCodes(result);
  if (codes[0] !== code) {
    throw new Error(`expected ${code}, got ${JSON.stringify(result.body.errors ?? result.body.data)}`);
  }
}

export const ADJUST = `mutation ($input: AdjustBalanceInput!) {
  adjustBalance(input: $input) { created posting { id uniqueNo type typeName description actor }
    balance { available frozen } }
}`;

/** Adjusts a merchant's available balance as the operator; returns the posting's key. */
export async function adjust(
  app: LedgerTestApp,
  merchantId: number,
  amount: string,
  reason = 'test adjustment',
): Promise<string> {
  const requestId = randomUUID();
  const data = dataOf(
    await app.gql<{ adjustBalance: { posting: { uniqueNo: string } } }>(ADJUST, {
      input: { merchantId, amount, reason, requestId },
    }),
  );
  return data.adjustBalance.posting.uniqueNo;
}

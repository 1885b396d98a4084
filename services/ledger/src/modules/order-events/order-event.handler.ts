import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, formatFen } from '@pay/common';
import {
  AccountPurpose,
  agentCommission,
  channelReceivable,
  merchantAccount,
  PLATFORM_REVENUE,
  upstreamCost,
} from '../account/account-purpose';
import { post, type LegInput } from '../posting/posting.service';
import { PostingType } from '../posting/posting-type';
import { fullOrderNo, type OrderEvent } from './order-event';

const SYSTEM_ACTOR = 'system:orders-events';

/** The credit a paid (or released) order gets, exactly as its stored split says. */
function creditLegs(e: OrderEvent['payload']): LegInput[] {
  const legs: LegInput[] = [
    { ...channelReceivable(e.channelCode), amount: -e.amount },
    {
      ...merchantAccount(e.merchantId, AccountPurpose.MERCHANT_FROZEN),
      amount: e.merchantIncome,
      description: `资金流水记录：订单金额${formatFen(e.amount)}元，到账金额${formatFen(e.merchantIncome)}元`,
    },
    { ...PLATFORM_REVENUE, amount: e.platformProfit },
    { ...upstreamCost(e.pzid), amount: e.upstreamCost },
  ];
  if (e.agentIncome > 0) {
    if (e.agentId === null) throw new AppError('BAD_USER_INPUT', 'agent income without an agent');
    legs.push({
      ...agentCommission(e.agentId),
      amount: e.agentIncome,
      type: PostingType.COMMISSION,
      description: `代理分润：订单${fullOrderNo(e)}，分润${formatFen(e.agentIncome)}元`,
    });
  }
  return legs;
}

async function credit(
  em: EntityManager,
  event: OrderEvent,
  uniqueNo: string,
  reverses: number | null,
): Promise<boolean> {
  const p = event.payload;
  const result = await post(em, {
    uniqueNo,
    type: PostingType.INCOME,
    description: `订单入账：${fullOrderNo(p)}`,
    orderNo: fullOrderNo(p),
    platformOrderNo: p.platformOrderNo,
    // T+1 counts from the payment, not from when the ledger heard of it.
    effectiveAt: p.paidAt ? new Date(p.paidAt) : null,
    actor: SYSTEM_ACTOR,
    reverses,
    legs: creditLegs(p),
  });
  return result.created;
}

/**
 * Negates a credit. The merchant's share is taken from frozen income when it is still
 * there (paid today) and otherwise from the available balance; when neither covers it
 * the reversal fails with INSUFFICIENT_BALANCE and nothing is posted.
 */
/** How a reversing posting is keyed and worded: a cancel (撤单) or a refund (退款). */
const REVERSALS = {
  'order.reversed': { suffix: 'rv', label: '撤单回退' },
  'order.refunded': { suffix: 'rf', label: '退款回退' },
} as const;

async function reverse(em: EntityManager, event: OrderEvent, kind: keyof typeof REVERSALS): Promise<boolean> {
  const p = event.payload;
  const { suffix, label } = REVERSALS[kind];
  const creditKey = `${fullOrderNo(p)}_bd${p.creditSeq}`;
  const [original] = (await em
    .getConnection()
    .execute(
      'select id from posting_key where unique_no = ?',
      [creditKey],
      'all',
      em.getTransactionContext(),
    )) as {
    id: string;
  }[];
  if (!original) throw new AppError('NOT_FOUND', `no credit ${creditKey} to reverse`);
  const negated = (purpose: AccountPurpose) =>
    creditLegs(p).map((leg) => {
      const isMerchant = leg.ownerType === 'MERCHANT';
      return {
        ...leg,
        ...(isMerchant
          ? { purpose, description: `${label}：订单${fullOrderNo(p)}，扣回${formatFen(p.merchantIncome)}元` }
          : {}),
        amount: -leg.amount,
        type: PostingType.REVERSAL,
      };
    });
  const base = {
    uniqueNo: `${fullOrderNo(p)}_${suffix}${p.creditSeq}`,
    type: PostingType.REVERSAL,
    description: `${label}：${fullOrderNo(p)}`,
    orderNo: fullOrderNo(p),
    platformOrderNo: p.platformOrderNo,
    actor: SYSTEM_ACTOR,
    reverses: Number(original.id),
  };
  try {
    return await em.transactional(
      async (tx) => (await post(tx, { ...base, legs: negated(AccountPurpose.MERCHANT_FROZEN) })).created,
    );
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'INSUFFICIENT_BALANCE')) throw error;
    return (await post(em, { ...base, legs: negated(AccountPurpose.MERCHANT_AVAILABLE) })).created;
  }
}

async function markConsumed(em: EntityManager, event: OrderEvent): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute(
      'insert into consumed_event (event_id, topic) values (?, ?) on conflict do nothing returning event_id',
      [event.id, event.topic],
      'all',
      em.getTransactionContext(),
    );
  return (rows as unknown[]).length > 0;
}

/**
 * Applies one order event, idempotently: the posting keys derive from the order and
 * its credit sequence (`<order>_bd<n>` credit, `_rv<n>` its reversal, `_rf<n>` its refund),
 * so the same event delivered ten times posts once. Returns whether anything changed.
 */
export async function applyOrderEvent(em: EntityManager, event: OrderEvent): Promise<boolean> {
  const p = event.payload;
  switch (event.topic) {
    case 'order.paid':
    case 'order.released':
      return credit(em, event, `${fullOrderNo(p)}_bd${p.creditSeq}`, null);
    case 'order.withheld':
      return markConsumed(em, event);
    case 'order.reversed':
    case 'order.refunded':
      return reverse(em, event, event.topic);
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, logger, startOfChinaDay, type Actor } from '@pay/common';
import { Order } from '../../modules/order/order.entity';
import { OrderStatus } from '../../modules/order/order-status';
import {
  cancelOrder,
  completeOrder,
  createOrder,
  recordLifecycleEvent,
  type LifecycleEvent,
} from '../../modules/order/order.service';
import { sandboxNotification } from '../../modules/sandbox/sandbox.routes';
import {
  billAnotherAmount,
  payWithLostCallback,
  refundAtChannel,
  sandboxTradeNo,
} from '../../modules/sandbox/sandbox-book';
import type { SandboxKeys } from '../../modules/sandbox/sandbox-keys';
import { createChannelAdapters } from '../../modules/upstream/channel-adapters';
import { receiveChannelCallback } from '../../modules/upstream/channel-callback';
import { UpstreamConfig } from '../../modules/upstream/upstream-config.entity';

/**
 * What happens to a demo order after it is created. Each fate runs the platform's own
 * commands (createOrder, the sandbox channel's signed callback through the callback
 * verification, manual actions, lifecycle steps) or records what the sandbox channel
 * did without telling the platform — the causes reconciliation finds later.
 */
export type DemoFate =
  | 'paid'
  | 'pending'
  | 'expired'
  | 'user-cancelled'
  /** The payer paid, the channel's callback was lost: 长款 (or 存疑 near the cut-off). */
  | 'lost-callback'
  /** An operator completed it without a channel payment (补单): 短款. */
  | 'manual-complete'
  /** Paid, then cancelled by an operator (撤单) although the channel keeps the money: 异常. */
  | 'manual-cancel'
  /** Paid, then refunded by the channel on its side: 异常 until the platform refunds too. */
  | 'channel-refund'
  /** Paid, refunded at the channel, cancelled by the platform: 已冲正. */
  | 'channel-refund-cancelled'
  /** Paid, but the channel's bill books 0.50 less: 异常 (amount). */
  | 'billed-less'
  | LifecycleFate;

type LifecycleFate =
  | 'refund-under-review'
  | 'refund-confirmed'
  | 'refund-rejected'
  | 'intervention'
  | 'intervention-approved'
  | 'intervention-rejected';

/** The refund-dispute steps behind each lifecycle fate (the order is paid first). */
const LIFECYCLE_STEPS: Record<LifecycleFate, LifecycleEvent[]> = {
  'refund-under-review': ['REQUEST_REFUND'],
  'refund-confirmed': ['REQUEST_REFUND', 'CONFIRM_REFUND'],
  'refund-rejected': ['REQUEST_REFUND', 'REJECT_REFUND'],
  intervention: ['REQUEST_REFUND', 'REJECT_REFUND', 'ESCALATE'],
  'intervention-approved': ['REQUEST_REFUND', 'ESCALATE', 'APPROVE_INTERVENTION'],
  'intervention-rejected': ['REQUEST_REFUND', 'REJECT_REFUND', 'ESCALATE', 'REJECT_INTERVENTION'],
};

export interface DemoOrderPlan {
  merchantId: number;
  channelCode: string;
  /** Yuan, as a merchant would send it. */
  amount: string;
  /** Minutes after the China day's midnight when the order is placed. */
  minute: number;
  fate: DemoFate;
  /** The merchant's receiver answers this order's notifications with an error. */
  brokenReceiver?: boolean;
}

/** A plan before its time is set: the next slot of the day unless given. */
type PlannedOrder = Omit<DemoOrderPlan, 'minute'> & { minute?: number };

export const DEMO_MERCHANT = 2024164;
export const DEMO_OTHER_MERCHANT = 2023100;
/** Days (before today) with a few orders each, every eight days: the past two months always have bills. */
export const DEMO_HISTORY_DAYS = [75, 67, 59, 51, 43, 35, 27, 19, 11] as const;
/** The finished days of the last week, each with a full day of orders. */
export const DEMO_RECENT_DAYS = [7, 6, 5, 4, 3, 2, 1] as const;
/** Every finished demo day, oldest first (each gets statements and reconciliation runs). */
export const DEMO_DAYS_AGO: readonly number[] = [...DEMO_HISTORY_DAYS, ...DEMO_RECENT_DAYS];

const MERCHANT_CHANNELS = ['zfbwthf', 'wxwthf', 'swzfb', 'qqhf'];
const MERCHANT_AMOUNTS = ['100.00', '200.00', '50.00', '88.00', '300.00', '100.00', '150.00', '500.00'];

/** The orders of the day `daysAgo` days before today (0: today, up to now). */
export function demoDayPlan(daysAgo: number): DemoOrderPlan[] {
  const plan: DemoOrderPlan[] = [];
  const add = (p: PlannedOrder) => plan.push({ ...p, minute: p.minute ?? 9 * 60 + plan.length * 37 });
  const merchant = (i: number, fate: DemoFate = 'paid') =>
    add({
      merchantId: DEMO_MERCHANT,
      channelCode: MERCHANT_CHANNELS[i % MERCHANT_CHANNELS.length]!,
      amount: MERCHANT_AMOUNTS[i % MERCHANT_AMOUNTS.length]!,
      fate,
    });
  const other = (channelCode: string, amount: string, fate: DemoFate = 'paid', brokenReceiver = false) =>
    add({ merchantId: DEMO_OTHER_MERCHANT, channelCode, amount, fate, brokenReceiver });

  if ((DEMO_HISTORY_DAYS as readonly number[]).includes(daysAgo)) {
    for (let i = 0; i < 4; i += 1) merchant(i);
    other('wxhftest', '50.00');
    other('zfbwthf', '120.00');
    return plan;
  }
  if (daysAgo === 0) {
    for (let i = 0; i < 4; i += 1) merchant(i);
    merchant(4, 'pending');
    other('wxhftest', '50.00');
    return plan;
  }
  for (let i = 0; i < 8; i += 1) merchant(i + daysAgo);
  merchant(1, 'pending');
  merchant(2, daysAgo % 2 === 0 ? 'expired' : 'user-cancelled');
  other('wxhftest', '50.00', 'paid', daysAgo === 1);
  other('zfbwthf', '120.00', 'paid', daysAgo === 1);
  other('wxhftest', '30.00');
  const planted: Record<number, PlannedOrder[]> = {
    6: [{ merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'manual-complete' }],
    5: [{ merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '2000.00', fate: 'lost-callback' }],
    4: [
      { merchantId: DEMO_MERCHANT, channelCode: 'wxwthf', amount: '200.00', fate: 'channel-refund' },
      {
        merchantId: DEMO_MERCHANT,
        channelCode: 'zfbwthf',
        amount: '60.00',
        fate: 'channel-refund-cancelled',
      },
    ],
    3: [{ merchantId: DEMO_MERCHANT, channelCode: 'wxwthf', amount: '100.00', fate: 'lost-callback' }],
    2: [
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'billed-less' },
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '45.00', fate: 'manual-complete' },
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '66.00', fate: 'lost-callback' },
      { merchantId: DEMO_MERCHANT, channelCode: 'wxwthf', amount: '80.00', fate: 'manual-cancel' },
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'refund-confirmed' },
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'intervention' },
      {
        merchantId: DEMO_MERCHANT,
        channelCode: 'zfbwthf',
        amount: '100.00',
        fate: 'intervention-approved',
      },
    ],
    1: [
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'refund-under-review' },
      { merchantId: DEMO_MERCHANT, channelCode: 'zfbwthf', amount: '100.00', fate: 'refund-rejected' },
      {
        merchantId: DEMO_MERCHANT,
        channelCode: 'zfbwthf',
        amount: '100.00',
        fate: 'intervention-rejected',
      },
      // Paid four minutes before midnight, its callback lost: within the cut-off, 存疑.
      {
        merchantId: DEMO_MERCHANT,
        channelCode: 'zfbwthf',
        amount: '99.00',
        minute: 23 * 60 + 55,
        fate: 'lost-callback',
      },
    ],
  };
  for (const p of planted[daysAgo] ?? []) add(p);
  return plan;
}

export interface DemoOrderSeedOptions {
  keys: SandboxKeys;
  /** The demo merchants' notification receiver (`…/notify`, `…/notify/broken`). */
  notifyUrl: string;
  now: Date;
}

const OPERATOR: Actor = { sub: 'demo-operator', role: 'OPERATOR' };
const PAYER: Actor = { sub: 'system:sandbox-payer', role: 'SYSTEM' };

/**
 * Replays the demo days through the platform's commands, oldest first: every order is
 * created by createOrder at its (past) time and paid by the sandbox channel's signed
 * notification going through the same verification and state machine as a live
 * callback. Its events reach the ledger, reconciliation and the merchant's receiver
 * through the outbox when the service runs — reversals too, in order after the credit
 * they reverse (the ledger has not heard of the seeded payments yet, so it is not asked
 * first as a live cancel asks it). Returns how many orders it made.
 */
export async function seedDemoOrders(em: EntityManager, options: DemoOrderSeedOptions): Promise<number> {
  const adapters = createChannelAdapters(options.keys);
  const today = startOfChinaDay(options.now);
  const days = [...DEMO_HISTORY_DAYS, ...DEMO_RECENT_DAYS, 0];
  let count = 0;
  for (const daysAgo of days) {
    const dayStart = addDays(today, -daysAgo);
    const plan = demoDayPlan(daysAgo);
    for (const [index, p] of plan.entries()) {
      // Today's orders fall in the minutes before now; past days' at their planned times.
      const at =
        daysAgo === 0
          ? new Date(options.now.getTime() - (plan.length - index) * 9 * 60_000)
          : new Date(dayStart.getTime() + p.minute * 60_000);
      const { order } = await createOrder(em.fork(), {
        merchantId: p.merchantId,
        amount: p.amount,
        channelCode: p.channelCode,
        notifyUrl: p.brokenReceiver ? `${options.notifyUrl}/broken` : options.notifyUrl,
        returnUrl: 'https://merchant.example/return',
        description: '话费充值',
        notifyStyle: 'JSON',
        requestIp: '223.104.76.196',
        deviceNo: `POS-${p.merchantId % 1000}`,
        actor: { sub: `merchant:${p.merchantId}`, role: 'MERCHANT', merchantId: p.merchantId },
        at,
      });
      await fulfil(em, adapters, options, order, p.fate, new Date(at.getTime() + 90_000));
      count += 1;
    }
    logger().info({ day: daysAgo, orders: plan.length }, 'demo day seeded');
  }
  await releaseOneWithheld(em);
  return count;
}

async function fulfil(
  em: EntityManager,
  adapters: ReturnType<typeof createChannelAdapters>,
  options: DemoOrderSeedOptions,
  order: Order,
  fate: DemoFate,
  paidAt: Date,
): Promise<void> {
  const ref = { platformOrderNo: order.platformOrderNo };
  const pay = async () => {
    const config = await em.fork().findOneOrFail(UpstreamConfig, { pzid: order.upstreamConfig.pzid });
    const notice = sandboxNotification(config.adapter, options.keys, order, sandboxTradeNo(paidAt), paidAt);
    await receiveChannelCallback(em.fork(), adapters[config.adapter], {
      headers: { 'content-type': notice.contentType },
      rawBody: notice.body,
    });
  };
  const fresh = () => em.fork().findOneOrFail(Order, ref);
  switch (fate) {
    case 'pending':
      return;
    case 'expired':
      await recordLifecycleEvent(em.fork(), ref, 'EXPIRE', PAYER, '超时未支付');
      return;
    case 'user-cancelled':
      await recordLifecycleEvent(em.fork(), ref, 'USER_CANCEL', PAYER, '用户在收银台取消');
      return;
    case 'lost-callback':
      await payWithLostCallback(em.fork(), order, paidAt);
      return;
    case 'manual-complete':
      await completeOrder(em.fork(), ref, OPERATOR, null, '商户提供付款截图，人工补单', paidAt);
      return;
    default:
      break;
  }
  await pay();
  switch (fate) {
    case 'paid':
      return;
    case 'manual-cancel':
      await cancelOrder(em.fork(), ref, OPERATOR, null, '商户申请撤单', null);
      return;
    case 'channel-refund':
      await refundAtChannel(em.fork(), await fresh(), new Date(paidAt.getTime() + 3 * 3_600_000));
      return;
    case 'channel-refund-cancelled':
      await refundAtChannel(em.fork(), await fresh(), new Date(paidAt.getTime() + 3_600_000));
      await cancelOrder(em.fork(), ref, OPERATOR, null, '渠道已退款，平台撤单', null);
      return;
    case 'billed-less':
      await billAnotherAmount(em.fork(), await fresh(), order.amount - 50);
      return;
    default:
      for (const step of LIFECYCLE_STEPS[fate]) await recordLifecycleEvent(em.fork(), ref, step, OPERATOR);
  }
}

/** The withhold rule kept some payments back; an operator releases the oldest (补单 of a 扣量 order). */
async function releaseOneWithheld(em: EntityManager): Promise<void> {
  const withheld = await em
    .fork()
    .findOne(Order, { status: OrderStatus.WITHHELD }, { orderBy: { paidAt: 'asc' } });
  if (withheld)
    await completeOrder(
      em.fork(),
      { platformOrderNo: withheld.platformOrderNo },
      OPERATOR,
      null,
      '放行扣量订单',
    );
}

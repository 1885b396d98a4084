import { createHash } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, newMerchantOrderNo, newPlatformOrderNo, splitFees, logger, type Actor } from '@pay/common';
import { Merchant, MerchantStatus } from '../merchant/merchant.entity';
import { MerchantChannel } from '../channel/merchant-channel.entity';
import { chooseUpstreamConfig } from '../upstream/routing';
import { chooseChannel } from './order-channel';
import { orderInput, parseOrderAmount, text } from './order-input';
import { Order } from './order.entity';
import { OrderAudit } from './order-audit.entity';
import { OrderStatus, transition, type OrderEvent } from './order-status';
import { ORDER_TOPICS, orderEvent, recordOrderEvent, recordOrderState } from './order-events';
import type { EventSink } from './event-sink.client';
import type { CreateOrderCommand, OrderRef } from './order.commands';

/** Loads a merchant that may act: MERCHANT_DISABLED when it is unknown or disabled. */
export async function activeMerchant(em: EntityManager, merchantId: number): Promise<Merchant> {
  const merchant = await em.findOne(Merchant, { id: merchantId });
  if (!merchant || merchant.status !== MerchantStatus.ACTIVE) {
    throw new AppError('MERCHANT_DISABLED', '商户号不存在或已停用', { merchantId });
  }
  return merchant;
}

function orderMd5(order: Order): string {
  return createHash('md5').update(`${order.id}:${order.platformOrderNo}`).digest('hex').slice(8, 24);
}

export interface CreatedOrder {
  order: Order;
  /** A short digest identifying the order in pay links (`order_md5`). */
  orderMd5: string;
}

/**
 * Creates an order by the `/createorder` rules: the input checked (order-input.ts); the
 * channel given, or the first one enabled for both the system and the merchant whose
 * range fits, within its daily quota (order-channel.ts); the upstream config by round
 * robin or weight; the fee split computed now and stored; a merchant order number used
 * before is rejected.
 */
export async function createOrder(em: EntityManager, command: CreateOrderCommand): Promise<CreatedOrder> {
  const input = orderInput(command);
  // A generated number can be drawn by a concurrent create after both checked it free:
  // the unique index refuses the second, which draws again (a merchant's own number that
  // is taken stays DUPLICATE_ORDER).
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createOrderOnce(em, command, input);
    } catch (error) {
      if (!(error instanceof GeneratedNumberTaken)) throw error;
      if (attempt >= MAX_NUMBER_DRAWS)
        throw new AppError('CONFLICT', 'could not draw a free order number; retry');
    }
  }
}

/** Draws of generated order numbers before giving up (each collision is rare). */
const MAX_NUMBER_DRAWS = 5;

/** A generated order number was taken between its check and the insert. */
class GeneratedNumberTaken extends Error {}

async function createOrderOnce(
  em: EntityManager,
  command: CreateOrderCommand,
  input: ReturnType<typeof orderInput>,
): Promise<CreatedOrder> {
  const { amount, channelCode, at } = input;

  return em.transactional(async (tx) => {
    const merchant = await activeMerchant(tx, command.merchantId);
    await tx.populate(merchant, ['agent']);
    const { merchantOrderNo, platformOrderNo } = await freshOrderNumbers(
      tx,
      merchant.id,
      input.merchantOrderNo,
      at,
    );
    const setting = await chooseChannel(tx, {
      merchantId: merchant.id,
      channelCode,
      amount,
      amountText: command.amount,
      at,
    });
    const channel = setting.channel;
    const upstream = await chooseUpstreamConfig(tx, setting);
    const agentRatePpm = merchant.agent ? setting.agentRatePpm : 0;
    const split = splitFees(amount, {
      merchantRate: setting.ratePpm,
      agentRate: agentRatePpm,
      upstreamCostRate: upstream.costRatePpm,
    });
    const order = tx.create(Order, {
      merchant,
      merchantOrderNo,
      platformOrderNo,
      channel,
      upstreamConfig: upstream,
      amount,
      merchantIncome: split.merchantIncome,
      agentIncome: split.agentIncome,
      channelFee: split.channelFee,
      upstreamCost: split.upstreamCost,
      platformProfit: split.platformProfit,
      merchantRatePpm: setting.ratePpm,
      agentRatePpm,
      upstreamCostRatePpm: upstream.costRatePpm,
      agentId: merchant.agent?.id ?? null,
      productTitle: input.description,
      attach: input.attach,
      notifyUrl: input.notifyUrl,
      returnUrl: input.returnUrl,
      notifyStyle: input.notifyStyle,
      requestIp: input.clientIp,
      orderStyle: input.orderStyle,
      createdAt: at,
      updatedAt: at,
      cashier: input.cashier,
      storeId: input.storeId,
      cashierId: input.cashierId,
      deviceNo: input.deviceNo,
      requestParameters: input.requestParameters,
    });
    recordOrderState(tx, order);
    try {
      await tx.flush();
    } catch (error) {
      // Two concurrent requests with the same number: the index decides.
      if (error instanceof UniqueConstraintViolationException) {
        if (/merchant_order_no/.test(error.message) && input.merchantOrderNo !== null) {
          throw new AppError('DUPLICATE_ORDER', `merchant order number ${merchantOrderNo} was used before`, {
            merchantOrderNo,
          });
        }
        if (/merchant_order_no|platform_order_no/.test(error.message)) throw new GeneratedNumberTaken();
      }
      throw error;
    }
    return { order, orderMd5: orderMd5(order) };
  });
}

/**
 * The order's numbers: the merchant's own (DUPLICATE_ORDER when used before) or a
 * generated one, and a platform order number, both checked free. Generated numbers
 * carry a few random digits, so a rare clash is simply drawn again.
 */
async function freshOrderNumbers(
  em: EntityManager,
  merchantId: number,
  given: string | null,
  at: Date,
): Promise<{ merchantOrderNo: string; platformOrderNo: string }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const merchantOrderNo = given ?? newMerchantOrderNo(at);
    const platformOrderNo = newPlatformOrderNo(at);
    const [taken] = (await em.getConnection().execute(
      `select exists(select 1 from order_key where merchant_id = ? and merchant_order_no = ?) as merchant,
              exists(select 1 from order_key where platform_order_no = ?) as platform`,
      [merchantId, merchantOrderNo, platformOrderNo],
      'all',
      em.getTransactionContext(),
    )) as { merchant: boolean; platform: boolean }[];
    if (taken?.merchant && given !== null) {
      throw new AppError('DUPLICATE_ORDER', `merchant order number ${given} was used before`, {
        merchantOrderNo: given,
      });
    }
    if (!taken?.merchant && !taken?.platform) return { merchantOrderNo, platformOrderNo };
  }
  throw new AppError('CONFLICT', 'could not draw a free order number; retry');
}

/** Finds one order by its reference within the actor's scope, or null. */
export async function findOrder(em: EntityManager, ref: OrderRef, lock = false): Promise<Order | null> {
  const options = lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
  if (ref.platformOrderNo) {
    const order = await em.findOne(Order, { platformOrderNo: ref.platformOrderNo }, options);
    if (order && ref.merchantId != null && order.merchant.id !== ref.merchantId) return null;
    if (order && ref.merchantOrderNo && order.merchantOrderNo !== ref.merchantOrderNo) return null;
    return order;
  }
  if (ref.merchantOrderNo && ref.merchantId != null) {
    return em.findOne(Order, { merchant: ref.merchantId, merchantOrderNo: ref.merchantOrderNo }, options);
  }
  if (ref.merchantOrderNo) {
    throw new AppError('BAD_USER_INPUT', 'a merchant order number needs the merchant id', {
      argument: 'merchantId',
    });
  }
  throw new AppError('BAD_USER_INPUT', 'give a merchant or a platform order number', {
    argument: 'merchantOrderNo',
  });
}

async function lockedOrder(em: EntityManager, ref: OrderRef): Promise<Order> {
  const order = await findOrder(em, ref, true);
  if (!order)
    throw new AppError('NOT_FOUND', '订单不存在', {
      platformOrderNo: ref.platformOrderNo ?? null,
      merchantOrderNo: ref.merchantOrderNo ?? null,
    });
  await em.populate(order, ['merchant', 'channel', 'upstreamConfig']);
  return order;
}

function checkAmount(order: Order, amount: string | null | undefined): void {
  if (amount == null || amount === '') return;
  if (parseOrderAmount(amount) !== order.amount) {
    throw new AppError('AMOUNT_MISMATCH', '金额不匹配', { amount });
  }
}

function audit(
  em: EntityManager,
  order: Order,
  action: string,
  actor: Actor,
  from: OrderStatus,
  note?: string | null,
): void {
  em.persist(
    em.create(OrderAudit, {
      order,
      action,
      actor: actor.sub,
      actorRole: actor.role,
      fromStatus: from,
      toStatus: order.status,
      note: note ?? null,
    }),
  );
}

export interface ManualActionResult {
  order: Order;
  /** True when nothing changed because the order was already paid. */
  unchanged: boolean;
  /** The legacy API's message for this outcome. */
  message: string;
}

/**
 * Manual complete (补单): only a pending or withheld order; an optional amount must
 * match; an order already paid is returned unchanged with the documented message.
 * A pending order emits `order.paid`, a withheld one `order.released`.
 */
export async function completeOrder(
  em: EntityManager,
  ref: OrderRef,
  actor: Actor,
  amount?: string | null,
  note?: string | null,
  /** When the money counts as received (default now); the demo seed replays past days. */
  at: Date = new Date(),
): Promise<ManualActionResult> {
  // order_audit.note is varchar(500): longer notes must be refused, not fail in the database.
  note = text(note, 'note', 500);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, ref);
    checkAmount(order, amount);
    if (order.status === OrderStatus.PAID) return { order, unchanged: true, message: '订单已是成功状态。' };
    const from = order.status;
    order.status = transition(from, 'COMPLETE');
    order.paidAt ??= at;
    order.deductStatus = 2;
    recordOrderEvent(
      tx,
      from === OrderStatus.WITHHELD ? ORDER_TOPICS.RELEASED : ORDER_TOPICS.PAID,
      order,
      'manual',
      actor,
    );
    return recordManualAction(tx, order, 'MANUAL_COMPLETE', actor, from, note, '补单成功');
  });
}

/**
 * Manual cancel (撤单): pending, paid or withheld orders go back to pending. A paid
 * one is reversed in the ledger first: when a ledger is configured it is asked
 * synchronously (while this order stays locked), and a refusal — the merchant's
 * balance cannot cover the reversal — changes nothing here. The same event then
 * commits to the outbox; the ledger de-duplicates it. If this commit fails after the
 * ledger posted, repeating the cancel converges (the reversal is not posted twice).
 */
export async function cancelOrder(
  em: EntityManager,
  ref: OrderRef,
  actor: Actor,
  amount?: string | null,
  note?: string | null,
  ledger?: EventSink | null,
): Promise<ManualActionResult> {
  // order_audit.note is varchar(500): longer notes must be refused, not fail in the database.
  note = text(note, 'note', 500);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, ref);
    checkAmount(order, amount);
    const from = order.status;
    order.status = transition(from, 'CANCEL');
    if (from === OrderStatus.PAID) await takeCreditBack(tx, order, ORDER_TOPICS.REVERSED, actor, ledger);
    order.paidAt = null;
    return recordManualAction(tx, order, 'MANUAL_CANCEL', actor, from, note, '撤单成功');
  });
}

/**
 * Refund (退款) by the platform — for instance when reconciliation finds the channel
 * refunded a payment: a credited order becomes REFUNDED. Like a cancel, the ledger is
 * asked first to take the credit back (`order.refunded`); a refusal changes nothing.
 */
export async function refundOrder(
  em: EntityManager,
  ref: OrderRef,
  actor: Actor,
  note?: string | null,
  ledger?: EventSink | null,
): Promise<ManualActionResult> {
  note = text(note, 'note', 500);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, ref);
    const from = order.status;
    order.status = transition(from, 'REFUND');
    await takeCreditBack(tx, order, ORDER_TOPICS.REFUNDED, actor, ledger);
    return recordManualAction(tx, order, 'REFUND', actor, from, note, '退款成功');
  });
}

/** Lifecycle steps that move no money: the order's credit stays where it is. */
export type LifecycleEvent = Extract<
  OrderEvent,
  | 'EXPIRE'
  | 'USER_CANCEL'
  | 'REQUEST_REFUND'
  | 'CONFIRM_REFUND'
  | 'REJECT_REFUND'
  | 'ESCALATE'
  | 'APPROVE_INTERVENTION'
  | 'REJECT_INTERVENTION'
>;

/**
 * Records a lifecycle step that moves no money (an unpaid order expiring or cancelled
 * by its payer; the refund-dispute steps of a paid order, which stays credited until a
 * refund), audited like a manual action. ILLEGAL_TRANSITION from any other status.
 */
export async function recordLifecycleEvent(
  em: EntityManager,
  ref: OrderRef,
  event: LifecycleEvent,
  actor: Actor,
  note?: string | null,
): Promise<ManualActionResult> {
  note = text(note, 'note', 500);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, ref);
    const from = order.status;
    order.status = transition(from, event);
    return recordManualAction(tx, order, event, actor, from, note, 'ok');
  });
}

/** The audit row, the new state for other services, and the commit of a manual action. */
async function recordManualAction(
  tx: EntityManager,
  order: Order,
  action: string,
  actor: Actor,
  from: OrderStatus,
  note: string | null,
  message: string,
): Promise<ManualActionResult> {
  audit(tx, order, action, actor, from, note);
  recordOrderState(tx, order);
  await tx.flush();
  return { order, unchanged: false, message };
}

/**
 * Takes a credited order's money back (a cancel's reversal or a refund): the ledger is
 * asked first when configured — a refusal changes nothing here — and the same event then
 * commits to the outbox, which the ledger de-duplicates.
 */
async function takeCreditBack(
  tx: EntityManager,
  order: Order,
  topic: typeof ORDER_TOPICS.REVERSED | typeof ORDER_TOPICS.REFUNDED,
  actor: Actor,
  ledger: EventSink | null | undefined,
): Promise<void> {
  const event = orderEvent(topic, order, 'manual', actor);
  if (ledger) {
    try {
      await ledger.deliver([event]);
    } catch (error) {
      // The sink's DEPENDENCY_UNAVAILABLE names an internal URL: answered below in our words.
      if (error instanceof AppError && error.code !== 'DEPENDENCY_UNAVAILABLE') {
        // The ledger has not heard of the credit yet (its event is still in the outbox,
        // e.g. a complete just before): not the order missing, a moment too early.
        if (error.code === 'NOT_FOUND')
          throw new AppError('CONFLICT', '订单入账处理中，请稍后再试', {
            platformOrderNo: order.platformOrderNo,
          });
        if (error.code !== 'INSUFFICIENT_BALANCE') throw error;
        throw new AppError(
          'INSUFFICIENT_BALANCE',
          topic === ORDER_TOPICS.REFUNDED ? '商户余额不足，无法退款' : '商户余额不足，无法撤单',
        );
      }
      logger().error({ err: error }, 'ledger unavailable for taking a credit back');
      throw new AppError(
        'DEPENDENCY_UNAVAILABLE',
        'the ledger is unavailable; nothing was changed, retry later',
      );
    }
  }
  tx.persist(event);
}

export interface ChannelPayment {
  platformOrderNo: string;
  upstreamOrderNo: string;
  amountFen: number;
  paid: boolean;
  paidAt: Date | null;
  payerId?: string | null;
}

export type PaymentOutcome = 'PAID' | 'WITHHELD' | 'DUPLICATE' | 'IGNORED';

/**
 * Applies a verified channel callback. Duplicates (the same payment again) and
 * out-of-order notices (a non-payment notice after the payment) change nothing; an
 * amount that differs from the order is refused so reconciliation sees it.
 */
export async function applyChannelPayment(
  em: EntityManager,
  payment: ChannelPayment,
): Promise<PaymentOutcome> {
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, { platformOrderNo: payment.platformOrderNo });
    if (!payment.paid) return 'IGNORED';
    if (payment.amountFen !== order.amount) {
      throw new AppError(
        'AMOUNT_MISMATCH',
        `callback amount ${payment.amountFen} differs from the order's ${order.amount}`,
      );
    }
    if (order.status === OrderStatus.PAID || order.status === OrderStatus.WITHHELD) {
      return 'DUPLICATE';
    }
    const setting = await tx.findOneOrFail(
      MerchantChannel,
      { merchant: order.merchant.id, channel: order.channel.code },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    setting.paidCounter += 1;
    const withhold = setting.withholdEvery > 0 && setting.paidCounter % setting.withholdEvery === 0;
    const event: OrderEvent = withhold ? 'WITHHOLD' : 'PAY';
    const from = order.status;
    order.status = transition(from, event);
    order.upstreamOrderNo = payment.upstreamOrderNo;
    order.paidAt = payment.paidAt ?? new Date();
    order.payerId = payment.payerId ?? order.payerId;
    order.deductStatus = withhold ? 1 : 2;
    recordOrderEvent(tx, withhold ? ORDER_TOPICS.WITHHELD : ORDER_TOPICS.PAID, order, 'callback');
    recordOrderState(tx, order);
    await tx.flush();
    return withhold ? 'WITHHELD' : 'PAID';
  });
}

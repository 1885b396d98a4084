import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  AppError,
  keysetWindow,
  merchantScope,
  PageArgs,
  requireMutation,
  requireRole,
  selectsField,
  toKeysetConnection,
} from '@pay/common';
import type { OrdersContext } from '../../context';
import { Merchant } from '../merchant/merchant.entity';
import { Channel, PayType } from '../channel/channel.entity';
import { UpstreamConfig } from '../upstream/upstream-config.entity';
import { NotifyLog } from '../notification/notify-log.entity';
import { Order } from './order.entity';
import { OrderAudit } from './order-audit.entity';
import { NOTIFY_PRESENTATION, STATUS_PRESENTATION } from './order-status';
import {
  CreateOrderInput,
  ManualOrderActionInput,
  OrderFilterInput,
  OrderLookupArgs,
  ResendNotificationsInput,
} from './order.input';
import {
  CreateOrderPayload,
  ManualOrderActionPayload,
  OrderConnection,
  OrderSummary,
  ResendNotificationsPayload,
} from './order.type';
import { cancelOrder, completeOrder, createOrder, findOrder, refundOrder } from './order.service';
import { parseOrderAmount } from './order-input';
import { loadedReference, loadPageReferences } from './order-page-references';
import {
  listOrders,
  orderPageFields,
  orderPropertiesFor,
  summarizeOrders,
  type OrderListFilter,
  type OrderRecord,
} from './order.query';
import { paymentUrlFor } from '../sandbox/sandbox-links';
import { resendNotifications } from '../notification/notification.service';

/** MERCHANT actors are pinned to their own merchant; platform roles name one. */
function orderRefFor(
  ctx: OrdersContext,
  input: { merchantId?: number; merchantOrderNo?: string; platformOrderNo?: string },
) {
  return {
    merchantId: merchantScope(ctx.actor, input.merchantId),
    merchantOrderNo: input.merchantOrderNo,
    platformOrderNo: input.platformOrderNo,
  };
}

export function toListFilter(ctx: OrdersContext, filter: OrderFilterInput = {}): OrderListFilter {
  return {
    ...filter,
    merchantId: merchantScope(ctx.actor, filter.merchantId),
    minAmount: filter.minAmount != null ? parseOrderAmount(filter.minAmount, 'minAmount') : null,
    maxAmount: filter.maxAmount != null ? parseOrderAmount(filter.maxAmount, 'maxAmount') : null,
  };
}

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, {
    description:
      'Orders, newest first, with filters (`/orders`); page size at most 100. Page by number, or by `after` the `endCursor` (a keyset cursor: constant time at any depth, and orders arriving meanwhile never repeat a row).',
  })
  async orders(
    @Ctx() ctx: OrdersContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter?: OrderFilterInput,
  ): Promise<OrderConnection> {
    const window = keysetWindow(page, { max: 100 });
    const listFilter = toListFilter(ctx, filter);
    const fields = orderPageFields(info);
    // count(*) over every matching order only when the query shows it.
    const result = await listOrders(ctx.em, listFilter, window, {
      total: selectsField(info, ['totalCount', 'totalPages']),
      properties: orderPropertiesFor(ctx.em.getMetadata(Order), fields),
    });
    await loadPageReferences(ctx.loaders, result.items, fields);
    return Object.assign(
      new OrderConnection(),
      toKeysetConnection(result.items, result, window, (order) => ({ at: order.createdAt, id: order.id })),
      { filter: listFilter },
    );
  }

  @Query(() => Order, {
    nullable: true,
    description: 'One order by id, platform order number, or merchant order number.',
  })
  async order(@Ctx() ctx: OrdersContext, @Args() args: OrderLookupArgs): Promise<Order | null> {
    const merchantId = merchantScope(ctx.actor, args.merchantId);
    if (args.id) {
      if (!/^\d{1,15}$/.test(args.id))
        throw new AppError('BAD_USER_INPUT', 'id must be numeric', { argument: 'id' });
      const order = await ctx.loaders.orderById.load(Number(args.id));
      return order && (merchantId === undefined || order.merchant.id === merchantId) ? order : null;
    }
    return findOrder(ctx.em, {
      merchantId,
      merchantOrderNo: args.merchantOrderNo,
      platformOrderNo: args.platformOrderNo,
    });
  }

  @Mutation(() => CreateOrderPayload, {
    description: 'Create an order and get its payment link (`/createorder`).',
  })
  async createOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: CreateOrderInput,
  ): Promise<CreateOrderPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const merchantId = merchantScope(ctx.actor, input.merchantId);
    if (merchantId === undefined)
      throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
    const { order, orderMd5 } = await createOrder(ctx.em, {
      ...input,
      merchantId,
      requestIp: input.clientIp ?? '127.0.0.1',
      actor: ctx.actor,
    });
    return { order, orderMd5, payment: null, paymentUrl: paymentUrlFor(ctx.runtime.publicUrl, order) };
  }

  @Mutation(() => ManualOrderActionPayload, {
    description: 'Mark a pending or withheld order paid (手动补单). Audited.',
  })
  async completeOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: ManualOrderActionInput,
  ): Promise<ManualOrderActionPayload> {
    requireMutation(ctx.actor);
    const result = await completeOrder(ctx.em, orderRefFor(ctx, input), ctx.actor, input.amount, input.note);
    if (!result.unchanged) ctx.runtime.relay.nudge();
    return result;
  }

  @Mutation(() => ManualOrderActionPayload, {
    description:
      'Cancel a pending, paid or withheld order back to pending (手动撤单); a paid one is reversed. Audited.',
  })
  async cancelOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: ManualOrderActionInput,
  ): Promise<ManualOrderActionPayload> {
    requireMutation(ctx.actor);
    const result = await cancelOrder(
      ctx.em,
      orderRefFor(ctx, input),
      ctx.actor,
      input.amount,
      input.note,
      ctx.runtime.ledger,
    );
    ctx.runtime.relay.nudge();
    return result;
  }

  @Mutation(() => ManualOrderActionPayload, {
    description: 'Refund a credited order (platform): the ledger takes the credit back first. Audited.',
  })
  async refundOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: ManualOrderActionInput,
  ): Promise<ManualOrderActionPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const result = await refundOrder(
      ctx.em,
      orderRefFor(ctx, input),
      ctx.actor,
      input.note,
      ctx.runtime.ledger,
    );
    ctx.runtime.relay.nudge();
    return result;
  }

  @Mutation(() => ResendNotificationsPayload, {
    description: 'Notify merchants about paid orders again (operators).',
  })
  async resendNotifications(
    @Ctx() ctx: OrdersContext,
    @Arg('input') input: ResendNotificationsInput,
  ): Promise<ResendNotificationsPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    if (input.platformOrderNos.length === 0 || input.platformOrderNos.length > 500) {
      throw new AppError('BAD_USER_INPUT', 'give 1 to 500 platform order numbers', {
        argument: 'platformOrderNos',
      });
    }
    return resendNotifications(
      ctx.em,
      ctx.runtime.jobs,
      ctx.runtime.config.notify,
      input.platformOrderNos,
      ctx.actor,
    );
  }

  @FieldResolver(() => Int, { description: 'Merchant id.' })
  merchantId(@Root() order: OrderRecord): number {
    return order.merchant.id;
  }

  @FieldResolver(() => Merchant, { description: 'The merchant.' })
  merchant(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): Merchant | Promise<Merchant> {
    return (
      loadedReference(order.merchant, Merchant) ??
      ctx.loaders.merchant.load(order.merchant.id).then((merchant) => merchant!)
    );
  }

  @FieldResolver(() => String, {
    description: 'Merchant id followed by the merchant order number, as stored by the old system.',
  })
  merchantOrderNoFull(@Root() order: OrderRecord): string {
    return `${order.merchant.id}${order.merchantOrderNo}`;
  }

  @FieldResolver(() => String, { description: 'Channel code.' })
  channelCode(@Root() order: OrderRecord): string {
    return order.channel.code;
  }

  @FieldResolver(() => Channel, { description: 'The channel.' })
  channel(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): Channel | Promise<Channel> {
    return (
      loadedReference(order.channel, Channel) ??
      ctx.loaders.channel.load(order.channel.code).then((channel) => channel!)
    );
  }

  @FieldResolver(() => PayType, { description: "The channel's pay type." })
  payType(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): PayType | Promise<PayType> {
    const channel = this.channel(order, ctx);
    return channel instanceof Promise ? channel.then((c) => c.payType) : channel.payType;
  }

  @FieldResolver(() => Int, { description: 'Upstream config id (`pzid`).' })
  pzid(@Root() order: OrderRecord): number {
    return order.upstreamConfig.pzid;
  }

  @FieldResolver(() => UpstreamConfig, { description: 'The upstream config that carried the payment.' })
  upstreamConfig(
    @Root() order: OrderRecord,
    @Ctx() ctx: OrdersContext,
  ): UpstreamConfig | Promise<UpstreamConfig> {
    return (
      loadedReference(order.upstreamConfig, UpstreamConfig) ??
      ctx.loaders.upstreamConfig.load(order.upstreamConfig.pzid).then((config) => config!)
    );
  }

  @FieldResolver(() => Int, {
    description: 'Legacy status code: 0 pending (incl. manually cancelled), 1 paid, 2 withheld.',
  })
  statusCode(@Root() order: OrderRecord): number {
    return STATUS_PRESENTATION[order.status].merchantCode;
  }

  @FieldResolver(() => String, { description: 'Legacy status name: pending, paid, withheld.' })
  statusName(@Root() order: OrderRecord): string {
    return STATUS_PRESENTATION[order.status].merchantName;
  }

  @FieldResolver(() => String, { description: 'Legacy status text, e.g. 支付成功.' })
  statusText(@Root() order: OrderRecord): string {
    return STATUS_PRESENTATION[order.status].merchantText;
  }

  @FieldResolver(() => Int, { description: 'Admin status code 1-11 (pay-admin-api ORDER_STATUS_CHOICES).' })
  adminStatusCode(@Root() order: OrderRecord): number {
    return STATUS_PRESENTATION[order.status].adminCode;
  }

  @FieldResolver(() => String, { description: 'Admin status text, e.g. 已支付.' })
  adminStatusText(@Root() order: OrderRecord): string {
    return STATUS_PRESENTATION[order.status].adminText;
  }

  @FieldResolver(() => Int, { description: 'Legacy notify status code: 0 pending, 1 failed, 2 success.' })
  notifyStatusCode(@Root() order: OrderRecord): number {
    return NOTIFY_PRESENTATION[order.notifyStatus].code;
  }

  @FieldResolver(() => String, { description: 'Legacy notify status name: pending, failed, success.' })
  notifyStatusName(@Root() order: OrderRecord): string {
    return NOTIFY_PRESENTATION[order.notifyStatus].name;
  }

  @FieldResolver(() => String, { description: 'Legacy notify status text, e.g. 通知成功.' })
  notifyStatusText(@Root() order: OrderRecord): string {
    return NOTIFY_PRESENTATION[order.notifyStatus].text;
  }

  @FieldResolver(() => String, { description: 'Link the payer opens to pay this order.' })
  paymentUrl(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): string {
    return paymentUrlFor(ctx.runtime.publicUrl, order);
  }

  @FieldResolver(() => [NotifyLog], {
    description: 'Every notification attempt for this order, oldest first.',
  })
  notifyLogs(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): Promise<NotifyLog[]> {
    return ctx.loaders.notifyLogs.load(order.id);
  }

  @FieldResolver(() => [OrderAudit], {
    description: 'Audited manual actions on this order (platform roles).',
  })
  async audits(@Root() order: OrderRecord, @Ctx() ctx: OrdersContext): Promise<OrderAudit[]> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    return ctx.em.find(OrderAudit, { order: order.id }, { orderBy: { id: 'asc' } });
  }
}

@Resolver(() => OrderConnection)
export class OrderConnectionResolver {
  @FieldResolver(() => OrderSummary, {
    description: 'Totals over every order matching the filter, not just this page.',
  })
  summary(@Root() connection: OrderConnection, @Ctx() ctx: OrdersContext): Promise<OrderSummary> {
    return summarizeOrders(ctx.em, connection.filter);
  }
}

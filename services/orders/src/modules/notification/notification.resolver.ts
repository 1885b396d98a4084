import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AppError, Connection, merchantScope, PageArgs, pageWindow, toConnection } from '@pay/common';
import type { OrdersContext } from '../../context';
import { Order } from '../order/order.entity';
import { findOrder } from '../order/order.service';
import { NotifyLog } from './notify-log.entity';

@ObjectType({ description: 'A page of notification attempts.' })
export class NotifyLogConnection extends Connection(NotifyLog, 'NotifyLog') {}

@ArgsType()
class NotifyLogArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Merchant id (platform roles; implied for MERCHANT).' })
  merchantId?: number;

  @Field(() => String, { nullable: true, description: "Merchant's order number." })
  merchantOrderNo?: string;

  @Field(() => String, { nullable: true, description: 'Platform order number.' })
  platformOrderNo?: string;
}

@Resolver(() => NotifyLog)
export class NotifyLogResolver {
  @Query(() => NotifyLogConnection, {
    description: "One order's notification attempts, newest first (`/notifylogs`).",
  })
  async notifyLogs(@Ctx() ctx: OrdersContext, @Args() args: NotifyLogArgs): Promise<NotifyLogConnection> {
    const window = pageWindow(args, { max: 100 });
    const order = await findOrder(ctx.em, {
      merchantId: merchantScope(ctx.actor, args.merchantId),
      merchantOrderNo: args.merchantOrderNo,
      platformOrderNo: args.platformOrderNo,
    });
    if (!order) throw new AppError('NOT_FOUND', '订单不存在');
    const [items, total] = await ctx.em.findAndCount(
      NotifyLog,
      { order: order.id },
      { orderBy: { id: 'desc' }, limit: window.limit, offset: window.offset },
    );
    return Object.assign(new NotifyLogConnection(), toConnection(items, total, window));
  }

  @FieldResolver(() => Order, { description: 'The order notified about.' })
  async order(@Root() log: NotifyLog, @Ctx() ctx: OrdersContext): Promise<Order> {
    return (await ctx.loaders.orderById.load(log.order.id))!;
  }
}

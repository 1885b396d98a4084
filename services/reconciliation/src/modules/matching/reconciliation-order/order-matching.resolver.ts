import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppError, pageWindow, toConnection } from '@pay/common';
import type { ReconciliationContext } from '../../../context';
import { Order } from '../../payment/order.stub';
import { visiblePayment } from '../../payment/payment-access';
import { OrderBillArgs, ReconciliationOrdersArgs } from './reconciliation-order.args';
import { listReconciliationOrders } from './reconciliation-order.service';
import {
  OrderBill,
  ReconciliationOrder,
  ReconciliationOrderConnection,
  reconciliationOrderOf,
} from './reconciliation-order.type';
import { ReconciliationResult } from '../result/reconciliation-result.entity';
import { requirePlatformReader } from '../matching-access';
import { legacyPayMethodOf, payTypeOfSource } from '../source-setting/source-setting.entity';
import { StatementLine } from '../../statement/statement-line.entity';

/** Reconciliation's fields on the orders service's Order: its statement line and its results. */
@Resolver(() => Order)
export class OrderMatchingResolver {
  @FieldResolver(() => StatementLine, {
    nullable: true,
    description:
      'The channel’s line for this order: the one its latest reconciliation matched, else the latest payment line naming it (a MERCHANT sees its own orders’ only).',
  })
  async statementLine(
    @Root() order: Order,
    @Ctx() ctx: ReconciliationContext,
  ): Promise<StatementLine | null> {
    const payment = visiblePayment(ctx, await ctx.loaders.payment.load(order.platformOrderNo));
    return payment ? ctx.loaders.statementLineByOrder.load(payment.platformOrderNo) : null;
  }

  @FieldResolver(() => [ReconciliationResult], {
    description:
      'Every reconciliation verdict on this order, newest first (a MERCHANT sees its own orders’ only).',
  })
  async reconciliationResults(
    @Root() order: Order,
    @Ctx() ctx: ReconciliationContext,
  ): Promise<ReconciliationResult[]> {
    const payment = visiblePayment(ctx, await ctx.loaders.payment.load(order.platformOrderNo));
    return payment ? ctx.loaders.resultsByOrder.load(payment.platformOrderNo) : [];
  }
}

@Resolver(() => ReconciliationOrder)
export class ReconciliationOrderResolver {
  @Query(() => ReconciliationOrderConnection, {
    description:
      'The reconciliation list, newest first, with statistics over the whole filter (`/pay/consume_order`; platform roles); page size at most 200.',
  })
  async reconciliationOrders(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ReconciliationOrdersArgs,
  ): Promise<ReconciliationOrderConnection> {
    requirePlatformReader(ctx);
    const window = pageWindow(args, { max: 200 });
    const { items, statistics } = await listReconciliationOrders(ctx.em, args.filter ?? {}, window);
    return Object.assign(
      new ReconciliationOrderConnection(),
      toConnection(items.map(reconciliationOrderOf), statistics.orderNum, window),
      { statistics },
    );
  }

  @Query(() => OrderBill, {
    nullable: true,
    description:
      'An order against the channel’s bill: the order, its statement line and its latest verdict (`/pay/order_details`; platform roles); null for an unknown order.',
  })
  async orderBill(@Ctx() ctx: ReconciliationContext, @Args() args: OrderBillArgs): Promise<OrderBill | null> {
    requirePlatformReader(ctx);
    if (args.payWay != null && args.payWay !== 2 && args.payWay !== 3) {
      throw new AppError('BAD_USER_INPUT', 'payWay must be 2 (WeChat) or 3 (Alipay)', { argument: 'payWay' });
    }
    const payment = await ctx.loaders.payment.load(args.platformOrderNo);
    if (!payment) return null;
    const [line, results] = await Promise.all([
      ctx.loaders.statementLineByOrder.load(payment.platformOrderNo),
      ctx.loaders.resultsByOrder.load(payment.platformOrderNo),
    ]);
    // The bill of the channel asked for: a line from another channel's statement is not it.
    const lineFits =
      line && (args.payWay == null || legacyPayMethodOf(payTypeOfSource(line.source, null)) === args.payWay);
    return Object.assign(new OrderBill(), {
      billData: [reconciliationOrderOf(payment)],
      thirdBill: lineFits ? line : null,
      billInfo: results[0] ?? null,
    });
  }

  @FieldResolver(() => Order, { description: 'The order itself, with every subgraph’s fields.' })
  order(@Root() item: ReconciliationOrder): Order {
    return { platformOrderNo: item.platformOrderNo };
  }
}

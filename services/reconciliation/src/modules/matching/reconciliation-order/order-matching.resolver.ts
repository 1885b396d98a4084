import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { AppError, keysetWindow, selectsField, toKeysetConnection } from '@pay/common';
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

/** What a page carries when its statistics were not asked for (never shown). */
const NO_STATISTICS = {
  orderNum: 0,
  countPrice: 0,
  successBill: 0,
  successPrice: 0,
  failBill: 0,
  failPrice: 0,
};

@Resolver(() => ReconciliationOrder)
export class ReconciliationOrderResolver {
  @Query(() => ReconciliationOrderConnection, {
    description:
      'The reconciliation list, newest first, with statistics over the whole filter (`/pay/consume_order`; platform roles); page size at most 200. Page by number, or by `after` the `endCursor` (a keyset cursor: constant time at any depth); the statistics (and `totalCount`, `totalPages`) are computed only when asked.',
  })
  async reconciliationOrders(
    @Ctx() ctx: ReconciliationContext,
    @Info() info: GraphQLResolveInfo,
    @Args() args: ReconciliationOrdersArgs,
  ): Promise<ReconciliationOrderConnection> {
    requirePlatformReader(ctx);
    const window = keysetWindow(args, { max: 200, textId: true });
    const withStatistics = selectsField(info, ['statistics', 'totalCount', 'totalPages']);
    const page = await listReconciliationOrders(ctx.em, args.filter ?? {}, window, withStatistics);
    const items = page.items.map(reconciliationOrderOf);
    return Object.assign(
      new ReconciliationOrderConnection(),
      toKeysetConnection(
        items,
        { total: page.statistics?.orderNum ?? null, hasMore: page.hasMore },
        window,
        (item) => ({ at: item.createdAt, id: item.platformOrderNo }),
      ),
      { statistics: page.statistics ?? NO_STATISTICS },
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

import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Info,
  InputType,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Connection,
  keysetWindow,
  MoneyScalar,
  PageArgs,
  selectsField,
  toKeysetConnection,
} from '@pay/common';
import type { OrdersContext } from '../../context';
import { Order } from './order.entity';
import { OrderFilterInput } from './order.input';
import { orderPage, orderPageFields, orderPropertiesFor, orderWhere, type OrderRecord } from './order.query';
import { loadPageReferences } from './order-page-references';
import { toListFilter } from './order.resolver';

@InputType({ description: 'Order list filters plus the store and cashier (open API reconciliation).' })
export class StoreOrderFilterInput extends OrderFilterInput {
  @Field(() => String, { nullable: true, description: 'Store id (open API `store_id`).' })
  storeId?: string;

  @Field(() => String, { nullable: true, description: 'Cashier id (open API `cashier_id`).' })
  cashierId?: string;
}

@ObjectType({ description: 'A page of orders filtered by store and cashier.' })
export class StoreOrderConnection extends Connection(Order, 'StoreOrder') {}

/**
 * Orders by store and cashier, for the Fubei-style open API's reconciliation
 * (`openapi.payment.order.reconciliation`), and the merchant's whole fee per order.
 * Kept apart from OrderResolver: the `/orders` filter has no store or cashier.
 */
@Resolver(() => Order)
export class StoreOrdersResolver {
  @Query(() => StoreOrderConnection, {
    description:
      'Orders, newest first, filtered like `orders` plus store and cashier (open API reconciliation); page size at most 100.',
  })
  async storeOrders(
    @Ctx() ctx: OrdersContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => StoreOrderFilterInput, { nullable: true }) filter?: StoreOrderFilterInput,
  ): Promise<StoreOrderConnection> {
    const window = keysetWindow(page, { max: 100 });
    const { storeId, cashierId, ...rest } = filter ?? {};
    const where: Record<string, unknown> = { ...orderWhere(toListFilter(ctx, rest)) };
    if (storeId != null) where.storeId = storeId;
    if (cashierId != null) where.cashierId = cashierId;
    const fields = orderPageFields(info);
    const result = await orderPage(ctx.em, where, window, {
      total: selectsField(info, ['totalCount', 'totalPages']),
      properties: orderPropertiesFor(ctx.em.getMetadata(Order), fields),
    });
    await loadPageReferences(ctx.loaders, result.items, fields);
    return Object.assign(
      new StoreOrderConnection(),
      toKeysetConnection(result.items, result, window, (order) => ({ at: order.createdAt, id: order.id })),
    );
  }

  @FieldResolver(() => MoneyScalar, {
    description:
      "The merchant's whole fee: amount minus merchant income (the platform's fee plus the agent's commission; open API `fee`).",
  })
  merchantFee(@Root() order: OrderRecord): number {
    return order.amount - order.merchantIncome;
  }
}

import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AppError, requireRole } from '@pay/common';
import type { ReconciliationContext } from '../../context';
import { Payment } from './payment.entity';
import { visiblePayment } from './payment-access';
import { Order } from './order.stub';
import { ReconciliationStatus } from './reconciliation-status';

@InputType({ description: 'Switch automatic reconciliation of one order (`/pay/consume_order` POST).' })
export class SetAutoReconcileInput {
  @Field({ description: 'Platform order number (the legacy `code`).' })
  platformOrderNo!: string;

  @Field({ description: 'Whether the daily automatic run reconciles it.' })
  auto!: boolean;
}

@Resolver(() => Order)
export class OrderReconciliationResolver {
  @Query(() => Order, {
    nullable: true,
    description: 'An order as reconciliation knows it (null: unknown, or not yours).',
  })
  async reconciledOrder(
    @Ctx() ctx: ReconciliationContext,
    @Arg('platformOrderNo') platformOrderNo: string,
  ): Promise<Order | null> {
    const payment = visiblePayment(ctx, await ctx.loaders.payment.load(platformOrderNo));
    return payment ? { platformOrderNo: payment.platformOrderNo } : null;
  }

  @FieldResolver(() => ReconciliationStatus, {
    nullable: true,
    description: 'Reconciliation status (null: reconciliation has not heard of the order yet).',
  })
  async reconciliationStatus(
    @Root() order: Order,
    @Ctx() ctx: ReconciliationContext,
  ): Promise<ReconciliationStatus | null> {
    return (
      visiblePayment(ctx, await ctx.loaders.payment.load(order.platformOrderNo))?.reconciliationStatus ?? null
    );
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Legacy `reconciliation_status` code 1-5.' })
  async reconciliationStatusCode(
    @Root() order: Order,
    @Ctx() ctx: ReconciliationContext,
  ): Promise<number | null> {
    return this.reconciliationStatus(order, ctx);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the daily automatic run reconciles this order (`auto`).',
  })
  async autoReconcile(@Root() order: Order, @Ctx() ctx: ReconciliationContext): Promise<boolean> {
    return visiblePayment(ctx, await ctx.loaders.payment.load(order.platformOrderNo))?.autoReconcile ?? false;
  }

  @Mutation(() => Boolean, {
    description: 'Switch automatic reconciliation of an order on or off (operators).',
  })
  async setAutoReconcile(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: SetAutoReconcileInput,
  ): Promise<boolean> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const payment = await ctx.em.findOne(Payment, { platformOrderNo: input.platformOrderNo });
    if (!payment) throw new AppError('NOT_FOUND', '订单不存在', { platformOrderNo: input.platformOrderNo });
    payment.autoReconcile = input.auto;
    await ctx.em.flush();
    return payment.autoReconcile;
  }
}

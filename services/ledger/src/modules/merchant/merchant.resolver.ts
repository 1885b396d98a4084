import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, merchantScope } from '@pay/common';
import type { LedgerContext } from '../../context';
import { MerchantBalance } from '../balance/balance.type';
import { Merchant } from './merchant.stub';

@Resolver(() => Merchant)
export class MerchantLedgerResolver {
  @Query(() => MerchantBalance, {
    description: "A merchant's balances (`/balance`); MERCHANT callers get their own.",
  })
  async merchantBalance(
    @Ctx() ctx: LedgerContext,
    @Arg('merchantId', () => Int, { nullable: true }) merchantId?: number,
  ): Promise<MerchantBalance> {
    const id = merchantScope(ctx.actor, merchantId);
    if (id === undefined)
      throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
    return this.balance({ id }, ctx);
  }

  @FieldResolver(() => MerchantBalance, { description: "The merchant's balances." })
  async balance(@Root() merchant: Merchant, @Ctx() ctx: LedgerContext): Promise<MerchantBalance> {
    merchantScope(ctx.actor, merchant.id);
    const b = await ctx.loaders.merchantBalances.load(merchant.id);
    return { ...b, currency: 'CNY' };
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import {
  AppError,
  merchantScope,
  MoneyScalar,
  PageArgs,
  pageWindow,
  toConnection,
  type Fen,
} from '@pay/common';
import type { LedgerContext } from '../../context';
import { MerchantBalance } from '../balance/balance.type';
import { Merchant } from './merchant.stub';
import { MoneyLogFilterArgs } from '../posting/money-log.args';
import { merchantMoneyLogs } from '../posting/money-log.resolver';
import { MoneyLogConnection } from '../posting/money-log.type';
import { BankCard } from '../bank-card/bank-card.entity';
import { MerchantWithdrawalsArgs, withdrawalFilterOf } from '../withdrawal/withdrawal.args';
import { WithdrawalConnection } from '../withdrawal/withdrawal.type';

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

  @FieldResolver(() => MoneyLogConnection, {
    description: "The merchant's money logs, newest first (`/moneylogs`). Page size at most 200.",
  })
  async moneyLogs(
    @Root() merchant: Merchant,
    @Ctx() ctx: LedgerContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args() filter: MoneyLogFilterArgs,
  ): Promise<MoneyLogConnection> {
    merchantScope(ctx.actor, merchant.id);
    return merchantMoneyLogs(ctx, info, merchant.id, filter, page);
  }

  @FieldResolver(() => WithdrawalConnection, {
    description: "The merchant's withdrawals, newest first (`/withdrawlist`); page size at most 100.",
  })
  async withdrawals(
    @Root() merchant: Merchant,
    @Ctx() ctx: LedgerContext,
    @Args() args: MerchantWithdrawalsArgs,
  ): Promise<WithdrawalConnection> {
    merchantScope(ctx.actor, merchant.id);
    const window = pageWindow(args, { max: 100 });
    const { items, total } = await ctx.loaders
      .merchantWithdrawals(withdrawalFilterOf(args), window)
      .load(merchant.id);
    return Object.assign(new WithdrawalConnection(), toConnection(items, total, window));
  }

  @FieldResolver(() => [BankCard], {
    description: "The merchant's bank cards, oldest first; numbers are masked.",
  })
  bankCards(@Root() merchant: Merchant, @Ctx() ctx: LedgerContext): Promise<BankCard[]> {
    merchantScope(ctx.actor, merchant.id);
    return ctx.loaders.bankCardsByMerchant.load(merchant.id);
  }

  @FieldResolver(() => MerchantBalance, { description: "The merchant's balances." })
  async balance(@Root() merchant: Merchant, @Ctx() ctx: LedgerContext): Promise<MerchantBalance> {
    merchantScope(ctx.actor, merchant.id);
    const b = await ctx.loaders.merchantBalances.load(merchant.id);
    return { ...b, currency: 'CNY' };
  }

  @FieldResolver(() => MoneyScalar, {
    description:
      "The merchant's prepaid fee wallet (`balance` of the billing API): recharges minus bill collections; 0 before any recharge.",
  })
  async prepaidBalance(@Root() merchant: Merchant, @Ctx() ctx: LedgerContext): Promise<Fen> {
    merchantScope(ctx.actor, merchant.id);
    return (await ctx.loaders.merchantBalances.load(merchant.id)).prepaidFee;
  }
}

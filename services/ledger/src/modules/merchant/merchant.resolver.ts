import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import {
  AppError,
  keysetWindow,
  merchantScope,
  MoneyScalar,
  PageArgs,
  selectsField,
  toKeysetConnection,
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
import { Withdrawal } from '../withdrawal/withdrawal.entity';
import { listWithdrawals } from '../withdrawal/withdrawal.service';

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
    @Info() info: GraphQLResolveInfo,
    @Args() args: MerchantWithdrawalsArgs,
  ): Promise<WithdrawalConnection> {
    merchantScope(ctx.actor, merchant.id);
    const window = keysetWindow(args, { max: 100 });
    const keyOf = (w: Withdrawal) => ({ at: w.createdAt, id: w.id });
    // A continuation is one merchant's: read after its cursor, counted only when asked.
    if (window.after) {
      const filter = { ...withdrawalFilterOf(args), merchantId: merchant.id };
      const total = selectsField(info, ['totalCount', 'totalPages']);
      const result = await listWithdrawals(ctx.em, filter, window, { total });
      return Object.assign(
        new WithdrawalConnection(),
        toKeysetConnection(result.items, result, window, keyOf),
      );
    }
    // A first or numbered page: batched with the other merchants' of the same query.
    const { items, total } = await ctx.loaders
      .merchantWithdrawals(withdrawalFilterOf(args), window)
      .load(merchant.id);
    const hasMore = window.offset + items.length < total;
    return Object.assign(
      new WithdrawalConnection(),
      toKeysetConnection(items, { total, hasMore }, window, keyOf),
    );
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

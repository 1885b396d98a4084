import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, requireRole } from '@pay/common';
import type { LedgerContext } from '../../context';
import { merchantBalances } from '../balance/balance.service';
import { MerchantAdjustmentArgs } from '../posting/money-log.args';
import { scopedMerchant } from '../merchant/merchant-access';
import { merchantMoneyLogs } from '../posting/money-log.resolver';
import { MoneyLogConnection } from '../posting/money-log.type';
import { PostingType } from '../posting/posting-type';
import { AdjustBalanceInput } from './adjustment.input';
import { AdjustBalancePayload } from './adjustment.type';
import { adjustBalance } from './adjustment.service';

@Resolver()
export class AdjustmentResolver {
  @Mutation(() => AdjustBalancePayload, {
    description:
      "Credit or debit a merchant's available balance by hand (operators), with a reason; idempotent on requestId.",
  })
  async adjustBalance(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => AdjustBalanceInput) input: AdjustBalanceInput,
  ): Promise<AdjustBalancePayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const merchantId = scopedMerchant(ctx, input.merchantId);
    const result = await adjustBalance(ctx.em, { ...input, merchantId, actor: ctx.actor.sub });
    const posting = await ctx.loaders.postingById.load(result.postingId);
    const [balances] = await merchantBalances(ctx.em, [merchantId]);
    return { posting: posting!, created: result.created, balance: { ...balances!, currency: 'CNY' } };
  }

  @Query(() => MoneyLogConnection, {
    description:
      "A merchant's manual adjustments, newest first (`/manualadjustments`): its money logs of type 0. Page size at most 200.",
  })
  async manualAdjustments(
    @Ctx() ctx: LedgerContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args() args: MerchantAdjustmentArgs,
  ): Promise<MoneyLogConnection> {
    const merchantId = scopedMerchant(ctx, args.merchantId);
    return merchantMoneyLogs(ctx, info, merchantId, { ...args, type: PostingType.ADJUSTMENT }, page);
  }
}

import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LedgerContext } from '../../context';
import { clampHistoryDays, historyCutoff } from './balance.service';
import { HistoryBalance, HistoryBalanceArgs, MerchantBalance } from './balance.type';

/** Fields of a merchant's balances computed on demand (reached only through scoped fields). */
@Resolver(() => MerchantBalance)
export class MerchantBalanceResolver {
  @FieldResolver(() => HistoryBalance, {
    description:
      'The available balance at the end of the China day `days` days ago (`history_days`/`history_balance`).',
  })
  async historyBalance(
    @Root() balance: MerchantBalance,
    @Args() args: HistoryBalanceArgs,
    @Ctx() ctx: LedgerContext,
  ): Promise<HistoryBalance> {
    const days = clampHistoryDays(args.days);
    const at = historyCutoff(days);
    const amount = await ctx.loaders.availableBalanceAt.load({ merchantId: balance.merchantId, at });
    return { days, at, balance: amount };
  }
}

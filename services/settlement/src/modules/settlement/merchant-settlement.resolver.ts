import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { merchantScope, pageWindow, toConnection } from '@pay/common';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { SettlementAccount } from './settlement-account.entity';
import { MerchantSettlementsArgs } from './settlement.args';
import { SettlementConnection } from './settlement-list.type';

@Resolver(() => Merchant)
export class MerchantSettlementResolver {
  @FieldResolver(() => [SettlementAccount], {
    description: 'The merchant’s live settlement accounts, newest first.',
  })
  settlementAccounts(
    @Root() merchant: Merchant,
    @Ctx() ctx: SettlementContext,
  ): Promise<SettlementAccount[]> {
    merchantScope(ctx.actor, merchant.id);
    return ctx.loaders.settlement.settlementAccountsByMerchant.load(merchant.id);
  }

  @FieldResolver(() => SettlementConnection, {
    description: 'The merchant’s settlements, newest first; page size at most 100.',
  })
  async settlements(
    @Root() merchant: Merchant,
    @Ctx() ctx: SettlementContext,
    @Args() args: MerchantSettlementsArgs,
  ): Promise<SettlementConnection> {
    merchantScope(ctx.actor, merchant.id);
    const window = pageWindow(args, { max: 100 });
    const page = await ctx.loaders.settlement
      .merchantSettlements(args.state ?? null, window)
      .load(merchant.id);
    return Object.assign(new SettlementConnection(), toConnection(page.items, page.total, window));
  }
}

import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { merchantScope, PageArgs, pageWindow, toConnection } from '@pay/common';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { termsOf } from './billing.resolver';
import { BillingSummary, BillReceipt, MerchantBillConnection, MerchantBillingTerms } from './billing.type';

/** The billing fields the settlement subgraph adds to the orders service's Merchant. */
@Resolver(() => Merchant)
export class MerchantBillingResolver {
  @FieldResolver(() => MerchantBillConnection, {
    description: 'The merchant’s monthly bills, oldest bill month first; page size at most 100.',
  })
  async bills(
    @Root() merchant: Merchant,
    @Ctx() ctx: SettlementContext,
    @Args() args: PageArgs,
  ): Promise<MerchantBillConnection> {
    merchantScope(ctx.actor, merchant.id);
    const window = pageWindow(args, { max: 100 });
    // A merchant has one bill a month: all of them are loaded (batched) and paged here.
    const all = await ctx.loaders.billingBillsByMerchant.load(merchant.id);
    return Object.assign(
      new MerchantBillConnection(),
      toConnection(all.slice(window.offset, window.offset + window.limit), all.length, window),
    );
  }

  @FieldResolver(() => BillingSummary, {
    description:
      'The merchant’s bills and what they leave owed (`total_left_money`, `this_month_left_money`).',
  })
  async billingSummary(@Root() merchant: Merchant, @Ctx() ctx: SettlementContext): Promise<BillingSummary> {
    merchantScope(ctx.actor, merchant.id);
    return BillingSummary.of(merchant.id, await ctx.loaders.billingBillsByMerchant.load(merchant.id));
  }

  @FieldResolver(() => [BillReceipt], {
    description: 'Money received for the merchant’s billing, oldest first (`get_mch_receivable_detail`).',
  })
  billReceipts(@Root() merchant: Merchant, @Ctx() ctx: SettlementContext): Promise<BillReceipt[]> {
    merchantScope(ctx.actor, merchant.id);
    return ctx.loaders.billingReceiptsByMerchant.load(merchant.id);
  }

  @FieldResolver(() => MerchantBillingTerms, {
    description: 'The merchant’s billing terms (its own or the defaults).',
  })
  billingTerms(@Root() merchant: Merchant, @Ctx() ctx: SettlementContext): Promise<MerchantBillingTerms> {
    merchantScope(ctx.actor, merchant.id);
    return termsOf(ctx, merchant.id);
  }
}

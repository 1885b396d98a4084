import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { keysetWindow, PageArgs, selectsField, toKeysetConnection } from '@pay/common';
import type { LedgerContext } from '../../context';
import { scopedMerchant } from '../merchant/merchant-access';
import { Account } from '../account/account.entity';
import { AccountPurpose } from '../account/account-purpose';
import { Leg } from './leg.entity';
import { Posting } from './posting.entity';
import { POSTING_TYPE_NAMES, PostingType } from './posting-type';
import {
  MONEY_LOG_MAX_PAGE,
  MerchantMoneyLogArgs,
  toMoneyLogFilter,
  type MoneyLogFilterArgs,
} from './money-log.args';
import { MoneyLogConnection } from './money-log.type';
import type { MoneyLogOwner } from './posting.query';

/**
 * A page of money logs (a merchant's or an account's) through the per-request batch
 * loader: by page number, or by keyset cursor (`after` an `endCursor`); `count(*)` only
 * when the query shows totalCount or totalPages.
 */
export async function moneyLogConnection(
  ctx: LedgerContext,
  info: GraphQLResolveInfo,
  owner: MoneyLogOwner,
  key: number,
  filterArgs: MoneyLogFilterArgs,
  page: PageArgs,
): Promise<MoneyLogConnection> {
  const window = keysetWindow(page, { max: MONEY_LOG_MAX_PAGE });
  const filter = toMoneyLogFilter(filterArgs);
  const total = selectsField(info, ['totalCount', 'totalPages']);
  const result = await ctx.loaders.moneyLogPage(owner, filter, window, total).load(key);
  return toKeysetConnection(result.items, result, window, (leg) => ({
    at: leg.createdAt,
    id: Number(leg.id),
  }));
}

/** A page of a merchant's money logs. */
export function merchantMoneyLogs(
  ctx: LedgerContext,
  info: GraphQLResolveInfo,
  merchantId: number,
  filterArgs: MoneyLogFilterArgs,
  page: PageArgs,
): Promise<MoneyLogConnection> {
  return moneyLogConnection(ctx, info, 'MERCHANT', merchantId, filterArgs, page);
}

@Resolver(() => Leg)
export class MoneyLogResolver {
  @Query(() => MoneyLogConnection, {
    description:
      "A merchant's money logs, newest first (`/moneylogs`): the legs of its available and frozen accounts. Page size at most 200.",
  })
  async moneyLogs(
    @Ctx() ctx: LedgerContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args() args: MerchantMoneyLogArgs,
  ): Promise<MoneyLogConnection> {
    return merchantMoneyLogs(ctx, info, scopedMerchant(ctx, args.merchantId), args, page);
  }

  @FieldResolver(() => String, {
    description: 'Type name (`type`): adjustment, recharge, withdraw, commission, reversal, unfreeze, …',
  })
  typeName(@Root() leg: Leg): string {
    return POSTING_TYPE_NAMES[leg.type as PostingType] ?? String(leg.type);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Order number (`order_no`), if any.' })
  async orderNo(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<string | null> {
    return (await ctx.loaders.postingById.load(leg.posting.id))?.orderNo ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Platform order number of the order, if any.',
  })
  async platformOrderNo(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<string | null> {
    return (await ctx.loaders.postingById.load(leg.posting.id))?.platformOrderNo ?? null;
  }

  @FieldResolver(() => String, { description: "The posting's idempotency key (`unique_no`)." })
  async uniqueNo(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<string> {
    return (await ctx.loaders.postingById.load(leg.posting.id))!.uniqueNo;
  }

  @FieldResolver(() => AccountPurpose, {
    description: 'Which account changed (MERCHANT_AVAILABLE or MERCHANT_FROZEN for money logs).',
  })
  async accountPurpose(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<AccountPurpose> {
    return (await ctx.loaders.accountById.load(leg.account.id))!.purpose;
  }

  @FieldResolver(() => Account, { description: 'The account that changed.' })
  async account(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<Account> {
    return (await ctx.loaders.accountById.load(leg.account.id))!;
  }

  @FieldResolver(() => Posting, { description: 'The posting this leg belongs to.' })
  async posting(@Root() leg: Leg, @Ctx() ctx: LedgerContext): Promise<Posting> {
    return (await ctx.loaders.postingById.load(leg.posting.id))!;
  }
}

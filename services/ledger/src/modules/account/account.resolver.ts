import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { MoneyScalar, PageArgs, pageWindow, requireRole, toConnection } from '@pay/common';
import type { LedgerContext } from '../../context';
import { MoneyLogFilterArgs } from '../posting/money-log.args';
import { moneyLogConnection } from '../posting/money-log.resolver';
import { MoneyLogConnection } from '../posting/money-log.type';
import { Account } from './account.entity';
import { AccountFilterArgs } from './account.args';
import { AccountConnection } from './account.type';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, {
    description: 'Ledger accounts with filters, by id (platform roles). Page size at most 200.',
  })
  async accounts(
    @Ctx() ctx: LedgerContext,
    @Args() page: PageArgs,
    @Args() filter: AccountFilterArgs,
  ): Promise<AccountConnection> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    const window = pageWindow(page, { max: 200 });
    const where: FilterQuery<Account> = {};
    if (filter.ownerType) where.ownerType = filter.ownerType;
    if (filter.ownerId) where.ownerId = filter.ownerId;
    if (filter.purpose) where.purpose = filter.purpose;
    const [items, total] = await ctx.em.findAndCount(Account, where, {
      orderBy: { id: 'asc' },
      limit: window.limit,
      offset: window.offset,
    });
    return toConnection(items, total, window);
  }

  @FieldResolver(() => MoneyScalar, {
    description: 'Current balance (hot accounts: the sum of their slots).',
  })
  async balance(@Root() account: Account, @Ctx() ctx: LedgerContext): Promise<number> {
    return ctx.loaders.accountBalance.load(account.id);
  }

  @FieldResolver(() => MoneyLogConnection, {
    description: "The account's legs (money logs), newest first. Page size at most 200.",
  })
  async moneyLogs(
    @Root() account: Account,
    @Ctx() ctx: LedgerContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args() filterArgs: MoneyLogFilterArgs,
  ): Promise<MoneyLogConnection> {
    return moneyLogConnection(ctx, info, 'ACCOUNT', account.id, filterArgs, page);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoneyScalar, pageWindow, requireRole, toConnection, maskPhone } from '@pay/common';
import type { LedgerContext } from '../../../context';
import { ChildAccount } from './child-account.entity';
import { AddChildAccountInput } from './child-account.input';
import { ChildAccountsArgs, ChildBalanceChangesArgs } from './child-account.args';
import {
  AddChildAccountPayload,
  ChildAccountConnection,
  ChildBalanceChangeConnection,
} from './child-account.type';
import { addChildAccount } from './child-account.service';
import { listChildAccounts, listChildBalanceChanges, requireChild } from './child-account.query';
import { canAccessMainAccount } from '../clearing-access';
import { parseTimeRange } from '../clearing-rules';

import { loadMainAccount, mainAccountById, mainAccountOf, PAGE } from '../clearing-resolve';

@Resolver(() => ChildAccount)
export class ChildAccountResolver {
  @Query(() => ChildAccountConnection, {
    description: "A main account's children with their balances, 100 a page (`children_detail`).",
  })
  async childAccounts(
    @Ctx() ctx: LedgerContext,
    @Args() args: ChildAccountsArgs,
  ): Promise<ChildAccountConnection> {
    const window = pageWindow(args, PAGE);
    const main = await mainAccountOf(ctx, args);
    const { items, total } = await listChildAccounts(ctx.em, main.id, args.phone?.trim() || null, window);
    return Object.assign(new ChildAccountConnection(), toConnection(items, total, window));
  }

  @Query(() => ChildBalanceChangeConnection, {
    description:
      "One child's balance changes, oldest first, each with the balance after it, 100 a page; plus its balance now (`child_detail`). NOT_FOUND for an unknown phone.",
  })
  async childBalanceChanges(
    @Ctx() ctx: LedgerContext,
    @Args() args: ChildBalanceChangesArgs,
  ): Promise<ChildBalanceChangeConnection> {
    const window = pageWindow(args, PAGE);
    const range = parseTimeRange(args.startTime, args.endTime);
    const main = await mainAccountOf(ctx, args);
    const child = await requireChild(ctx.em, main, args.phone);
    const balance = await ctx.loaders.clearing.childBalance.load(child.id);
    const { items, total } = await listChildBalanceChanges(ctx.em, child.id, range, window);
    return Object.assign(
      new ChildBalanceChangeConnection(),
      toConnection(
        items.map((item) => ({ ...item, phone: child.phone })),
        total,
        window,
      ),
      { phone: child.phone, balance: balance.balance, lastModifiedTime: balance.updatedAt },
    );
  }

  @Mutation(() => AddChildAccountPayload, {
    description:
      'Add a child account (by phone) to a main account; adding a phone twice returns the existing child.',
  })
  async addChildAccount(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => AddChildAccountInput) input: AddChildAccountInput,
  ): Promise<AddChildAccountPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { record, created } = await addChildAccount(ctx.em, main, input);
    return { childAccount: record, created };
  }

  @FieldResolver(() => ID, { description: 'Main account id.' })
  mainAccountId(@Root() child: ChildAccount): number {
    return child.mainAccount.id;
  }

  @FieldResolver(() => String, {
    description: 'Phone number masked as the children overview shows it, e.g. 138****9987.',
  })
  maskedPhone(@Root() child: ChildAccount): string {
    return maskPhone(child.phone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Full phone number: for platform roles and the owning merchant only (null otherwise).',
  })
  async phone(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<string | null> {
    const main = await loadMainAccount(ctx, child.mainAccount.id);
    return canAccessMainAccount(ctx.actor, main) ? child.phone : null;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Balance (`amount`).' })
  async balance(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await ctx.loaders.clearing.childBalance.load(child.id)).balance;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Last change of the balance (`time`); null when it never changed.',
  })
  async lastModifiedTime(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<Date | null> {
    return (await ctx.loaders.clearing.childBalance.load(child.id)).updatedAt;
  }
}

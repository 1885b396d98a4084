import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  maskAccountNumber,
  maySeeMerchantRecord,
  merchantScope,
  pageWindow,
  requireRole,
  toConnection,
} from '@pay/common';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { SettlementAccount } from './settlement-account.entity';
import { SettlementAccountLookupArgs, SettlementAccountsArgs } from './settlement-account.args';
import {
  CreateSettlementAccountInput,
  DeleteSettlementAccountInput,
  UpdateSettlementAccountInput,
} from './settlement-account.input';
import {
  createSettlementAccount,
  deleteSettlementAccount,
  listSettlementAccounts,
  updateSettlementAccount,
} from './settlement-account.service';
import { SettlementAccountConnection } from './settlement-account.type';
import { SettlementPeriod } from './settlement-codes';

/** An id argument as a number (ids are bigint; non-numbers match nothing). */
export const idOf = (id: string): number => (/^\d{1,15}$/.test(id) ? Number(id) : NaN);

@Resolver(() => SettlementAccount)
export class SettlementAccountResolver {
  @Query(() => SettlementAccountConnection, {
    description:
      'Settlement accounts, newest first, by merchant, merchant name and account (`/pay/account/`); a merchant sees only its own. Page size at most 100.',
  })
  async settlementAccounts(
    @Ctx() ctx: SettlementContext,
    @Args() args: SettlementAccountsArgs,
  ): Promise<SettlementAccountConnection> {
    const window = pageWindow(args, { max: 100 });
    const filter = args.filter ?? {};
    const { items, total } = await listSettlementAccounts(
      ctx.em,
      ctx.runtime.config,
      {
        merchantId: merchantScope(ctx.actor, filter.merchantId),
        merchantName: filter.merchantName?.trim() || undefined,
        account: filter.account?.trim() || undefined,
        includeDeleted: filter.includeDeleted ?? false,
      },
      window,
    );
    return Object.assign(new SettlementAccountConnection(), toConnection(items, total, window));
  }

  @Query(() => SettlementAccount, {
    nullable: true,
    description: 'One settlement account by id; null when absent or not the caller’s.',
  })
  async settlementAccount(
    @Ctx() ctx: SettlementContext,
    @Args() args: SettlementAccountLookupArgs,
  ): Promise<SettlementAccount | null> {
    const id = idOf(args.id);
    if (Number.isNaN(id)) return null;
    const account = await ctx.loaders.settlement.settlementAccountById.load(id);
    return account && maySeeMerchantRecord(ctx.actor, account.merchantId) ? account : null;
  }

  @FieldResolver(() => String, {
    description: 'Account number (legacy `account`); merchants see it masked to the last four characters.',
  })
  accountNo(@Root() account: SettlementAccount, @Ctx() ctx: SettlementContext): string {
    return ctx.actor.role === 'MERCHANT' ? maskAccountNumber(account.accountNo) : account.accountNo;
  }

  @FieldResolver(() => Merchant, { description: 'The merchant.' })
  merchant(@Root() account: SettlementAccount): Merchant {
    return { id: account.merchantId };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The merchant’s name, from the orders service’s directory (legacy `merchant`).',
  })
  async merchantName(
    @Root() account: SettlementAccount,
    @Ctx() ctx: SettlementContext,
  ): Promise<string | null> {
    const entry = await ctx.loaders.settlement.merchantDirectory(ctx.runtime.config).load(account.merchantId);
    return entry?.merchantName ?? null;
  }

  @Mutation(() => SettlementAccount, {
    description:
      'Adds a settlement account for a merchant (operators). A merchant has at most one live account with a period (else CONFLICT).',
  })
  createSettlementAccount(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The account.' }) input: CreateSettlementAccountInput,
  ): Promise<SettlementAccount> {
    requireRole(ctx.actor, 'OPERATOR');
    return createSettlementAccount(ctx.em, ctx.runtime.config, {
      merchantId: input.merchantId,
      method: input.method,
      accountName: input.accountName,
      accountNo: input.accountNo,
      period: input.period ?? SettlementPeriod.UNKNOWN,
      remarks: input.remarks ?? null,
      createdBy: ctx.actor.sub,
    });
  }

  @Mutation(() => SettlementAccount, {
    description: 'Edits a live settlement account (operators); fields left out stay as they are.',
  })
  updateSettlementAccount(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The account and its changes.' }) input: UpdateSettlementAccountInput,
  ): Promise<SettlementAccount> {
    requireRole(ctx.actor, 'OPERATOR');
    return updateSettlementAccount(ctx.em, {
      id: idOf(input.id),
      method: input.method ?? undefined,
      accountName: input.accountName ?? undefined,
      accountNo: input.accountNo ?? undefined,
      period: input.period ?? undefined,
      // Explicit null (or '') clears the remarks; left out keeps them.
      remarks: input.remarks === undefined ? undefined : input.remarks,
    });
  }

  @Mutation(() => SettlementAccount, {
    description:
      'Deletes a settlement account (operators): it is marked `isDelete`, kept for its settlements, and no longer settled.',
  })
  deleteSettlementAccount(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The account.' }) input: DeleteSettlementAccountInput,
  ): Promise<SettlementAccount> {
    requireRole(ctx.actor, 'OPERATOR');
    return deleteSettlementAccount(ctx.em, idOf(input.id));
  }
}
